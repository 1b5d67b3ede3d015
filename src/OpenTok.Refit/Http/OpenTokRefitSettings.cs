using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace OpenTok.Refit.Http;

/// <summary>
/// How Refit runs every OpenTok endpoint: JSON through the source-generated <see cref="OpenTokJsonContext"/> (no
/// reflection), form booleans lower-case, and every failure turned into the SDK's own exceptions — a non-success
/// answer or an unreadable body into the <see cref="OpenTokApiException"/> family, a Polly timeout into
/// <see cref="TimeoutException"/>, an open circuit into <see cref="HttpRequestException"/>; other transport errors
/// and cancellation pass through as they are.
/// </summary>
internal static class OpenTokRefitSettings
{
    /// <summary>The settings every area's generated client shares (they are only read).</summary>
    public static RefitSettings Instance { get; } = Create();

    private static RefitSettings Create()
    {
        var settings = new RefitSettings(new StrictJsonSerializer(SystemTextJsonContentSerializer.ForContext(OpenTokJsonContext.Default)))
        {
            FormUrlEncodedParameterFormatter = new InvariantFormFormatter(),
            // A buffered body can be sent again unchanged when the resilience pipeline retries.
            Buffered = true,
            ExceptionFactory = async response => response.IsSuccessStatusCode
                ? null
                : await OpenTokApiException.FromResponseAsync(response).ConfigureAwait(false),
            DeserializationExceptionFactory = (response, exception) => ValueTask.FromResult<Exception?>(exception is UnreadableBodyException unreadable
                ? OpenTokApiException.UnreadableBody(response, unreadable.Body, unreadable.Message, unreadable.InnerException)
                : OpenTokApiException.UnreadableBody(response, null, exception.Message, exception)),
            TransportExceptionFactory = (request, exception, _) => exception switch
            {
                TimeoutRejectedException e => new TimeoutException($"OpenTok {request.Method} {PathOf(request)} timed out ({e.Timeout}).", e),
                BrokenCircuitException e => new HttpRequestException(
                    $"OpenTok {request.Method} {PathOf(request)} was not sent: too many recent calls failed, so the circuit is open for a while.", e, HttpStatusCode.ServiceUnavailable),
                _ => exception,
            },
        };
        return settings;
    }

    private static string PathOf(HttpRequestMessage request) => request.RequestUri?.AbsolutePath ?? "?";

    /// <summary>
    /// System.Text.Json through <see cref="OpenTokJsonContext"/>'s metadata (no reflection), reading each answer's
    /// bytes once. An empty body or JSON <c>null</c> where an object is expected is an error (Refit would return
    /// <see langword="null"/>), and every unreadable body carries its text to the exception factory.
    /// </summary>
    private sealed class StrictJsonSerializer(SystemTextJsonContentSerializer inner) : IHttpContentSerializer
    {
        public HttpContent ToHttpContent<T>(T item) => inner.ToHttpContent(item);

        public async Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default)
        {
            var body = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (body.Length == 0)
            {
                throw new UnreadableBodyException(body, $"it was empty where {typeof(T).Name} was expected.", null);
            }

            try
            {
                return JsonSerializer.Deserialize(body, (JsonTypeInfo<T>)OpenTokJsonContext.Default.GetTypeInfo(typeof(T))!)
                    ?? throw new UnreadableBodyException(body, $"it was JSON null where {typeof(T).Name} was expected.", null);
            }
            catch (JsonException e)
            {
                throw new UnreadableBodyException(body, $"it is not the JSON of {typeof(T).Name} ({e.Message})", e);
            }
        }

        public string? GetFieldNameForProperty(PropertyInfo propertyInfo) => inner.GetFieldNameForProperty(propertyInfo);
    }

    /// <summary>Carries an answer's body from the serializer to <see cref="RefitSettings.DeserializationExceptionFactory"/>.</summary>
    private sealed class UnreadableBodyException(byte[] body, string problem, Exception? innerException) : Exception(problem, innerException)
    {
        public string Body { get; } = Encoding.UTF8.GetString(body);
    }

    /// <summary>Form values as OpenTok reads them: <c>true</c>/<c>false</c> (not .NET's <c>True</c>), numbers in the invariant culture.</summary>
    private sealed class InvariantFormFormatter : IFormUrlEncodedParameterFormatter
    {
        public string? Format(object? value, string? formatString) => value switch
        {
            null => null,
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(formatString, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
    }
}
