using OpenTok.Refit.Api;

namespace OpenTok.Refit;

/// <summary>The Audio Connector area: validates, then calls the Refit-generated <see cref="IAudioConnectorApi"/>.</summary>
internal sealed class AudioConnectorClient(IAudioConnectorApi api, string apiKey) : IAudioConnectorClient
{
    /// <inheritdoc/>
    public Task<AudioConnection> ConnectAsync(string sessionId, string token, WebSocketOptions options, CancellationToken cancellationToken = default)
    {
        Arguments.EnsureSessionOf(sessionId, apiKey, nameof(sessionId));
        Arguments.EnsureNotEmpty(token, nameof(token));
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return api.ConnectAsync(apiKey, AudioConnectRequest.From(sessionId, token, options), cancellationToken);
    }

    /// <inheritdoc/>
    public Task StopAsync(string sessionId, string connectionId, CancellationToken cancellationToken = default)
    {
        Arguments.EnsureSessionOf(sessionId, apiKey, nameof(sessionId));
        Arguments.EnsurePathSegment(connectionId, nameof(connectionId));
        return api.DisconnectAsync(apiKey, sessionId, connectionId, cancellationToken);
    }
}
