using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace OpenTok.Refit.Emulator.Pipeline;

/// <summary>
/// Reads and writes JSON bodies through the SDK's <see cref="OpenTokJsonContext"/>, so the emulator and the SDK share
/// every wire name and nothing is serialized by reflection. A body that is not a JSON object of the right shape is
/// a 400, never a 500.
/// </summary>
internal static class JsonBodies
{
    /// <summary>Reads a JSON object body into a wire model, keeping the parsed object to tell absent fields from defaults.</summary>
    /// <exception cref="ApiErrorException">400: the body is not JSON, not an object, or not of this shape.</exception>
    public static async Task<(T Value, JsonElement Body)> ReadJsonAsync<T>(this HttpContext context, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (context.Request.HasJsonContentType() is false && context.Request.ContentType is not null)
        {
            throw ApiErrorException.BadRequest($"The body must be application/json, not {context.Request.ContentType}.");
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw ApiErrorException.BadRequest($"The body must be a JSON object, not {document.RootElement.ValueKind}.");
            }

            var body = document.RootElement.Clone();
            return (body.Deserialize(typeInfo)!, body);
        }
        catch (JsonException e)
        {
            throw ApiErrorException.BadRequest($"The body is not valid JSON for this call: {e.Message}");
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
