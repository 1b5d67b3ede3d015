using System.Text.Json;
using System.Text.Unicode;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace OpenTok.Refit.Emulator.Pipeline;

/// <summary>
/// Reads and writes JSON bodies through the SDK's <see cref="OpenTokJsonContext"/>, so the emulator and the SDK share
/// every wire name and nothing is serialized by reflection. A body that is not a UTF-8 JSON object of the right shape
/// is a 400, never a 500.
/// </summary>
internal static class JsonBodies
{
    /// <summary>Reads a JSON object body into a wire model, keeping the parsed object to tell absent fields from defaults.</summary>
    /// <exception cref="ApiErrorException">400: the body is not JSON, not UTF-8, not an object, or not of this shape.</exception>
    public static async Task<(T Value, JsonElement Body)> ReadJsonAsync<T>(this HttpContext context, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        var body = await context.ReadJsonObjectAsync().ConfigureAwait(false);
        try
        {
            return (body.Deserialize(typeInfo)!, body);
        }
        catch (JsonException e)
        {
            throw ApiErrorException.BadRequest($"The body is not valid JSON for this call: {e.Message}");
        }
    }

    /// <summary>Reads a JSON object body, noting its long strings for <see cref="LongInputs"/>.</summary>
    /// <exception cref="ApiErrorException">400: the body is not JSON, not UTF-8, or not an object.</exception>
    public static async Task<JsonElement> ReadJsonObjectAsync(this HttpContext context)
    {
        if (context.Request.ContentType is { } declared)
        {
            if (!context.Request.HasJsonContentType() || !MediaTypeHeaderValue.TryParse(declared, out var contentType))
            {
                throw ApiErrorException.BadRequest($"The body must be application/json, not {Arguments.Quote(declared)}.");
            }

            BodyCharset.EnsureUtf8(contentType);
        }

        // The body stage has it in memory already, at most MaxRequestBodySize bytes. The parser checks the UTF-8 of
        // what it parses but not of strings until they are read, where it would throw InvalidOperationException.
        using var bytes = new MemoryStream();
        await context.Request.Body.CopyToAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        var utf8 = bytes.GetBuffer().AsMemory(0, (int)bytes.Length);
        if (!Utf8.IsValid(utf8.Span))
        {
            throw ApiErrorException.BadRequest("The body is not valid UTF-8.");
        }

        try
        {
            using var document = JsonDocument.Parse(utf8);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw ApiErrorException.BadRequest($"The body must be a JSON object, not {document.RootElement.ValueKind}.");
            }

            var body = document.RootElement.Clone();
            LongInputs.NoteAll(context, body);
            return body;
        }
        catch (JsonException e)
        {
            throw ApiErrorException.BadRequest($"The body is not valid JSON: {e.Message}");
        }
    }

    /// <summary>Answers with <paramref name="statusCode"/> and <paramref name="value"/> as JSON.</summary>
    public static Task WriteJsonAsync<T>(this HttpContext context, int statusCode, T value, JsonTypeInfo<T> typeInfo)
    {
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(value, typeInfo, contentType: "application/json; charset=utf-8", context.RequestAborted);
    }

    /// <summary>
    /// Whether a body has a non-null field of this name. The source-generated reader sets an absent init-only field
    /// to default(T) (false, ""), not to the record's initializer, so an area that must apply the service's default
    /// for a left-out field asks the parsed body.
    /// </summary>
    public static bool HasField(this JsonElement body, string name) => body.TryGetField(name, out _);

    /// <summary>A body's non-null field of this name, matched case-insensitively as the SDK's JSON options (JsonSerializerDefaults.Web) match names.</summary>
    public static bool TryGetField(this JsonElement body, string name, out JsonElement value)
    {
        foreach (var property in body.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind != JsonValueKind.Null)
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
