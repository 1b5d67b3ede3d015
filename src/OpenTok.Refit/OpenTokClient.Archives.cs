using OpenTok.Refit.Tokens;
using OpenTok.Refit.Http;

namespace OpenTok.Refit;

public sealed partial class OpenTokClient
{
    /// <summary>The most archives one list call returns.</summary>
    public const int MaxArchivePageSize = 1000;

    /// <summary>Starts recording a routed session (<c>POST /v2/project/{apiKey}/archive</c>).</summary>
    /// <param name="sessionId">A session of this project, routed, with clients connected.</param>
    /// <param name="options">How to record; <see langword="null"/> for a composed archive with audio and video.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The archive, normally <see cref="ArchiveStatus.Started"/>.</returns>
    /// <exception cref="OpenTokArgumentException">The session id or options break a rule; nothing was sent.</exception>
    /// <exception cref="OpenTokConflictException">The session is relayed, or already recorded without a distinct tag.</exception>
    /// <exception cref="OpenTokApiException">The server refused for another reason.</exception>
    public Task<Archive> StartArchiveAsync(string sessionId, ArchiveOptions? options = null, CancellationToken cancellationToken = default)
    {
        SessionId.EnsureBelongsTo(sessionId, ApiKey, nameof(sessionId));
        options ??= new ArchiveOptions();
        options.Validate();
        return Archives.StartArchiveAsync(ApiKey, new StartArchiveRequest(sessionId, options), cancellationToken);
    }

    /// <summary>Stops recording (<c>POST /v2/project/{apiKey}/archive/{archiveId}/stop</c>).</summary>
    /// <param name="archiveId">The archive's id (a UUID).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The archive, now <see cref="ArchiveStatus.Stopped"/>.</returns>
    /// <exception cref="OpenTokArgumentException">The id is not a UUID; nothing was sent.</exception>
    /// <exception cref="OpenTokNotFoundException">No such archive.</exception>
    /// <exception cref="OpenTokConflictException">The archive is not recording.</exception>
    public Task<Archive> StopArchiveAsync(string archiveId, CancellationToken cancellationToken = default)
    {
        EnsureArchiveId(archiveId);
        return Archives.StopArchiveAsync(ApiKey, archiveId, cancellationToken);
    }

    /// <summary>Reads one archive (<c>GET /v2/project/{apiKey}/archive/{archiveId}</c>).</summary>
    /// <param name="archiveId">The archive's id (a UUID).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The archive.</returns>
    /// <exception cref="OpenTokArgumentException">The id is not a UUID; nothing was sent.</exception>
    /// <exception cref="OpenTokNotFoundException">No such archive.</exception>
    public Task<Archive> GetArchiveAsync(string archiveId, CancellationToken cancellationToken = default)
    {
        EnsureArchiveId(archiveId);
        return Archives.GetArchiveAsync(ApiKey, archiveId, cancellationToken);
    }

    /// <summary>Deletes an archive's file (<c>DELETE /v2/project/{apiKey}/archive/{archiveId}</c>).</summary>
    /// <param name="archiveId">The archive's id (a UUID).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when it is deleted.</returns>
    /// <exception cref="OpenTokArgumentException">The id is not a UUID; nothing was sent.</exception>
    /// <exception cref="OpenTokNotFoundException">No such archive.</exception>
    /// <exception cref="OpenTokConflictException">The archive is not in a deletable status (available, uploaded, deleted).</exception>
    public Task DeleteArchiveAsync(string archiveId, CancellationToken cancellationToken = default)
    {
        EnsureArchiveId(archiveId);
        return Archives.DeleteArchiveAsync(ApiKey, archiveId, cancellationToken);
    }

    /// <summary>
    /// The project's archives, newest first, read lazily in pages of up to 1000 (<c>GET /v2/project/{apiKey}/archive</c>):
    /// <c>await foreach (var archive in client.ListArchivesAsync())</c>.
    /// </summary>
    /// <param name="sessionId">Only this session's archives; <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The archives, as items or as pages.</returns>
    /// <exception cref="OpenTokArgumentException">The session id does not belong to this project; nothing was sent.</exception>
    public Pageable<Archive> ListArchivesAsync(string? sessionId = null, CancellationToken cancellationToken = default)
    {
        if (sessionId is not null)
        {
            SessionId.EnsureBelongsTo(sessionId, ApiKey, nameof(sessionId));
        }

        return new Pageable<Archive>(
            async (offset, count, ct) =>
            {
                var list = await Archives.ListArchivesAsync(ApiKey, offset, count, sessionId, ct).ConfigureAwait(false);
                return new Page<Archive>(list.Items, offset, list.Count);
            },
            MaxArchivePageSize,
            cancellationToken);
    }

