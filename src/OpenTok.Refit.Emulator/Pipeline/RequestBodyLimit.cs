using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace OpenTok.Refit.Emulator.Pipeline;

/// <summary>
/// The body stage: reads every request body into memory before routing, up to
/// <see cref="OpenTokEmulator.MaxRequestBodySize"/>, so that the limit holds on every route (a handler that never
/// reads its body included) and a body too large or cut short is refused in one place: 413 or 400 with the error body.
/// </summary>
/// <remarks>
/// A client still sending a body when the 413 goes out reads it only if the server goes on reading: one that closes
/// on unread data makes the client's TCP stack reset the connection, and HttpClient then reports a failed send
/// instead of the answer. So the rest of a body too large is read and thrown away, up to <see cref="DrainLimit"/>;
/// past that the connection is closed after the 413.
/// </remarks>
internal static class RequestBodyLimit
{
    /// <summary>How much of a body too large is read (and discarded) so the client can read the 413: 64 MiB, a fraction of a second on loopback.</summary>
    public const long DrainLimit = 64L * 1024 * 1024;

    /// <summary>Adds the stage; it goes after the error stage, which writes its refusals, and before routing.</summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use(BufferBodyAsync);

    private static async Task BufferBodyAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != true || request.ContentLength == 0)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        // Kestrel's own limit is MaxRequestBodySize too; this request may be read further, to drain a body too large.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = DrainLimit;
        }

        if (request.ContentLength > OpenTokEmulator.MaxRequestBodySize)
        {
            throw await TooLargeAsync(context).ConfigureAwait(false);
        }

        var buffer = new MemoryStream();
        context.Response.RegisterForDispose(buffer);
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > OpenTokEmulator.MaxRequestBodySize)
                {
                    throw await TooLargeAsync(context).ConfigureAwait(false);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e)
        {
            // A body that ends before its Content-Length or last chunk, or whose chunks do not parse.
            throw new ApiErrorException(e.StatusCode, $"The request body could not be read: {e.Message}");
        }

        buffer.Position = 0;
        request.Body = buffer;
        await next(context).ConfigureAwait(false);
    }

    /// <summary>Reads the rest of a body too large and discards it (or closes the connection after the answer, past <see cref="DrainLimit"/>), then makes the 413.</summary>
    private static async Task<ApiErrorException> TooLargeAsync(HttpContext context)
    {
        var drained = false;
        if (context.Request.ContentLength is null or <= DrainLimit)
        {
            try
            {
                var discard = new byte[64 * 1024];
                while (await context.Request.Body.ReadAsync(discard, context.RequestAborted).ConfigureAwait(false) > 0)
                {
                }

                drained = true;
            }
            catch (BadHttpRequestException)
            {
                // Past the drain limit, or cut short: the connection cannot carry another request.
            }
        }

        if (!drained)
        {
            context.Response.Headers.Connection = "close";
        }

        return new ApiErrorException(
            StatusCodes.Status413PayloadTooLarge,
            $"The request body is larger than the emulator's limit of {OpenTokEmulator.MaxRequestBodySize} bytes; OpenTok request bodies are a few kilobytes at most.");
    }
}
