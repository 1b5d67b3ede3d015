namespace OpenTok.Refit;

/// <summary>
/// Signaling: send a short text message to every client of a session, or to one connection, which receives it as a
/// <c>signal:{type}</c> event. Reach it as <c>opentok.Signals</c>. Every argument is checked before anything is sent.
/// An interface so that code using it can be tested with a fake of your own.
/// </summary>
public interface ISignalsClient
{
    /// <summary>Sends a signal to every client connected to a session (<c>POST /v2/project/{apiKey}/session/{sessionId}/signal</c>).</summary>
    /// <param name="sessionId">A session of this project.</param>
    /// <param name="signal">The type and data; <see cref="Signal.Validate"/> runs first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OpenTokArgumentException">The session id or signal breaks a rule (e.g. data over 8 kB); nothing was sent.</exception>
    /// <exception cref="OpenTokNotFoundException">The session has no connected clients, or does not exist.</exception>
    /// <exception cref="OpenTokApiException">The server refused for another reason.</exception>
    Task SendAsync(string sessionId, Signal signal, CancellationToken cancellationToken = default);

    /// <summary>Sends a signal to one connection (<c>POST /v2/project/{apiKey}/session/{sessionId}/connection/{connectionId}/signal</c>).</summary>
    /// <param name="sessionId">A session of this project.</param>
    /// <param name="connectionId">The connection to signal.</param>
    /// <param name="signal">The type and data; <see cref="Signal.Validate"/> runs first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OpenTokArgumentException">An id or the signal breaks a rule; nothing was sent.</exception>
    /// <exception cref="OpenTokNotFoundException">The client is not connected to the session.</exception>
    /// <exception cref="OpenTokApiException">The server refused for another reason.</exception>
    Task SendToConnectionAsync(string sessionId, string connectionId, Signal signal, CancellationToken cancellationToken = default);
}
