using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace OpenTok.Refit.Emulator.Pipeline;

/// <summary>
/// The stages every request passes, in order: request log ▸ server date ▸ faults ▸ error bodies ▸ body limit ▸
/// routing ▸ authentication ▸ the area's handler. The areas map their endpoints between <see cref="UseEmulatorPipeline"/>
/// and <see cref="MapUnknownEndpoints"/>.
/// </summary>
internal static class EmulatorPipeline
{
    /// <summary>Adds the stages that run before any area's handler.</summary>
    /// <param name="app">The emulator's application.</param>
    /// <param name="requestLog">A synchronized writer for one line per request, or <see langword="null"/>.</param>
    /// <param name="clock">The emulated service's clock, which dates every answer.</param>
    /// <param name="faults">The fault stage.</param>
    /// <param name="authentication">The authentication stage.</param>
    public static void UseEmulatorPipeline(this WebApplication app, TextWriter? requestLog, TimeProvider clock, FaultInjector faults, RestAuthentication authentication)
    {
        if (requestLog is not null)
        {
            app.UseRequestLog(requestLog);
        }

        app.UseServerDate(clock);

        // Faults come before the error stage: an injected 5xx or 429 is written by the fault stage itself, and comes
        // before routing and authentication, as a gateway's would.
        app.Use(faults.InjectFaultsAsync);
        app.UseErrorResponses();
        app.UseRequestBodyLimit();
        app.UseRouting();
        app.Use(authentication.AuthenticateAsync);
    }

    /// <summary>Answers every request no area maps with 404 and the error body, as the service does.</summary>
    public static void MapUnknownEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapFallback(context => throw ApiErrorException.NotFound($"No OpenTok endpoint is {context.Request.Method} {Arguments.Quote(context.Request.Path.Value)}."));
}
