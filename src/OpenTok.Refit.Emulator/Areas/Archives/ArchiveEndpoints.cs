using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenTok.Refit.Api;
using OpenTok.Refit.Emulator.Pipeline;
using OpenTok.Refit.Emulator.State;

namespace OpenTok.Refit.Emulator.Areas.Archives;

/// <summary>
/// The Archives area's endpoints, on the paths <c>IArchivesApi</c> declares (<see cref="ApiRoutes"/>),
/// and the archive files their urls point at. Handlers parse, call <see cref="ArchiveStore"/>, and write; the rules
/// live in the store.
/// </summary>
internal static class ArchiveEndpoints
{
    /// <summary>Maps the Archives area.</summary>
    public static IEndpointRouteBuilder MapArchives(this IEndpointRouteBuilder endpoints, EmulatorState state)
    {
        var archives = state.Store<ArchiveStore>();

        endpoints.MapPost(ApiRoutes.Archives, async context =>
        {
            var (request, body) = await context.ReadJsonAsync(OpenTokJsonContext.Default.StartArchiveRequest).ConfigureAwait(false);
            var archive = archives.StartArchive(request.WithServerDefaults(body));
            await context.WriteJsonAsync(StatusCodes.Status200OK, archive, OpenTokJsonContext.Default.Archive).ConfigureAwait(false);
        }).RequireRestAuthentication();

        endpoints.MapGet(ApiRoutes.Archives, context =>
        {
            var offset = context.QueryInt("offset", 0, 0, int.MaxValue);
            var count = context.QueryInt("count", 50, 1, ArchivesClient.MaxPageSize);
            var list = archives.ListArchives(offset, count, context.QueryString("sessionId"));
            return context.WriteJsonAsync(StatusCodes.Status200OK, list, OpenTokJsonContext.Default.ArchiveList);
        }).RequireRestAuthentication();

        endpoints.MapPost(ApiRoutes.ArchiveStop, context =>
            context.WriteJsonAsync(StatusCodes.Status200OK, archives.StopArchive(ArchiveId(context)), OpenTokJsonContext.Default.Archive))
            .RequireRestAuthentication();

        endpoints.MapGet(ApiRoutes.Archive, context =>
            context.WriteJsonAsync(StatusCodes.Status200OK, archives.GetArchive(ArchiveId(context)), OpenTokJsonContext.Default.Archive))
            .RequireRestAuthentication();

        endpoints.MapDelete(ApiRoutes.Archive, context =>
        {
            archives.DeleteArchive(ArchiveId(context));
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }).RequireRestAuthentication();

        endpoints.MapPut(ApiRoutes.ArchiveLayout, async context =>
        {
            var id = ArchiveId(context);
            var (layout, body) = await context.ReadJsonAsync(OpenTokJsonContext.Default.Layout).ConfigureAwait(false);
            archives.SetLayout(id, layout.WithServerDefaults(body));
            context.Response.StatusCode = StatusCodes.Status200OK;
        }).RequireRestAuthentication();

        endpoints.MapPatch(ApiRoutes.ArchiveStreams, async context =>
        {
            var id = ArchiveId(context);
            var (change, _) = await context.ReadJsonAsync(OpenTokJsonContext.Default.StreamsChange).ConfigureAwait(false);
            archives.ChangeStreams(id, change);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        }).RequireRestAuthentication();

        // The literal "storage" segment outranks {archiveId}, so these never reach the single-archive endpoints.
        endpoints.MapPut(ApiRoutes.ArchiveStorage, async context =>
        {
            var (storage, _) = await context.ReadJsonAsync(OpenTokJsonContext.Default.ArchiveStorage).ConfigureAwait(false);
            await context.WriteJsonAsync(StatusCodes.Status200OK, archives.SetStorage(storage), OpenTokJsonContext.Default.ArchiveStorage).ConfigureAwait(false);
        }).RequireRestAuthentication();

        endpoints.MapDelete(ApiRoutes.ArchiveStorage, context =>
        {
            archives.DeleteStorage();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }).RequireRestAuthentication();

        endpoints.MapArchiveMedia(state);
        return endpoints;
    }

    private static Guid ArchiveId(HttpContext context) => context.RouteGuid("archiveId", "archive ID");
}
