using OpenTok.Refit.Api;

namespace OpenTok.Refit;

/// <summary>The signals area: validates, then calls the Refit-generated <see cref="ISignalsApi"/>.</summary>
internal sealed class SignalsClient(ISignalsApi api, string apiKey) : ISignalsClient
{
    /// <inheritdoc/>
    public Task SendAsync(string sessionId, Signal signal, CancellationToken cancellationToken = default)
    {
        Arguments.EnsureSessionOf(sessionId, apiKey, nameof(sessionId));
        ArgumentNullException.ThrowIfNull(signal);
        signal.Validate();
        return api.SendAsync(apiKey, sessionId, signal, cancellationToken);
    }

    /// <inheritdoc/>
    public Task SendToConnectionAsync(string sessionId, string connectionId, Signal signal, CancellationToken cancellationToken = default)
    {
        Arguments.EnsureSessionOf(sessionId, apiKey, nameof(sessionId));
        Arguments.EnsurePathSegment(connectionId, nameof(connectionId));
        ArgumentNullException.ThrowIfNull(signal);
        signal.Validate();
        return api.SendToConnectionAsync(apiKey, sessionId, connectionId, signal, cancellationToken);
    }
}
