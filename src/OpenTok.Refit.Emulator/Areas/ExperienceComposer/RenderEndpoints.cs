using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenTok.Refit.Api;
using OpenTok.Refit.Emulator.Pipeline;
using OpenTok.Refit.Emulator.State;

namespace OpenTok.Refit.Emulator.Areas.ExperienceComposer;

/// <summary>
/// The Experience Composer endpoints, on the paths <c>IExperienceComposerApi</c> declares (<see cref="ApiRoutes"/>).
/// Handlers parse, call <see cref="RenderStore"/>, and write; the rules live in the store.
/// </summary>
internal static class RenderEndpoints
{
    /// <summary>Maps the Experience Composer area.</summary>
    public static IEndpointRouteBuilder MapExperienceComposer(this IEndpointRouteBuilder endpoints, EmulatorState state)
    {
        var renders = state.Store<RenderStore>();

        // 202: the render is accepted and starting, not yet publishing.
        endpoints.MapPost(ApiRoutes.Renders, async context =>
        {
            var (request, _) = await context.ReadJsonAsync(OpenTokJsonContext.Default.StartRenderRequest).ConfigureAwait(false);
            await context.WriteJsonAsync(StatusCodes.Status202Accepted, renders.StartRender(request), OpenTokJsonContext.Default.Render).ConfigureAwait(false);
        }).RequireRestAuthentication();

        endpoints.MapGet(ApiRoutes.Renders, context =>
        {
            var offset = context.QueryInt("offset", 0, 0, int.MaxValue);
            var count = context.QueryInt("count", 50, 1, ExperienceComposerClient.MaxPageSize);
            return context.WriteJsonAsync(StatusCodes.Status200OK, renders.ListRenders(offset, count), OpenTokJsonContext.Default.RenderList);
        }).RequireRestAuthentication();

        endpoints.MapGet(ApiRoutes.Render, context =>
            context.WriteJsonAsync(StatusCodes.Status200OK, renders.GetRender(RenderId(context)), OpenTokJsonContext.Default.Render))
            .RequireRestAuthentication();

        // 200 with no body: what the Java and Python SDKs, which accept nothing else, expect of the service.
        endpoints.MapDelete(ApiRoutes.Render, context =>
        {
            renders.StopRender(RenderId(context));
            context.Response.StatusCode = StatusCodes.Status200OK;
            return Task.CompletedTask;
        }).RequireRestAuthentication();

        return endpoints;
    }

    private static Guid RenderId(HttpContext context) => context.RouteGuid("renderId", "render ID");
}
