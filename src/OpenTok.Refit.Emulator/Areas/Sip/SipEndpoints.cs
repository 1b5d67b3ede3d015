using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenTok.Refit.Api;
using OpenTok.Refit.Emulator.Pipeline;
using OpenTok.Refit.Emulator.State;

namespace OpenTok.Refit.Emulator.Areas.Sip;

/// <summary>
/// The SIP endpoints, on the paths <c>ISipApi</c> declares (<see cref="ApiRoutes"/>): dial (200 with the call) and
/// play DTMF to a session or one connection (200, no body). The rules live in <see cref="SipStore"/>; hanging up is
/// the moderation area's force disconnect.
/// </summary>
internal static class SipEndpoints
{
    /// <summary>Maps the SIP area.</summary>
    public static IEndpointRouteBuilder MapSip(this IEndpointRouteBuilder endpoints, EmulatorState state)
    {
        var sip = state.Store<SipStore>();

        endpoints.MapPost(ApiRoutes.SipDial, async context =>
        {
            var (request, body) = await context.ReadJsonAsync(OpenTokJsonContext.Default.SipDialRequest).ConfigureAwait(false);
            await context.WriteJsonAsync(StatusCodes.Status200OK, sip.Dial(request, body), OpenTokJsonContext.Default.SipCall).ConfigureAwait(false);
        }).RequireRestAuthentication();

        endpoints.MapPost(ApiRoutes.SessionPlayDtmf, async context =>
        {
            var sessionId = SessionId(context);
            var (request, _) = await context.ReadJsonAsync(OpenTokJsonContext.Default.PlayDtmfRequest).ConfigureAwait(false);
            sip.PlayDtmf(sessionId, request.Digits);
            context.Response.StatusCode = StatusCodes.Status200OK;
        }).RequireRestAuthentication();

        endpoints.MapPost(ApiRoutes.ConnectionPlayDtmf, async context =>
        {
            var (sessionId, connectionId) = (SessionId(context), context.RouteGuid("connectionId", "connection ID").ToString("D"));
            var (request, _) = await context.ReadJsonAsync(OpenTokJsonContext.Default.PlayDtmfRequest).ConfigureAwait(false);
            sip.PlayDtmfToConnection(sessionId, connectionId, request.Digits);
            context.Response.StatusCode = StatusCodes.Status200OK;
        }).RequireRestAuthentication();

        return endpoints;
    }

    private static string SessionId(HttpContext context) => context.Request.RouteValues["sessionId"] as string ?? "";
}
