using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenTok.Refit.Api;
using OpenTok.Refit.Emulator.Areas.Archives;
using OpenTok.Refit.Emulator.Pipeline;
using OpenTok.Refit.Emulator.State;

namespace OpenTok.Refit.Emulator.Areas.Broadcasts;

/// <summary>
/// The Broadcasts area's endpoints, on the paths <c>IBroadcastsApi</c> declares (<see cref="ApiRoutes"/>), and the
/// HLS playlists their urls point at. Handlers parse, call <see cref="BroadcastStore"/>, and write; the rules live
/// in the store.
/// </summary>
internal static class BroadcastEndpoints
{
    /// <summary>The content type of an HLS playlist (RFC 8216).</summary>
    public const string PlaylistContentType = "application/vnd.apple.mpegurl";

    /// <summary>Maps the Broadcasts area.</summary>
    public static IEndpointRouteBuilder MapBroadcasts(this IEndpointRouteBuilder endpoints, EmulatorState state)
    {
        var broadcasts = state.Store<BroadcastStore>();

        endpoints.MapPost(ApiRoutes.Broadcasts, async context =>
        {
            var (request, body) = await context.ReadJsonAsync(OpenTokJsonContext.Default.StartBroadcastRequest).ConfigureAwait(false);
            var broadcast = broadcasts.StartBroadcast(request.WithServerDefaults(body));
            await context.WriteJsonAsync(StatusCodes.Status200OK, broadcast, OpenTokJsonContext.Default.Broadcast).ConfigureAwait(false);
        }).RequireRestAuthentication();

        endpoints.MapGet(ApiRoutes.Broadcasts, context =>
        {
            var offset = context.QueryInt("offset", 0, 0, int.MaxValue);
            var count = context.QueryInt("count", 50, 1, BroadcastsClient.MaxPageSize);
            var list = broadcasts.ListBroadcasts(offset, count, context.QueryString("sessionId"));
            return context.WriteJsonAsync(StatusCodes.Status200OK, list, OpenTokJsonContext.Default.BroadcastList);
        }).RequireRestAuthentication();

        endpoints.MapPost(ApiRoutes.BroadcastStop, context =>
            context.WriteJsonAsync(StatusCodes.Status200OK, broadcasts.StopBroadcast(BroadcastId(context)), OpenTokJsonContext.Default.Broadcast))
            .RequireRestAuthentication();

        endpoints.MapGet(ApiRoutes.Broadcast, context =>
            context.WriteJsonAsync(StatusCodes.Status200OK, broadcasts.GetBroadcast(BroadcastId(context)), OpenTokJsonContext.Default.Broadcast))
            .RequireRestAuthentication();

        endpoints.MapPut(ApiRoutes.BroadcastLayout, async context =>
        {
            var id = BroadcastId(context);
            var (layout, body) = await context.ReadJsonAsync(OpenTokJsonContext.Default.Layout).ConfigureAwait(false);
            broadcasts.SetLayout(id, layout.WithServerDefaults(body));
            context.Response.StatusCode = StatusCodes.Status200OK;
        }).RequireRestAuthentication();

        endpoints.MapPatch(ApiRoutes.BroadcastStreams, async context =>
        {
            var id = BroadcastId(context);
            var (change, _) = await context.ReadJsonAsync(OpenTokJsonContext.Default.StreamsChange).ConfigureAwait(false);
            broadcasts.ChangeStreams(id, change);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        }).RequireRestAuthentication();

        // Not authenticated: players fetch HLS urls as they are, like archive files.
        endpoints.MapGet(BroadcastStore.HlsRoute, context => ServePlaylistAsync(context, broadcasts));
        return endpoints;
    }

    private static Guid BroadcastId(HttpContext context) => context.RouteGuid("broadcastId", "broadcast ID");

    private static async Task ServePlaylistAsync(HttpContext context, BroadcastStore broadcasts)
    {
        if (!Guid.TryParseExact(context.Request.RouteValues["broadcastId"] as string, "D", out var id) || broadcasts.IsLive(id) is not { } live)
        {
            throw ApiErrorException.NotFound("No broadcast streams at this url.");
        }

        // A media playlist with no segments yet is valid (RFC 8216): a player keeps reloading a live one and
        // finds nothing to play, as there is no video to emulate; a stopped broadcast's playlist is ended.
        var playlist = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:0\n" + (live ? "" : "#EXT-X-ENDLIST\n");
        var content = Encoding.UTF8.GetBytes(playlist);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = PlaylistContentType;
        context.Response.ContentLength = content.Length;
        await context.Response.Body.WriteAsync(content, context.RequestAborted).ConfigureAwait(false);
    }
}