    /// <summary>Changes a composed archive's layout (<c>PUT /v2/project/{apiKey}/archive/{archiveId}/layout</c>).</summary>
    /// <param name="archiveId">The archive's id (a UUID).</param>
    /// <param name="layout">The new layout.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the layout is set.</returns>
    /// <exception cref="OpenTokArgumentException">The id is not a UUID or the layout breaks a rule; nothing was sent.</exception>
    public Task SetArchiveLayoutAsync(string archiveId, Layout layout, CancellationToken cancellationToken = default)
    {
        EnsureArchiveId(archiveId);
        ArgumentNullException.ThrowIfNull(layout);
        layout.Validate();
        return Archives.SetArchiveLayoutAsync(ApiKey, archiveId, layout, cancellationToken);
    }

    /// <summary>Adds a stream to a manual-mode archive (<c>PATCH /v2/project/{apiKey}/archive/{archiveId}/streams</c>).</summary>
    /// <param name="archiveId">The archive's id (a UUID).</param>
    /// <param name="streamId">The stream to add.</param>
    /// <param name="hasAudio">Whether to include its audio.</param>
    /// <param name="hasVideo">Whether to include its video.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the stream is added.</returns>
    /// <exception cref="OpenTokArgumentException">An id is missing or malformed, or both audio and video are off; nothing was sent.</exception>
    /// <exception cref="OpenTokApiException">405 when the archive's stream mode is not manual.</exception>
    public Task AddArchiveStreamAsync(string archiveId, string streamId, bool hasAudio = true, bool hasVideo = true, CancellationToken cancellationToken = default)
    {
        EnsureArchiveId(archiveId);
        EnsureNotEmpty(streamId, nameof(streamId));
        if (!hasAudio && !hasVideo)
        {
            throw new OpenTokArgumentException("hasAudio and hasVideo cannot both be false: the stream would add nothing.", nameof(hasAudio));
        }

        return Archives.ChangeArchiveStreamsAsync(ApiKey, archiveId, new StreamsChange { AddStream = streamId, HasAudio = hasAudio, HasVideo = hasVideo }, cancellationToken);
    }

    /// <summary>Removes a stream from a manual-mode archive (<c>PATCH /v2/project/{apiKey}/archive/{archiveId}/streams</c>).</summary>
    /// <param name="archiveId">The archive's id (a UUID).</param>
    /// <param name="streamId">The stream to remove.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the stream is removed.</returns>
    /// <exception cref="OpenTokArgumentException">An id is missing or malformed; nothing was sent.</exception>
    public Task RemoveArchiveStreamAsync(string archiveId, string streamId, CancellationToken cancellationToken = default)
    {
        EnsureArchiveId(archiveId);
        EnsureNotEmpty(streamId, nameof(streamId));
        return Archives.ChangeArchiveStreamsAsync(ApiKey, archiveId, new StreamsChange { RemoveStream = streamId }, cancellationToken);
    }

    /// <summary>Sets where finished archives are uploaded (<c>PUT /v2/project/{apiKey}/archive/storage</c>).</summary>
    /// <param name="storage">The S3 or Azure target (<see cref="ArchiveStorage.S3"/>, <see cref="ArchiveStorage.Azure"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The settings as the server stored them.</returns>
    /// <exception cref="OpenTokArgumentException">A required setting is missing; nothing was sent.</exception>
    public Task<ArchiveStorage> SetArchiveStorageAsync(ArchiveStorage storage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storage);
        storage.Validate();
        return Archives.SetArchiveStorageAsync(ApiKey, storage, cancellationToken);
    }

    /// <summary>Stops uploading archives to your storage (<c>DELETE /v2/project/{apiKey}/archive/storage</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the setting is removed.</returns>
    public Task DeleteArchiveStorageAsync(CancellationToken cancellationToken = default) =>
        Archives.DeleteArchiveStorageAsync(ApiKey, cancellationToken);

    private static void EnsureArchiveId(string archiveId)
    {
        EnsureNotEmpty(archiveId, nameof(archiveId));
        if (!Guid.TryParseExact(archiveId, "D", out _))
        {
            throw new OpenTokArgumentException($"archiveId must be an archive id (a UUID such as 5f6a1f0e-...); '{archiveId}' is not.", nameof(archiveId));
        }
    }

    private static void EnsureNotEmpty(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new OpenTokArgumentException($"{name} must not be null or empty.", name);
        }
    }
}
