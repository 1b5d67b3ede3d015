using OpenTok.Refit.Api;

namespace OpenTok.Refit;

/// <summary>
/// The Audio Connector area: validates, then calls the Refit-generated <see cref="IAudioConnectorApi"/>. Stopping is
/// the moderation area's force disconnect, where that endpoint is declared once.
/// </summary>
internal sealed class AudioConnectorClient(IAudioConnectorApi api, IModerationClient moderation, string apiKey) : IAudioConnectorClient
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
    public Task StopAsync(string sessionId, string connectionId, CancellationToken cancellationToken = default) =>
        moderation.ForceDisconnectAsync(sessionId, connectionId, cancellationToken);
}
