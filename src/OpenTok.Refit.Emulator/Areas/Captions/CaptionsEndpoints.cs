using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenTok.Refit.Api;
using OpenTok.Refit.Emulator.Pipeline;
using OpenTok.Refit.Emulator.State;

namespace OpenTok.Refit.Emulator.Areas.Captions;

/// <summary>
/// The live captions endpoints, on the paths <c>ICaptionsApi</c> declares (<see cref="ApiRoutes"/>). Both answer 202
/// as the service does; the rules live in <see cref="CaptionsStore"/>.
/// </summary>
internal static class CaptionsEndpoints
{
    /// <summary>Maps the live captions area.</summary>
    public static IEndpointRouteBuilder MapCaptions(this IEndpointRouteBuilder endpoints, EmulatorState state)
    {
        var captions = state.Store<CaptionsStore>();

        endpoints.MapPost(ApiRoutes.Captions, async context =>
        {
            var (request, body) = await context.ReadJsonAsync(OpenTokJsonContext.Default.StartCaptionsRequest).ConfigureAwait(false);
            var started = captions.StartCaptions(request, body);
            await context.WriteJsonAsync(StatusCodes.Status202Accepted, started, OpenTokJsonContext.Default.Captions).ConfigureAwait(false);
        }).RequireRestAuthentication();

        endpoints.MapPost(ApiRoutes.CaptionsStop, context =>
        {
            captions.StopCaptions(context.RouteGuid("captionsId", "captions ID"));
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            return Task.CompletedTask;
        }).RequireRestAuthentication();

        return endpoints;
    }
}
