using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OpenTok.Refit.Emulator.Pipeline;

/// <summary>
/// Dates every answer by the emulated service's clock, as the real service's <c>Date</c> is its own. The SDK learns
/// the server's time from this header and signs its REST JWTs by it, so a client keeps authenticating when a test
/// moves the emulator's clock (<see cref="OpenTokEmulatorOptions.TimeProvider"/>) far from this machine's.
/// </summary>
internal static class ServerDate
{
    /// <summary>Adds the stage; it goes before the fault stage, so that injected 5xx and 429 answers are dated too.</summary>
    public static IApplicationBuilder UseServerDate(this IApplicationBuilder app, TimeProvider clock) =>
        app.Use((context, next) =>
        {
            // Kestrel adds its own Date only when the answer has none; set it as late as possible, when headers go out.
            context.Response.OnStarting(() =>
            {
                context.Response.GetTypedHeaders().Date = clock.GetUtcNow();
                return Task.CompletedTask;
            });
            return next(context);
        });
}
