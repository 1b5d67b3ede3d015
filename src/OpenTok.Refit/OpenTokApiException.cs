using System.Net;
using System.Text.Json;

namespace OpenTok.Refit;

/// <summary>
/// The OpenTok REST API answered with something other than success, or with a success body the SDK could not read.
/// Carries the status, the server's own <c>code</c> and <c>message</c>, the method and path, and the body
/// (truncated). Never the auth header or the secret. Subclasses exist where callers branch: not found, conflict,
/// authentication, rate limited.
/// </summary>
public class OpenTokApiException : Exception
{
    /// <summary>How much of a response body is kept.</summary>
    public const int MaxBodyLength = 2048;

    /// <summary>Creates the exception; use <see cref="FromResponseAsync"/> to read one from a response.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="errorCode">The server's <c>code</c>, when the body had one.</param>
    /// <param name="serverMessage">The server's <c>message</c>, when the body had one.</param>
    /// <param name="method">The request method.</param>
    /// <param name="path">The request path and query.</param>
    /// <param name="body">The response body, truncated to <see cref="MaxBodyLength"/>.</param>
    /// <param name="message">The exception message.</param>
    /// <param name="innerException">The cause, if any.</param>
    public OpenTokApiException(HttpStatusCode statusCode, int? errorCode, string? serverMessage, string method, string path, string? body, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ServerMessage = serverMessage;
        Method = method;
        Path = path;
        Body = body;
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public OpenTokApiException(string message)
        : this(0, null, null, "", "", null, message)
    {
    }

    /// <summary>Creates the exception with no details.</summary>
    public OpenTokApiException()
        : this("The OpenTok REST API call failed.")
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public OpenTokApiException(string message, Exception innerException)
        : this(0, null, null, "", "", null, message, innerException)
    {
    }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The server's error <c>code</c>, when its body carried one.</summary>
    public int? ErrorCode { get; }

    /// <summary>The server's error <c>message</c>, when its body carried one.</summary>
    public string? ServerMessage { get; }

    /// <summary>The request method.</summary>
    public string Method { get; }

    /// <summary>The request path and query (relative to the base address).</summary>
    public string Path { get; }

    /// <summary>The response body, truncated to <see cref="MaxBodyLength"/> characters; <see langword="null"/> when empty.</summary>
    public string? Body { get; }

    /// <summary>Reads a failed answer into the exception type that fits its status.</summary>
    /// <param name="response">The non-success response.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns>The exception, not thrown.</returns>
    public static async Task<OpenTokApiException> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        var (code, serverMessage) = ParseErrorBody(body);
        var (method, path) = Describe(response.RequestMessage);
        var status = response.StatusCode;
        var message = $"OpenTok answered {(int)status} {response.ReasonPhrase ?? status.ToString()} to {method} {path}"
            + (serverMessage is null ? "." : $": {serverMessage}");
        return status switch
        {
            HttpStatusCode.NotFound => new OpenTokNotFoundException(code, serverMessage, method, path, body, message),
            HttpStatusCode.Conflict => new OpenTokConflictException(code, serverMessage, method, path, body, message),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                new OpenTokAuthenticationException(status, code, serverMessage, method, path, body, message),
            HttpStatusCode.TooManyRequests =>
                new OpenTokRateLimitedException(code, serverMessage, method, path, body, message, RetryAfter(response)),
            _ => new OpenTokApiException(status, code, serverMessage, method, path, body, message),
        };
    }

    /// <summary>A success answer whose body could not be read as the expected type (empty, not JSON, wrong shape).</summary>
    /// <param name="response">The response.</param>
    /// <param name="body">The body as read.</param>
    /// <param name="problem">What was wrong with it.</param>
    /// <param name="innerException">The parser's error, if any.</param>
    /// <returns>The exception, not thrown.</returns>
    public static OpenTokApiException UnreadableBody(HttpResponseMessage response, string? body, string problem, Exception? innerException = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        var (method, path) = Describe(response.RequestMessage);
        return new OpenTokApiException(response.StatusCode, null, null, method, path, Truncate(body),
            $"OpenTok answered {(int)response.StatusCode} to {method} {path}, but the body could not be read: {problem}", innerException);
    }

    internal static string? Truncate(string? body) =>
        string.IsNullOrEmpty(body) ? null : body.Length <= MaxBodyLength ? body : body[..MaxBodyLength] + "…";

    private static async Task<string?> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return Truncate(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (HttpRequestException)
        {
            return null; // the connection broke while reading an error body: the status still says what happened
        }
    }

    private static (int? Code, string? Message) ParseErrorBody(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            int? code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n) ? n : null;
            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            return (code, message);
        }
        catch (JsonException)
        {
            return (null, null); // an HTML error page, say: the body is kept as it is
        }
    }

    private static (string Method, string Path) Describe(HttpRequestMessage? request) =>
        (request?.Method.Method ?? "?", request?.RequestUri is { } uri ? (uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString) : "?");

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => null,
        };
}

/// <summary>404: the archive, session, stream or connection does not exist.</summary>
public sealed class OpenTokNotFoundException : OpenTokApiException
{
    internal OpenTokNotFoundException(int? errorCode, string? serverMessage, string method, string path, string? body, string message)
        : base(HttpStatusCode.NotFound, errorCode, serverMessage, method, path, body, message)
    {
    }
}

/// <summary>409: the resource is in the wrong state (an archive already running, a relayed session, …).</summary>
public sealed class OpenTokConflictException : OpenTokApiException
{
    internal OpenTokConflictException(int? errorCode, string? serverMessage, string method, string path, string? body, string message)
        : base(HttpStatusCode.Conflict, errorCode, serverMessage, method, path, body, message)
    {
    }
}

/// <summary>401 or 403: the API key, secret or JWT was not accepted (a wrong secret, or a clock far off).</summary>
public sealed class OpenTokAuthenticationException : OpenTokApiException
{
    internal OpenTokAuthenticationException(HttpStatusCode statusCode, int? errorCode, string? serverMessage, string method, string path, string? body, string message)
        : base(statusCode, errorCode, serverMessage, method, path, body, message)
    {
    }
}

/// <summary>429: too many requests; <see cref="RetryAfter"/> says when to try again, if the server said.</summary>
public sealed class OpenTokRateLimitedException : OpenTokApiException
{
    internal OpenTokRateLimitedException(int? errorCode, string? serverMessage, string method, string path, string? body, string message, TimeSpan? retryAfter)
        : base(HttpStatusCode.TooManyRequests, errorCode, serverMessage, method, path, body, message) => RetryAfter = retryAfter;

    /// <summary>How long the server asked to wait, from its <c>Retry-After</c> header.</summary>
    public TimeSpan? RetryAfter { get; }
}
