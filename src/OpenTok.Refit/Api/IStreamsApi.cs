using Refit;

namespace OpenTok.Refit.Api;

/// <summary>The stream endpoints, 1:1 with the wire; implemented by Refit's source generator. Callers use <see cref="IStreamsClient"/>.</summary>
internal interface IStreamsApi
{
    [Get(ApiRoutes.Stream)]
    Task<SessionStream> GetAsync(string apiKey, string sessionId, string streamId, CancellationToken cancellationToken);

    [Get(ApiRoutes.Streams)]
    Task<StreamList> ListAsync(string apiKey, string sessionId, CancellationToken cancellationToken);

    [Put(ApiRoutes.Streams)]
    Task SetClassListsAsync(string apiKey, string sessionId, [Body] StreamClassListsRequest body, CancellationToken cancellationToken);
}
