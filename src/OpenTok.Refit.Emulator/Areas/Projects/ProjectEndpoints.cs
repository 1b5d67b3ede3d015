using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenTok.Refit.Api;
using OpenTok.Refit.Emulator.Pipeline;
using OpenTok.Refit.Emulator.State;

namespace OpenTok.Refit.Emulator.Areas.Projects;

/// <summary>
/// Project management of the emulated account, on the paths <c>IProjectsApi</c> declares (<see cref="ApiRoutes"/>).
/// Every endpoint is authenticated as the account (<see cref="RestAuthenticationEndpointExtensions.RequireAccountAuthentication{TBuilder}"/>):
/// a REST JWT with <c>ist</c> = <c>account</c> signed with the account's secret. Handlers parse, call
/// <see cref="ProjectStore"/>, and write.
/// </summary>
internal static class ProjectEndpoints
{
    /// <summary>Maps project management.</summary>
    public static IEndpointRouteBuilder MapProjects(this IEndpointRouteBuilder endpoints, EmulatorState state)
    {
        var projects = state.Store<ProjectStore>();

        endpoints.MapPost(ApiRoutes.Projects, async context =>
        {
            // The name is optional, and without one the SDKs send no body at all.
            var name = HasBody(context.Request) ? (await context.ReadJsonAsync(OpenTokJsonContext.Default.CreateProjectRequest).ConfigureAwait(false)).Value.Name : null;
            await context.WriteJsonAsync(StatusCodes.Status200OK, projects.CreateProject(name), OpenTokJsonContext.Default.Project).ConfigureAwait(false);
        }).RequireAccountAuthentication();

        endpoints.MapGet(ApiRoutes.Projects, context =>
            context.WriteJsonAsync(StatusCodes.Status200OK, projects.ListProjects(), OpenTokJsonContext.Default.ProjectArray))
            .RequireAccountAuthentication();

        endpoints.MapGet(ApiRoutes.Project, context =>
            context.WriteJsonAsync(StatusCodes.Status200OK, projects.GetProject(ProjectApiKey(context)), OpenTokJsonContext.Default.Project))
            .RequireAccountAuthentication();

        endpoints.MapPut(ApiRoutes.Project, async context =>
        {
            var id = ProjectApiKey(context);
            var (change, _) = await context.ReadJsonAsync(OpenTokJsonContext.Default.ProjectStatusChange).ConfigureAwait(false);
            await context.WriteJsonAsync(StatusCodes.Status200OK, projects.ChangeStatus(id, change), OpenTokJsonContext.Default.Project).ConfigureAwait(false);
        }).RequireAccountAuthentication();

        endpoints.MapPost(ApiRoutes.ProjectRefreshSecret, context =>
            context.WriteJsonAsync(StatusCodes.Status200OK, projects.RefreshSecret(ProjectApiKey(context)), OpenTokJsonContext.Default.Project))
            .RequireAccountAuthentication();

        endpoints.MapDelete(ApiRoutes.Project, context =>
        {
            projects.DeleteProject(ProjectApiKey(context));
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }).RequireAccountAuthentication();

        return endpoints;
    }

    private static string ProjectApiKey(HttpContext context) => (string)context.Request.RouteValues["projectApiKey"]!;

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength is > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
}
