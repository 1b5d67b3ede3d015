namespace OpenTok.Refit;

/// <summary>
/// Archives: record a routed session, read and list recordings, change a running archive's layout and streams,
/// and choose where finished files are uploaded. Reach it as <c>opentok.Archives</c>. Every argument is checked
/// before anything is sent. An interface so that code using it can be tested with a fake of your own.
/// </summary>
public interface IArchivesClient
{
    /// <summary>Starts recording a routed session (<c>POST /v2/project/{apiKey}/archive</c>).</summary>
    /// <param name="sessionId">A session of this project, routed, with clients connected.</param>
    /// <param name="options">How to record; <see langword="null"/> for a composed archive with audio and video.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The archive, normally <see cref="ArchiveStatus.Started"/>.</returns>
    /// <exception cref="OpenTokArgumentException">The session id or options break a rule; nothing was sent.</exception>
    /// <exception cref="OpenTokConflictException">The session is relayed, or already recorded without a distinct tag.</exception>
    /// <exception cref="OpenTokApiException">The server refused for another reason.</exception>
    Task<Archive> StartAsync(string sessionId, ArchiveOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Stops recording (<c>POST /v2/project/{apiKey}/archive/{archiveId}/stop</c>).</summary>
    /// <param name="archiveId">The archive's id (a UUID).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The archive, now <see cref="ArchiveStatus.Stopped"/>.</returns>
    /// <exception cref="OpenTokArgumentException">The id is not a UUID; nothing was sent.</exception>
    /// <exception cref="OpenTokNotFoundException">No such archive.</exception>
    /// <exception cref="OpenTokConflictException">The archive is not recording.</exception>
    Task<Archive> StopAsync(string archiveId, CancellationToken cancellationToken = default);

    /// <summary>Reads one archive (<c>GET /v2/project/{apiKey}/archive/{archiveId}</c>).</summary>
    /// <param name="archiveId">The archive's id (a UUID).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The archive.</returns>
    /// <exception cref="OpenTokArgumentException">The id is not a UUID; nothing was sent.</exception>
    /// <exception cref="OpenTokNotFoundException">No such archive.</exception>
    Task<Archive> GetAsync(string archiveId, CancellationToken cancellationToken = default);

    /// <summary>Deletes an archive's file (<c>DELETE /v2/project/{apiKey}/archive/{archiveId}</c>).</summary>
    /// <param name="archiveId">The archive's id (a UUID).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when it is deleted.</returns>
    /// <exception cref="OpenTokArgumentException">The id is not a UUID; nothing was sent.</exception>
    /// <exception cref="OpenTokNotFoundException">No such archive.</exception>
    /// <exception cref="OpenTokConflictException">The archive is not in a deletable status (available, uploaded, deleted).</exception>
    Task DeleteAsync(string archiveId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The project's archives, newest first, read lazily in pages of up to 1000 (<c>GET /v2/project/{apiKey}/archive</c>):
    /// <c>await foreach (var archive in opentok.Archives.ListAsync())</c>. Nothing is sent until you enumerate.
    /// </summary>
    /// <param name="sessionId">Only this session's archives; <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The archives, as items or, with <see cref="Pageable{T}.AsPages"/>, as pages with the total count.</returns>
    /// <exception cref="OpenTokArgumentException">The session id does not belong to this project; nothing was sent.</exception>
    Pageable<Archive> ListAsync(string? sessionId = null, CancellationToken cancellationToken = default);

    /// <summary>Changes a composed archive's layout (<c>PUT /v2/project/{apiKey}/archive/{archiveId}/layout</c>).</summary>
    /// <param name="archiveId">The archive's id (a UUID).</param>
    /// <param name="layout">The new layout.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the layout is set.</returns>
    /// <exception cref="OpenTokArgumentException">The id is not a UUID or the layout breaks a rule; nothing was sent.</exception>
    Task SetLayoutAsync(string archiveId, Layout layout, CancellationToken cancellationToken = default);

    /// <summary>Adds a stream to a manual-mode archive (<c>PATCH /v2/project/{apiKey}/archive/{archiveId}/streams</c>).</summary>
    /// <param name="archiveId">The archive's id (a UUID).</param>
    /// <param name="streamId">The stream to add.</param>
    /// <param name="hasAudio">Whether to include its audio.</param>
    /// <param name="hasVideo">Whether to include its video.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the stream is added.</returns>
    /// <exception cref="OpenTokArgumentException">An id is missing or malformed, or both audio and video are off; nothing was sent.</exception>
    /// <exception cref="OpenTokApiException">405 when the archive's stream mode is not manual.</exception>
    Task AddStreamAsync(string archiveId, string streamId, bool hasAudio = true, bool hasVideo = true, CancellationToken cancellationToken = default);

    /// <summary>Removes a stream from a manual-mode archive (<c>PATCH /v2/project/{apiKey}/archive/{archiveId}/streams</c>).</summary>
    /// <param name="archiveId">The archive's id (a UUID).</param>
    /// <param name="streamId">The stream to remove.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the stream is removed.</returns>
    /// <exception cref="OpenTokArgumentException">An id is missing or malformed; nothing was sent.</exception>
    Task RemoveStreamAsync(string archiveId, string streamId, CancellationToken cancellationToken = default);

    /// <summary>Sets where finished archives are uploaded (<c>PUT /v2/project/{apiKey}/archive/storage</c>).</summary>
    /// <param name="storage">The S3 or Azure target (<see cref="ArchiveStorage.S3"/>, <see cref="ArchiveStorage.Azure"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The settings as the server stored them.</returns>
    /// <exception cref="OpenTokArgumentException">A required setting is missing; nothing was sent.</exception>
    Task<ArchiveStorage> SetStorageAsync(ArchiveStorage storage, CancellationToken cancellationToken = default);

    /// <summary>Stops uploading archives to your storage (<c>DELETE /v2/project/{apiKey}/archive/storage</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the setting is removed.</returns>
    Task DeleteStorageAsync(CancellationToken cancellationToken = default);
}
