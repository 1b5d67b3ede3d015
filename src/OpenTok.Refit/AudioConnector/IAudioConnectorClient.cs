namespace OpenTok.Refit;

/// <summary>
/// The Audio Connector: sends the audio of a routed session's streams to a WebSocket server of yours (for
/// transcription, bots, recording), and with <see cref="WebSocketOptions.Bidirectional"/> plays audio it sends back.
/// Reach it as <c>opentok.AudioConnector</c>. Every argument is checked before anything is sent. An interface so that
/// code using it can be tested with a fake of your own.
/// </summary>
public interface IAudioConnectorClient
{
    /// <summary>Connects a session's audio to a WebSocket server (<c>POST /v2/project/{apiKey}/connect</c>).</summary>
    /// <param name="sessionId">A session of this project; it must be routed.</param>
    /// <param name="token">A client token of that session for the connector's connection (its connection data can tell the connector apart).</param>
    /// <param name="options">The WebSocket server and how to send audio to it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The connector, with its connection in the session.</returns>
    /// <exception cref="OpenTokArgumentException">The session id, token or options break a rule; nothing was sent.</exception>
    /// <exception cref="OpenTokConflictException">The session is relayed, not routed.</exception>
    /// <exception cref="OpenTokApiException">The server refused for another reason.</exception>
    Task<AudioConnection> ConnectAsync(string sessionId, string token, WebSocketOptions options, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stops an Audio Connector by forcing its connection out of the session
    /// (<c>DELETE /v2/project/{apiKey}/session/{sessionId}/connection/{connectionId}</c>), as the service advises; the
    /// older <c>POST …/connect/{connectionId}/stop</c> is deprecated and not used.
    /// </summary>
    /// <param name="sessionId">The connector's session.</param>
    /// <param name="connectionId">The connector's connection (<see cref="AudioConnection.ConnectionId"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the connector is disconnected.</returns>
    /// <exception cref="OpenTokArgumentException">An id breaks a rule; nothing was sent.</exception>
    /// <exception cref="OpenTokNotFoundException">The connection is not connected to the session.</exception>
    Task StopAsync(string sessionId, string connectionId, CancellationToken cancellationToken = default);
}
