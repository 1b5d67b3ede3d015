using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace OpenTok.Refit.SampleServer;

/// <summary>
/// Turns the exceptions that are not the server's bug into problem details: a storage failure into 503 (logged as one
/// line, without a stack trace), a request Kestrel could not read into its own 4xx. Anything else stays a 500.
/// </summary>
internal sealed partial class SampleServerExceptionHandler(IProblemDetailsService problems, ILogger<SampleServerExceptionHandler> logger) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        int status;
        string detail;
        switch (exception)
        {
            case RoomStorageException storage:
                LogStorageFailure(logger, storage.Message);
                status = StatusCodes.Status503ServiceUnavailable;
                detail = "Room storage is unavailable, so rooms cannot be created or looked up right now. Try again shortly.";
                break;
            case BadHttpRequestException badRequest:
                // A malformed chunked body, a client that stopped sending, a body over Kestrel's own limit: the client's doing.
                status = badRequest.StatusCode;
                detail = $"The request could not be read: {badRequest.Message}";
                break;
            default:
                return false;
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = status, Title = ReasonPhrases.GetReasonPhrase(status), Detail = detail },
        });
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Error, Message = "Room storage failed: {Reason}")]
    private static partial void LogStorageFailure(ILogger logger, string reason);
}
