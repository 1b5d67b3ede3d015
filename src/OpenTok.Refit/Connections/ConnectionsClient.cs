using OpenTok.Refit.Api;

namespace OpenTok.Refit;

/// <summary>The connections area: validates, then calls the Refit-generated <see cref="IConnectionsApi"/>.</summary>
internal sealed class ConnectionsClient(IConnectionsApi api, string apiKey) : IConnectionsClient
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<Connection>> ListAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        Arguments.EnsureSessionOf(sessionId, apiKey, nameof(sessionId));
        var list = await api.ListAsync(apiKey, sessionId, cancellationToken).ConfigureAwait(false);
        return list.Items;
    }
}
