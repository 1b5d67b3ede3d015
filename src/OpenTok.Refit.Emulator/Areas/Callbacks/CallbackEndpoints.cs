using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenTok.Refit.Api;
using OpenTok.Refit.Emulator.Pipeline;
using OpenTok.Refit.Emulator.State;

namespace OpenTok.Refit.Emulator.Areas.Callbacks;

/// <summary>
/// The legacy callback endpoints, on the paths <c>ICallbacksApi</c> declares (<see cref="ApiRoutes"/>). Handlers
/// parse, call <see cref="CallbackStore"/>, and write; the rules live in the store.
/// </summary>
internal static class CallbackEndpoints
{
    /// <summary>Maps the legacy callbacks.</summary>
    public static IEndpointRouteBuilder MapCallbacks(this IEndpointRouteBuilder endpoints, EmulatorState state)
    {
        var callbacks = state.Store<CallbackStore>();

        endpoints.MapPost(ApiRoutes.Callbacks, async context =>
        {
            callbacks.EnsureOpenTokProject();
            var (request, _) = await context.ReadJsonAsync(OpenTokJsonContext.Default.RegisterCallbackRequest).ConfigureAwait(false);
            await context.WriteJsonAsync(StatusCodes.Status200OK, callbacks.Register(request), OpenTokJsonContext.Default.Callback).ConfigureAwait(false);
        }).RequireRestAuthentication();

        // A bare array, not the {count, items} of the paged lists.
        endpoints.MapGet(ApiRoutes.Callbacks, context =>
            context.WriteJsonAsync(StatusCodes.Status200OK, callbacks.List(), OpenTokJsonContext.Default.CallbackArray))
            .RequireRestAuthentication();

        endpoints.MapDelete(ApiRoutes.Callback, context =>
        {
            callbacks.Unregister((string)context.Request.RouteValues["callbackId"]!);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }).RequireRestAuthentication();

        return endpoints;
    }
}
