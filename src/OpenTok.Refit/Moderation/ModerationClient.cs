using OpenTok.Refit.Api;

namespace OpenTok.Refit;

/// <summary>The moderation area: validates, then calls the Refit-generated <see cref="IModerationApi"/>.</summary>
internal sealed class ModerationClient(IModerationApi api, string apiKey) : IModerationClient
{
    /// <inheritdoc/>
    public Task ForceDisconnectAsync(string sessionId, string connectionId, CancellationToken cancellationToken = default)
    {
        Arguments.EnsureSessionOf(sessionId, apiKey, nameof(sessionId));
        Arguments.EnsurePathSegment(connectionId, nameof(connectionId));
        return api.ForceDisconnectAsync(apiKey, sessionId, connectionId, cancellationToken);
    }

    /// <inheritdoc/>
    public Task ForceMuteStreamAsync(string sessionId, string streamId, CancellationToken cancellationToken = default)
    {
        Arguments.EnsureSessionOf(sessionId, apiKey, nameof(sessionId));
        Arguments.EnsurePathSegment(streamId, nameof(streamId));
        return api.ForceMuteStreamAsync(apiKey, sessionId, streamId, cancellationToken);
    }

    /// <inheritdoc/>
    public Task ForceMuteAllAsync(string sessionId, IEnumerable<string>? excludedStreamIds = null, CancellationToken cancellationToken = default)
    {
        Arguments.EnsureSessionOf(sessionId, apiKey, nameof(sessionId));
        // Copied once, so the ids checked are the ids sent even if the caller's collection changes meanwhile.
        var excluded = excludedStreamIds?.ToArray() ?? [];
        for (var i = 0; i < excluded.Length; i++)
        {
            Arguments.EnsurePathSegment(excluded[i], $"{nameof(excludedStreamIds)}[{i}]");
        }

        return api.ForceMuteAllAsync(apiKey, sessionId, new ForceMuteRequest(true, excluded), cancellationToken);
    }

    /// <inheritdoc/>
    public Task DisableForceMuteAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        Arguments.EnsureSessionOf(sessionId, apiKey, nameof(sessionId));
        return api.ForceMuteAllAsync(apiKey, sessionId, new ForceMuteRequest(false, null), cancellationToken);
    }
}
