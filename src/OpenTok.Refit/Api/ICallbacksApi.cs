using Refit;

namespace OpenTok.Refit.Api;

/// <summary>The legacy callback endpoints, 1:1 with the wire; implemented by Refit's source generator. Callers use <see cref="ICallbacksClient"/>.</summary>
internal interface ICallbacksApi
{
    [Post(ApiRoutes.Callbacks)]
    Task<Callback> RegisterAsync(string apiKey, [Body] RegisterCallbackRequest body, CancellationToken cancellationToken);

    // The service answers with a bare JSON array, not the {count, items} of the paged lists.
    [Get(ApiRoutes.Callbacks)]
    Task<Callback[]> ListAsync(string apiKey, CancellationToken cancellationToken);

    [Delete(ApiRoutes.Callback)]
    Task UnregisterAsync(string apiKey, string callbackId, CancellationToken cancellationToken);
}
