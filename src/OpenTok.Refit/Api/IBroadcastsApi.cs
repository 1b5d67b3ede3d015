using Refit;

namespace OpenTok.Refit.Api;

/// <summary>The broadcast endpoints, 1:1 with the wire; implemented by Refit's source generator. Callers use <see cref="IBroadcastsClient"/>.</summary>
internal interface IBroadcastsApi
{
    [Post(ApiRoutes.Broadcasts)]
    Task<Broadcast> StartAsync(string apiKey, [Body] StartBroadcastRequest body, CancellationToken cancellationToken);

    [Post(ApiRoutes.BroadcastStop)]
    Task<Broadcast> StopAsync(string apiKey, string broadcastId, CancellationToken cancellationToken);

    [Get(ApiRoutes.Broadcast)]
    Task<Broadcast> GetAsync(string apiKey, string broadcastId, CancellationToken cancellationToken);

    [Get(ApiRoutes.Broadcasts)]
    Task<BroadcastList> ListAsync(string apiKey, [Query] int offset, [Query] int count, [Query] string? sessionId, CancellationToken cancellationToken);

    [Put(ApiRoutes.BroadcastLayout)]
    Task SetLayoutAsync(string apiKey, string broadcastId, [Body] Layout layout, CancellationToken cancellationToken);

    [Patch(ApiRoutes.BroadcastStreams)]
    Task ChangeStreamsAsync(string apiKey, string broadcastId, [Body] StreamsChange change, CancellationToken cancellationToken);
}
