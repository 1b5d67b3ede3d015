using Refit;

namespace OpenTok.Refit.Api;

/// <summary>The moderation endpoints, 1:1 with the wire; implemented by Refit's source generator. Callers use <see cref="IModerationClient"/>.</summary>
internal interface IModerationApi
{
    [Delete(ApiRoutes.Connection)]
    Task ForceDisconnectAsync(string apiKey, string sessionId, string connectionId, CancellationToken cancellationToken);

    // No body and no Content-Type: the service reads none (an SDK that declares a JSON body with no content throws
    // before sending). The 200 answer carries project details nobody needs, so it is not read.
    [Post(ApiRoutes.StreamMute)]
    Task ForceMuteStreamAsync(string apiKey, string sessionId, string streamId, CancellationToken cancellationToken);

    [Post(ApiRoutes.SessionMute)]
    Task ForceMuteAllAsync(string apiKey, string sessionId, [Body] ForceMuteRequest body, CancellationToken cancellationToken);
}
