namespace OpenTok.Refit;

/// <summary>
/// SIP interconnect: dial a SIP endpoint (a phone system, a PSTN gateway) into a routed session and play DTMF tones
/// to it. Reach it as <c>opentok.Sip</c>. Every argument is checked before anything is sent. Hang up by forcing the
/// call's <see cref="SipCall.ConnectionId"/> to disconnect. An interface so that code using it can be tested with a
/// fake of your own.
/// </summary>
public interface ISipClient
{
    /// <summary>Dials a SIP endpoint into a session (<c>POST /v2/project/{apiKey}/dial</c>).</summary>
    /// <param name="sessionId">A session of this project; it must be routed.</param>
    /// <param name="token">
    /// A client token of that session for the SIP participant (its connection data can tell the SIP leg apart in
    /// the session's clients).
    /// </param>
    /// <param name="options">Where to call and how.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The call, with the SIP participant's connection and stream.</returns>
    /// <exception cref="OpenTokArgumentException">The session id, token or options break a rule; nothing was sent.</exception>
    /// <exception cref="OpenTokNotFoundException">No such session.</exception>
    /// <exception cref="OpenTokConflictException">The session is relayed, not routed.</exception>
    /// <exception cref="OpenTokApiException">The server refused for another reason (400 for a header without <c>X-</c>).</exception>
    Task<SipCall> DialAsync(string sessionId, string token, SipOptions options, CancellationToken cancellationToken = default);

    /// <summary>Plays DTMF tones to every SIP participant of a session (<c>POST /v2/project/{apiKey}/session/{sessionId}/play-dtmf</c>).</summary>
    /// <param name="sessionId">A session of this project.</param>
    /// <param name="digits">The tones: <c>0</c>–<c>9</c>, <c>*</c>, <c>#</c>, and <c>p</c> for a 500 ms pause; at least one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the tones are sent.</returns>
    /// <exception cref="OpenTokArgumentException">The session id or digits break a rule (the message names the first bad character); nothing was sent.</exception>
    /// <exception cref="OpenTokNotFoundException">No such session.</exception>
    Task PlayDtmfAsync(string sessionId, string digits, CancellationToken cancellationToken = default);

    /// <summary>Plays DTMF tones to one SIP participant (<c>POST /v2/project/{apiKey}/session/{sessionId}/connection/{connectionId}/play-dtmf</c>).</summary>
    /// <param name="sessionId">A session of this project.</param>
    /// <param name="connectionId">The SIP participant's connection (<see cref="SipCall.ConnectionId"/>).</param>
    /// <param name="digits">The tones: <c>0</c>–<c>9</c>, <c>*</c>, <c>#</c>, and <c>p</c> for a 500 ms pause; at least one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the tones are sent.</returns>
    /// <exception cref="OpenTokArgumentException">An id or the digits break a rule (the message names the first bad character); nothing was sent.</exception>
    /// <exception cref="OpenTokNotFoundException">No such session, or no such connection in it.</exception>
    Task PlayDtmfToConnectionAsync(string sessionId, string connectionId, string digits, CancellationToken cancellationToken = default);
}
