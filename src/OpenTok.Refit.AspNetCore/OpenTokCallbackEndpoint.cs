using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace OpenTok.Refit;

/// <summary>
/// One callback request, in the order that costs least for what is refused: media type, size, signature, JSON,
/// then the handlers. Answers are short plain text that never quotes the body.
/// </summary>
internal sealed partial class OpenTokCallbackEndpoint(string? optionsName, Func<HttpContext, OpenTokEvent, CancellationToken, Task> dispatch)
{
    public async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptionsMonitor<OpenTokCallbackOptions>>().Get(optionsName ?? Options.DefaultName);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("OpenTok.Refit.Callbacks");
        var request = context.Request;

        if (!IsJson(request.ContentType))
        {
            Log.Refused(logger, StatusCodes.Status415UnsupportedMediaType, "the body is not JSON");
            await AnswerAsync(context, StatusCodes.Status415UnsupportedMediaType, "OpenTok callbacks are JSON: send Content-Type: application/json (UTF-8).").ConfigureAwait(false);
            return;
        }

        if (request.ContentLength > options.MaxBodySize)
        {
            await TooLargeAsync(context, logger, options).ConfigureAwait(false);
            return;
        }

        var body = await ReadBodyAsync(context, options.MaxBodySize).ConfigureAwait(false);
        if (body is null)
        {
            await TooLargeAsync(context, logger, options).ConfigureAwait(false);
            return;
        }

        try
        {
            if (options.SignatureSecret is { } secret)
            {
                var now = (services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
                var signature = CallbackSignature.Verify(request.Headers.Authorization.ToString(), body.Memory.Span, secret, now);
                if (signature.Status == CallbackSignatureStatus.Missing)
                {
                    // The service may send a callback unsigned after an internal error; a 5xx makes it retry, signed.
                    Log.Refused(logger, StatusCodes.Status503ServiceUnavailable, signature.Message);
                    context.Response.Headers.RetryAfter = "60";
                    await AnswerAsync(context, StatusCodes.Status503ServiceUnavailable, "This endpoint accepts signed callbacks only; retry with the signature.").ConfigureAwait(false);
                    return;
                }

                if (!signature.IsValid)
                {
                    Log.Refused(logger, StatusCodes.Status401Unauthorized, signature.Message);
                    await AnswerAsync(context, StatusCodes.Status401Unauthorized, "The callback signature is not valid: " + signature.Message).ConfigureAwait(false);
                    return;
                }
            }

            OpenTokEvent callbackEvent;
            try
            {
                callbackEvent = OpenTokEvent.Parse(body.Memory.Span);
            }
            catch (OpenTokEventFormatException e)
            {
                Log.Refused(logger, StatusCodes.Status400BadRequest, e.Message);
                await AnswerAsync(context, StatusCodes.Status400BadRequest, e.Message).ConfigureAwait(false);
                return;
            }

            try
            {
                await dispatch(context, callbackEvent, context.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
            {
                // 500 makes the service deliver the event again later; the handler saw it, so it must be idempotent.
                Log.HandlerFailed(logger, e, callbackEvent.Kind.Value, callbackEvent.SessionId);
                await AnswerAsync(context, StatusCodes.Status500InternalServerError, "The event could not be handled; deliver it again later.").ConfigureAwait(false);
                return;
            }

            Log.Handled(logger, callbackEvent.Kind.Value, callbackEvent.SessionId);
            context.Response.StatusCode = StatusCodes.Status200OK;
        }
        finally
        {
            body.Dispose();
        }
    }

    /// <summary><c>application/json</c> or a <c>+json</c> type, in UTF-8 (or with no charset: JSON is UTF-8).</summary>
    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.MediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.MediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)))
        && (!mediaType.Charset.HasValue || mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    /// <summary>The body, or <see langword="null"/> when it is larger than <paramref name="maxBodySize"/> (read no further than one byte past it).</summary>
    private static async Task<PooledBody?> ReadBodyAsync(HttpContext context, long maxBodySize)
    {
        // Kestrel's own limit (30 MB by default) stays as it is: ours (at most 16 MiB) refuses first, and a server
        // configured lower answers 413 by itself.
        var capacity = (int)Math.Min(maxBodySize + 1, Math.Max(context.Request.ContentLength ?? 16 * 1024, 1));
        var buffer = ArrayPool<byte>.Shared.Rent(capacity);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > maxBodySize)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        return null;
                    }

                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(maxBodySize + 1, (long)buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await context.Request.Body.ReadAsync(buffer.AsMemory(length), context.RequestAborted).ConfigureAwait(false);
                if (read == 0)
                {
                    return new PooledBody(buffer, length);
                }

                length += read;
                if (length > maxBodySize)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return null;
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static Task TooLargeAsync(HttpContext context, ILogger logger, OpenTokCallbackOptions options)
    {
        Log.Refused(logger, StatusCodes.Status413PayloadTooLarge, "the body is too large");
        return AnswerAsync(context, StatusCodes.Status413PayloadTooLarge, $"The callback body is larger than {options.MaxBodySize} bytes.");
    }

    private static Task AnswerAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message, context.RequestAborted);
    }

    /// <summary>A rented buffer holding the body; returned to the pool when disposed.</summary>
    private sealed class PooledBody(byte[] buffer, int length) : IDisposable
    {
        public ReadOnlyMemory<byte> Memory => buffer.AsMemory(0, length);

        public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "OpenTok callback {Kind} for session {SessionId} handled.")]
        public static partial void Handled(ILogger logger, string kind, string sessionId);

        [LoggerMessage(2, LogLevel.Error, "OpenTok callback {Kind} for session {SessionId}: a handler failed; answered 500 so the service delivers it again.")]
        public static partial void HandlerFailed(ILogger logger, Exception exception, string kind, string sessionId);

        // A refused signature may be an attack or a wrong secret: a warning. The rest is noise a scanner can make: information.
        public static void Refused(ILogger logger, int status, string reason) =>
            RefusedAt(logger, status is StatusCodes.Status401Unauthorized or StatusCodes.Status503ServiceUnavailable ? LogLevel.Warning : LogLevel.Information, status, reason);

        [LoggerMessage(EventId = 3, Message = "OpenTok callback refused with {Status}: {Reason}")]
        private static partial void RefusedAt(ILogger logger, LogLevel level, int status, string reason);
    }
}
