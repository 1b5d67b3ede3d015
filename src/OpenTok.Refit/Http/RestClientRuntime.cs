using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OpenTok.Refit.Http;

/// <summary>
/// What the generated REST clients call: building requests, sending them and reading answers. Keeping this in
/// ordinary code keeps the generated code short and lets every endpoint share one error path.
/// </summary>
public static class RestClientRuntime
{
    /// <summary>The request option holding the endpoint's path template (<c>/v2/project/{apiKey}/archive/{archiveId}</c>), for logs and traces.</summary>
    public static readonly HttpRequestOptionsKey<string> PathTemplateKey = new("OpenTok.PathTemplate");

    /// <summary>Creates a request for an endpoint.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The expanded path and query, relative to the base address.</param>
    /// <param name="pathTemplate">The declared path template.</param>
    /// <returns>The request.</returns>
    public static HttpRequestMessage CreateRequest(HttpMethod method, string path, string pathTemplate)
    {
        // Relative to the HttpClient's BaseAddress: the leading '/' is dropped so a base address with a path prefix keeps it.
        var request = new HttpRequestMessage(method, new Uri(path.TrimStart('/'), UriKind.Relative));
        request.Options.Set(PathTemplateKey, pathTemplate);
        return request;
    }

    /// <summary>Escapes a path parameter, refusing null or empty values before anything is sent.</summary>
    /// <param name="value">The value.</param>
    /// <param name="parameterName">The parameter's name, for the error.</param>
    /// <returns>The escaped segment.</returns>
    /// <exception cref="OpenTokArgumentException">The value is null, empty or whitespace.</exception>
    public static string PathSegment(string? value, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new OpenTokArgumentException($"{parameterName} must not be null or empty: it is part of the request path.", parameterName);
        }

        return Uri.EscapeDataString(value);
    }

    /// <summary>Adds a header, replacing any earlier value.</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The header name.</param>
    /// <param name="value">The value; nothing is added when <see langword="null"/>.</param>
    public static void SetHeader(HttpRequestMessage request, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (value is null)
        {
            return;
        }

        request.Headers.Remove(name);
        request.Headers.TryAddWithoutValidation(name, value);
    }

    /// <summary>A JSON body, serialised now (so a retried request resends the same bytes) through the options' source-generated metadata.</summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="value">The body.</param>
    /// <param name="options">Serializer options whose resolver knows <typeparamref name="T"/>.</param>
    /// <returns>The content, <c>application/json</c>.</returns>
    public static HttpContent JsonBody<T>(T value, JsonSerializerOptions options)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, TypeInfo<T>(options)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>Sends a request whose answer has no body to read.</summary>
    /// <param name="client">The client.</param>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the call succeeded.</returns>
    /// <exception cref="OpenTokApiException">The answer was not a success.</exception>
    public static async Task SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await OpenTokApiException.FromResponseAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends a request and reads its JSON answer.</summary>
    /// <typeparam name="T">The answer's type.</typeparam>
    /// <param name="client">The client.</param>
    /// <param name="request">The request.</param>
    /// <param name="options">Serializer options whose resolver knows <typeparamref name="T"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="OpenTokApiException">The answer was not a success, or its body was empty, not JSON or the wrong shape.</exception>
    public static async Task<T> SendAsync<T>(HttpClient client, HttpRequestMessage request, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await OpenTokApiException.FromResponseAsync(response, cancellationToken).ConfigureAwait(false);
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (body.Length == 0)
        {
            throw OpenTokApiException.UnreadableBody(response, null, $"it was empty where {typeof(T).Name} was expected.");
        }

        try
        {
            return JsonSerializer.Deserialize(body, TypeInfo<T>(options))
                ?? throw OpenTokApiException.UnreadableBody(response, "null", $"it was JSON null where {typeof(T).Name} was expected.");
        }
        catch (JsonException e)
        {
            throw OpenTokApiException.UnreadableBody(response, System.Text.Encoding.UTF8.GetString(body), $"it is not the JSON of {typeof(T).Name} ({e.Message})", e);
        }
    }

    private static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
    }
}
