using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenTok.Refit.Api;
using OpenTok.Refit.Emulator.Pipeline;
using OpenTok.Refit.Emulator.State;

namespace OpenTok.Refit.Emulator.Areas.AudioConnector;

/// <summary>
/// The Audio Connector endpoint, on the path <c>IAudioConnectorApi</c> declares (<see cref="ApiRoutes"/>): connect
/// (200 with the connector). Stopping is the moderation area's force disconnect; the deprecated
/// <c>POST …/connect/{connectionId}/stop</c> is deliberately not mapped, so it is a 404 like any unknown path. The
/// rules live in <see cref="AudioConnectorStore"/>.
/// </summary>
internal static class AudioConnectorEndpoints
{
    /// <summary>Maps the Audio Connector area.</summary>
    public static IEndpointRouteBuilder MapAudioConnector(this IEndpointRouteBuilder endpoints, EmulatorState state)
    {
        var connectors = state.Store<AudioConnectorStore>();

        endpoints.MapPost(ApiRoutes.AudioConnect, async context =>
        {
            var (request, body) = await context.ReadJsonAsync(OpenTokJsonContext.Default.AudioConnectRequest).ConfigureAwait(false);
            await context.WriteJsonAsync(StatusCodes.Status200OK, connectors.Connect(request, body), OpenTokJsonContext.Default.AudioConnection).ConfigureAwait(false);
        }).RequireRestAuthentication();

        return endpoints;
    }
}
