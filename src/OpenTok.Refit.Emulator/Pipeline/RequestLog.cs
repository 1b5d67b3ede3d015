using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OpenTok.Refit.Emulator.Pipeline;

/// <summary>One line per request (method, path and query, status, elapsed time) for <see cref="OpenTokEmulatorOptions.RequestLog"/>. Never a header, so never the auth JWT.</summary>
internal static class RequestLog
{
    /// <summary>Adds the logging stage; it goes first, so that it sees every answer, injected faults included.</summary>
    /// <param name="app">The emulator's pipeline.</param>
    /// <param name="log">A synchronized writer: requests end on many threads at once.</param>
    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app, TextWriter log) =>
        app.Use((context, next) => LogRequestAsync(context, next, log));

    private static async Task LogRequestAsync(HttpContext context, RequestDelegate next, TextWriter log)
    {
        // Elapsed time is measured, not read from the emulator's clock: it is about this process, not the emulated service.
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            var status = Outcome(context);
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{context.Request.Method} {context.Request.Path}{context.Request.QueryString} -> {status} ({Stopwatch.GetElapsedTime(started).TotalMilliseconds:0.0} ms)")).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// What the client got: <c>dropped</c> when the fault stage aborted the connection before handling, <c>dropped
    /// after handling, its 200 not sent</c> when after (always: the stage marks the request itself); <c>aborted by
    /// client</c> when Kestrel has already reported that the client hung up before any answer (it reports it on
    /// another thread, so a hang-up at the very end may show the status that went nowhere); else the status.
    /// </summary>
    private static string Outcome(HttpContext context) => FaultInjector.DropOf(context) switch
    {
        InjectedDrop.BeforeHandling => "dropped",
        InjectedDrop.AfterHandling => string.Create(CultureInfo.InvariantCulture, $"dropped after handling, its {context.Response.StatusCode} not sent"),
        _ when context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted => "aborted by client",
        _ => context.Response.StatusCode.ToString(CultureInfo.InvariantCulture),
    };
}
