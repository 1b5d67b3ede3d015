using OpenTok.Refit.Api;

namespace OpenTok.Refit;

/// <summary>The archives area: validates, then calls the Refit-generated <see cref="IArchivesApi"/>.</summary>
internal sealed class ArchivesClient(IArchivesApi api, string apiKey) : IArchivesClient
{
    /// <summary>The most archives one list call returns; the server's own limit.</summary>
    public const int MaxPageSize = 1000;

    private const string ArchiveIdKind = "an archive id";

    /// <inheritdoc/>
    public Task<Archive> StartAsync(string sessionId, ArchiveOptions? options = null, CancellationToken cancellationToken = default)
    {
        Arguments.EnsureSessionOf(sessionId, apiKey, nameof(sessionId));
        options ??= new ArchiveOptions();
        options.Validate();
        return api.StartAsync(apiKey, new StartArchiveRequest(sessionId, options), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<Archive> StopAsync(string archiveId, CancellationToken cancellationToken = default)
    {
        Arguments.EnsureUuid(archiveId, nameof(archiveId), ArchiveIdKind);
        return api.StopAsync(apiKey, archiveId, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<Archive> GetAsync(string archiveId, CancellationToken cancellationToken = default)
    {
        Arguments.EnsureUuid(archiveId, nameof(archiveId), ArchiveIdKind);
        return api.GetAsync(apiKey, archiveId, cancellationToken);
    }

    /// <inheritdoc/>
    public Task DeleteAsync(string archiveId, CancellationToken cancellationToken = default)
    {
        Arguments.EnsureUuid(archiveId, nameof(archiveId), ArchiveIdKind);
        return api.DeleteAsync(apiKey, archiveId, cancellationToken);
    }

    /// <inheritdoc/>
    public Pageable<Archive> ListAsync(string? sessionId = null, CancellationToken cancellationToken = default)
    {
        if (sessionId is not null)
        {
            Arguments.EnsureSessionOf(sessionId, apiKey, nameof(sessionId));
        }

        return Pageable.FromListEndpoint<Archive, ArchiveList>((offset, count, ct) => api.ListAsync(apiKey, offset, count, sessionId, ct), MaxPageSize, cancellationToken);
    }

    /// <inheritdoc/>
    public Task SetLayoutAsync(string archiveId, Layout layout, CancellationToken cancellationToken = default)
    {
        Arguments.EnsureUuid(archiveId, nameof(archiveId), ArchiveIdKind);
        ArgumentNullException.ThrowIfNull(layout);
        layout.Validate();
        return api.SetLayoutAsync(apiKey, archiveId, layout, cancellationToken);
    }

    /// <inheritdoc/>
    public Task AddStreamAsync(string archiveId, string streamId, bool hasAudio = true, bool hasVideo = true, CancellationToken cancellationToken = default)
    {
        Arguments.EnsureUuid(archiveId, nameof(archiveId), ArchiveIdKind);
        Arguments.EnsureNotEmpty(streamId, nameof(streamId));
        if (!hasAudio && !hasVideo)
        {
            throw new OpenTokArgumentException("hasAudio and hasVideo cannot both be false: the stream would add nothing.", nameof(hasAudio));
        }

        return api.ChangeStreamsAsync(apiKey, archiveId, new StreamsChange { AddStream = streamId, HasAudio = hasAudio, HasVideo = hasVideo }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task RemoveStreamAsync(string archiveId, string streamId, CancellationToken cancellationToken = default)
    {
        Arguments.EnsureUuid(archiveId, nameof(archiveId), ArchiveIdKind);
        Arguments.EnsureNotEmpty(streamId, nameof(streamId));
        return api.ChangeStreamsAsync(apiKey, archiveId, new StreamsChange { RemoveStream = streamId }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<ArchiveStorage> SetStorageAsync(ArchiveStorage storage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storage);
        storage.Validate();
        return api.SetStorageAsync(apiKey, storage, cancellationToken);
    }

    /// <inheritdoc/>
    public Task DeleteStorageAsync(CancellationToken cancellationToken = default) =>
        api.DeleteStorageAsync(apiKey, cancellationToken);
}
