namespace OpenTok.Refit;

/// <summary>
/// Live-streaming broadcasts: stream a routed session to HLS and to RTMP servers, read and list broadcasts, change a
/// running one's layout and streams. Reach it as <c>opentok.Broadcasts</c>. Every argument is checked before
/// anything is sent. An interface so that code using it can be tested with a fake of your own.
/// </summary>
public interface IBroadcastsClient
{
    /// <summary>Starts streaming a routed session (<c>POST /v2/project/{apiKey}/broadcast</c>).</summary>
    /// <param name="sessionId">A session of this project, routed, with clients connected.</param>
    /// <param name="options">The outputs (HLS, RTMP) and how to compose them.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The broadcast, <see cref="BroadcastStatus.Started"/>, with its HLS URL and RTMP targets.</returns>
    /// <exception cref="OpenTokArgumentException">The session id or options break a rule; nothing was sent.</exception>
    /// <exception cref="OpenTokConflictException">The session is relayed, or already broadcast without a distinct tag.</exception>
    /// <exception cref="OpenTokApiException">The server refused for another reason.</exception>
    Task<Broadcast> StartAsync(string sessionId, BroadcastOptions options, CancellationToken cancellationToken = default);

    /// <summary>Stops a broadcast (<c>POST /v2/project/{apiKey}/broadcast/{broadcastId}/stop</c>).</summary>
    /// <param name="broadcastId">The broadcast's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The broadcast, now <see cref="BroadcastStatus.Stopped"/>.</returns>
    /// <exception cref="OpenTokArgumentException">The id is empty; nothing was sent.</exception>
    /// <exception cref="OpenTokNotFoundException">No such broadcast, or it has stopped already.</exception>
    Task<Broadcast> StopAsync(string broadcastId, CancellationToken cancellationToken = default);

    /// <summary>Reads one broadcast (<c>GET /v2/project/{apiKey}/broadcast/{broadcastId}</c>).</summary>
    /// <param name="broadcastId">The broadcast's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The broadcast.</returns>
    /// <exception cref="OpenTokArgumentException">The id is empty; nothing was sent.</exception>
    /// <exception cref="OpenTokNotFoundException">No such broadcast.</exception>
    Task<Broadcast> GetAsync(string broadcastId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The project's broadcasts, newest first, read lazily in pages of up to 1000 (<c>GET /v2/project/{apiKey}/broadcast</c>):
    /// <c>await foreach (var broadcast in opentok.Broadcasts.ListAsync())</c>. Nothing is sent until you enumerate.
    /// </summary>
    /// <param name="sessionId">Only this session's broadcasts; <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The broadcasts, as items or, with <see cref="Pageable{T}.AsPages"/>, as pages with the total count.</returns>
    /// <exception cref="OpenTokArgumentException">The session id does not belong to this project; nothing was sent.</exception>
    Pageable<Broadcast> ListAsync(string? sessionId = null, CancellationToken cancellationToken = default);

    /// <summary>Changes a broadcast's layout (<c>PUT /v2/project/{apiKey}/broadcast/{broadcastId}/layout</c>).</summary>
    /// <param name="broadcastId">The broadcast's id.</param>
    /// <param name="layout">The new layout.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the layout is set.</returns>
    /// <exception cref="OpenTokArgumentException">The id is empty or the layout breaks a rule; nothing was sent.</exception>
    Task SetLayoutAsync(string broadcastId, Layout layout, CancellationToken cancellationToken = default);

    /// <summary>Adds a stream to a manual-mode broadcast (<c>PATCH /v2/project/{apiKey}/broadcast/{broadcastId}/streams</c>).</summary>
    /// <param name="broadcastId">The broadcast's id.</param>
    /// <param name="streamId">The stream to add.</param>
    /// <param name="hasAudio">Whether to include its audio (<see langword="false"/> is sent as such).</param>
    /// <param name="hasVideo">Whether to include its video.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the stream is added.</returns>
    /// <exception cref="OpenTokArgumentException">An id is empty, or both audio and video are off; nothing was sent.</exception>
    /// <exception cref="OpenTokApiException">405 when the broadcast's stream mode is not manual.</exception>
    Task AddStreamAsync(string broadcastId, string streamId, bool hasAudio = true, bool hasVideo = true, CancellationToken cancellationToken = default);

    /// <summary>Removes a stream from a manual-mode broadcast (<c>PATCH /v2/project/{apiKey}/broadcast/{broadcastId}/streams</c>).</summary>
    /// <param name="broadcastId">The broadcast's id.</param>
    /// <param name="streamId">The stream to remove.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the stream is removed.</returns>
    /// <exception cref="OpenTokArgumentException">An id is empty; nothing was sent.</exception>
    Task RemoveStreamAsync(string broadcastId, string streamId, CancellationToken cancellationToken = default);
}
