using OpenTok.Refit.Api;

namespace OpenTok.Refit;

/// <summary>The streams area: validates, then calls the Refit-generated <see cref="IStreamsApi"/>.</summary>
internal sealed class StreamsClient(IStreamsApi api, string apiKey) : IStreamsClient
{
    /// <inheritdoc/>
    public Task<SessionStream> GetAsync(string sessionId, string streamId, CancellationToken cancellationToken = default)
    {
        Arguments.EnsureSessionOf(sessionId, apiKey, nameof(sessionId));
        Arguments.EnsurePathSegment(streamId, nameof(streamId));
        return api.GetAsync(apiKey, sessionId, streamId, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<SessionStream>> ListAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        Arguments.EnsureSessionOf(sessionId, apiKey, nameof(sessionId));
        var list = await api.ListAsync(apiKey, sessionId, cancellationToken).ConfigureAwait(false);
        return list.Items ?? [];
    }

    /// <inheritdoc/>
    public Task SetClassListsAsync(string sessionId, IEnumerable<StreamClassList> classLists, CancellationToken cancellationToken = default)
    {
        Arguments.EnsureSessionOf(sessionId, apiKey, nameof(sessionId));
        ArgumentNullException.ThrowIfNull(classLists);
        // Copied once, so the items checked are the items sent.
        var items = classLists.ToArray();
        if (items.Length == 0)
        {
            throw new OpenTokArgumentException("classLists must name at least one stream.", nameof(classLists));
        }

        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i] ?? throw new OpenTokArgumentException($"classLists[{i}] is null.", nameof(classLists));
            item.Validate($"{nameof(classLists)}[{i}]");
        }

        return api.SetClassListsAsync(apiKey, sessionId, new StreamClassListsRequest(items), cancellationToken);
    }
}
