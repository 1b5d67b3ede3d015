namespace OpenTok.Refit.Emulator.Pipeline;

/// <summary>An answer with an error status and the service's error body <c>{ "code", "message" }</c>.</summary>
internal sealed class ApiErrorException : Exception
{
    public ApiErrorException(int statusCode, string message)
        : base(message) => StatusCode = statusCode;

    public ApiErrorException()
    {
    }

    public ApiErrorException(string message)
        : base(message)
    {
    }

    public ApiErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int StatusCode { get; } = 500;

    public static ApiErrorException BadRequest(string message) => new(400, message);

    public static ApiErrorException Unauthorized(string message) => new(401, message);

    public static ApiErrorException Forbidden(string message) => new(403, message);

    public static ApiErrorException NotFound(string message) => new(404, message);

    public static ApiErrorException MethodNotAllowed(string message) => new(405, message);

    public static ApiErrorException Conflict(string message) => new(409, message);
}
