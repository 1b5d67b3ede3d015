using OpenTok.Refit.Api;

namespace OpenTok.Refit;

/// <summary>The broadcasts area: validates, then calls the Refit-generated <see cref="IBroadcastsApi"/>.</summary>
internal sealed class BroadcastsClient(IBroadcastsApi api, string apiKey) : IBroadcastsClient
{
    /// <summary>The most broadcasts one list call returns; the server's own limit.</summary>
    public const int MaxPageSize = 1000;

    /// <inheritdoc/>
    public Task<Broadcast> StartAsync(string sessionId, BroadcastOptions options, CancellationToken cancellationToken = default)
    {
        Arguments.EnsureSessionOf(sessionId, apiKey, nameof(sessionId));
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return api.StartAsync(apiKey, StartBroadcastRequest.From(sessionId, options), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<Broadcast> StopAsync(string broadcastId, CancellationToken cancellationToken = default)
    {
        Arguments.EnsurePathSegment(broadcastId, nameof(broadcastId));
        return api.StopAsync(apiKey, broadcastId, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<Broadcast> GetAsync(string broadcastId, CancellationToken cancellationToken = default)
    {
        Arguments.EnsurePathSegment(broadcastId, nameof(broadcastId));
        return api.GetAsync(apiKey, broadcastId, cancellationToken);
    }

    /// <inheritdoc/>
    public Pageable<Broadcast> ListAsync(string? sessionId = null, CancellationToken cancellationToken = default)
    {
        if (sessionId is not null)
        {
            Arguments.EnsureSessionOf(sessionId, apiKey, nameof(sessionId));
        }

        return Pageable.FromListEndpoint<Broadcast, BroadcastList>((offset, count, ct) => api.ListAsync(apiKey, offset, count, sessionId, ct), MaxPageSize, cancellationToken);
    }

    /// <inheritdoc/>
    public Task SetLayoutAsync(string broadcastId, Layout layout, CancellationToken cancellationToken = default)
    {
        Arguments.EnsurePathSegment(broadcastId, nameof(broadcastId));
        ArgumentNullException.ThrowIfNull(layout);
        layout.Validate();
        return api.SetLayoutAsync(apiKey, broadcastId, layout, cancellationToken);
    }

    /// <inheritdoc/>
    public Task AddStreamAsync(string broadcastId, string streamId, bool hasAudio = true, bool hasVideo = true, CancellationToken cancellationToken = default)
    {
        Arguments.EnsurePathSegment(broadcastId, nameof(broadcastId));
        Arguments.EnsureNotEmpty(streamId, nameof(streamId));
        if (!hasAudio && !hasVideo)
        {
            throw new OpenTokArgumentException("hasAudio and hasVideo cannot both be false: the stream would add nothing.", nameof(hasAudio));
        }

        return api.ChangeStreamsAsync(apiKey, broadcastId, new StreamsChange { AddStream = streamId, HasAudio = hasAudio, HasVideo = hasVideo }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task RemoveStreamAsync(string broadcastId, string streamId, CancellationToken cancellationToken = default)
    {
        Arguments.EnsurePathSegment(broadcastId, nameof(broadcastId));
        Arguments.EnsureNotEmpty(streamId, nameof(streamId));
        return api.ChangeStreamsAsync(apiKey, broadcastId, new StreamsChange { RemoveStream = streamId }, cancellationToken);
    }
}
