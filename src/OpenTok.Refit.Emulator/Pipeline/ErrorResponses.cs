using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OpenTok.Refit.Emulator.Pipeline;

/// <summary>
/// Turns what a handler throws into the service's error body <c>{ "code", "message" }</c>, so that
/// handlers state a rule by throwing and never write an error themselves.
/// </summary>
internal static class ErrorResponses
{
    /// <summary>Adds the stage that answers <see cref="ApiErrorException"/>s and refused bodies with their status and error body.</summary>
    public static IApplicationBuilder UseErrorResponses(this IApplicationBuilder app) => app.Use(WriteErrorsAsync);

    /// <summary>
    /// The longest message an error body carries. Every message quotes inputs short already (<see cref="LongInputs"/>);
    /// this bounds what no rule foresaw, such as an exception's own message.
    /// </summary>
    private const int MaxMessageLength = 500;

    /// <summary>Answers with <paramref name="statusCode"/> and the service's error body, its message quoting no input at length.</summary>
    public static Task WriteErrorAsync(HttpContext context, int statusCode, string message)
    {
        message = LongInputs.Shorten(context, message);
        if (message.Length > MaxMessageLength)
        {
            message = string.Concat(message.AsSpan(0, MaxMessageLength), "…");
        }

        return context.WriteJsonAsync(statusCode, new ErrorBody(statusCode, message), OpenTokJsonContext.Default.ErrorBody);
    }

    private static async Task WriteErrorsAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (ApiErrorException e) when (!context.Response.HasStarted)
        {
            await WriteErrorAsync(context, e.StatusCode, e.Message).ConfigureAwait(false);
        }
        catch (OpenTokArgumentException e) when (!context.Response.HasStarted)
        {
            // A model's own Validate() refused the body: the SDK's rule, worded by the SDK.
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, e.Message).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            // Kestrel's refusal of what the client sent: its status (400, 413, …) is the client's error, not the emulator's.
            await WriteErrorAsync(context, e.StatusCode, e.Message).ConfigureAwait(false);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested && e is not OperationCanceledException)
        {
            await WriteErrorAsync(context, StatusCodes.Status500InternalServerError, $"The emulator failed: {e.GetType().Name}: {e.Message}").ConfigureAwait(false);
        }
    }
}
