namespace OpenTok.Refit;

/// <summary>
/// The clients connected to a session. Reach it as <c>opentok.Connections</c>; to force a client out, use
/// <see cref="IModerationClient.ForceDisconnectAsync"/>. An interface so that code using it can be tested with a fake
/// of your own.
/// </summary>
public interface IConnectionsClient
{
    /// <summary>
    /// Lists a session's connections with their states (<c>GET /v2/project/{apiKey}/session/{sessionId}/connection</c>).
    /// The service answers with all of them at once (the list is not paged).
    /// </summary>
    /// <param name="sessionId">A session of this project.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The connections: connecting, connected, or recently disconnected.</returns>
    /// <exception cref="OpenTokArgumentException">The session id breaks a rule; nothing was sent.</exception>
    /// <exception cref="OpenTokNotFoundException">No such session.</exception>
    /// <exception cref="OpenTokApiException">The server refused for another reason.</exception>
    Task<IReadOnlyList<Connection>> ListAsync(string sessionId, CancellationToken cancellationToken = default);
}
