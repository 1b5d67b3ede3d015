using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace OpenTok.Refit;

/// <summary>
/// Maps the endpoint the service POSTs callback events to. It answers 415 to a body that is not JSON, 413 to one
/// larger than <see cref="OpenTokCallbackOptions.MaxBodySize"/>, 401 or 503 to a signature that does not verify or is
/// missing (when <see cref="OpenTokCallbackOptions.SignatureSecret"/> is set), 400 to JSON that is not an event (never
/// quoting it), and otherwise hands the typed event to the handlers and answers 200 — or 500 when a handler throws,
/// which makes the service retry.
/// </summary>
public static class OpenTokCallbackEndpointRouteBuilderExtensions
{
    /// <summary>Receives callback events at <paramref name="pattern"/> and passes each to every registered <see cref="IOpenTokEventHandler"/>.</summary>
    /// <param name="endpoints">The app or route group.</param>
    /// <param name="pattern">The route, e.g. <c>/opentok/events</c>; give the service this URL.</param>
    /// <param name="optionsName">The name given to <c>AddOpenTokCallbacks</c>, when the endpoint has options of its own.</param>
    /// <returns>The endpoint, to add conventions (host filters, rate limiting, …).</returns>
    /// <exception cref="InvalidOperationException">No <see cref="IOpenTokEventHandler"/> is registered.</exception>
    public static IEndpointConventionBuilder MapOpenTokCallbacks(this IEndpointRouteBuilder endpoints, string pattern, string? optionsName = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        if (endpoints.ServiceProvider.GetService<IServiceProviderIsService>() is { } services && !services.IsService(typeof(IOpenTokEventHandler)))
        {
            throw new InvalidOperationException(
                "MapOpenTokCallbacks needs an IOpenTokEventHandler: register one with services.AddOpenTokEventHandler<THandler>(), or pass a handler delegate.");
        }

        return Map(endpoints, pattern, optionsName, DispatchToRegisteredHandlersAsync);
    }

    /// <summary>Receives callback events at <paramref name="pattern"/> and passes each to <paramref name="handler"/>.</summary>
    /// <param name="endpoints">The app or route group.</param>
    /// <param name="pattern">The route, e.g. <c>/opentok/events</c>; give the service this URL.</param>
    /// <param name="handler">Handles one event; throwing answers 500, which the service retries.</param>
    /// <param name="optionsName">The name given to <c>AddOpenTokCallbacks</c>, when the endpoint has options of its own.</param>
    /// <returns>The endpoint, to add conventions (host filters, rate limiting, …).</returns>
    public static IEndpointConventionBuilder MapOpenTokCallbacks(
        this IEndpointRouteBuilder endpoints, string pattern, Func<OpenTokEvent, CancellationToken, Task> handler, string? optionsName = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        ArgumentNullException.ThrowIfNull(handler);
        return Map(endpoints, pattern, optionsName, (_, callbackEvent, cancellationToken) => handler(callbackEvent, cancellationToken));
    }

    private static IEndpointConventionBuilder Map(
        IEndpointRouteBuilder endpoints, string pattern, string? optionsName, Func<HttpContext, OpenTokEvent, CancellationToken, Task> dispatch)
    {
        var endpoint = new OpenTokCallbackEndpoint(optionsName, dispatch);
        return endpoints.MapPost(pattern, endpoint.HandleAsync).WithDisplayName("OpenTok callback events");
    }

    private static async Task DispatchToRegisteredHandlersAsync(HttpContext context, OpenTokEvent callbackEvent, CancellationToken cancellationToken)
    {
        foreach (var handler in context.RequestServices.GetServices<IOpenTokEventHandler>())
        {
            await handler.HandleAsync(callbackEvent, cancellationToken).ConfigureAwait(false);
        }
    }
}
