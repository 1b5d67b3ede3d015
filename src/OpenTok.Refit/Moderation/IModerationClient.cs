namespace OpenTok.Refit;

/// <summary>
/// Moderation: force a client out of a session, force streams' audio off. Reach it as <c>opentok.Moderation</c>.
/// Every argument is checked before anything is sent. An interface so that code using it can be tested with a fake
/// of your own.
/// </summary>
public interface IModerationClient
{
    /// <summary>Forces a client to disconnect (<c>DELETE /v2/project/{apiKey}/session/{sessionId}/connection/{connectionId}</c>); its streams end with it.</summary>
    /// <param name="sessionId">A session of this project.</param>
    /// <param name="connectionId">The connection to end.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OpenTokArgumentException">An id breaks a rule; nothing was sent.</exception>
    /// <exception cref="OpenTokNotFoundException">The client is not connected to the session.</exception>
    /// <exception cref="OpenTokApiException">The server refused for another reason.</exception>
    Task ForceDisconnectAsync(string sessionId, string connectionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Forces one stream's audio off (<c>POST /v2/project/{apiKey}/session/{sessionId}/stream/{streamId}/mute</c>, no
    /// body). The publisher may unmute itself afterwards.
    /// </summary>
    /// <param name="sessionId">A session of this project.</param>
    /// <param name="streamId">The stream to mute.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OpenTokArgumentException">An id breaks a rule; nothing was sent.</exception>
    /// <exception cref="OpenTokNotFoundException">No such stream in the session.</exception>
    /// <exception cref="OpenTokApiException">The server refused for another reason.</exception>
    Task ForceMuteStreamAsync(string sessionId, string streamId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Forces the audio of every stream of a session off, but the excluded ones, and puts the session in a muted state
    /// so that streams published later start muted too (<c>POST /v2/project/{apiKey}/session/{sessionId}/mute</c> with
    /// <c>{"active":true,"excludedStreamIds":[…]}</c>). <see cref="DisableForceMuteAsync"/> ends that state.
    /// </summary>
    /// <param name="sessionId">A session of this project.</param>
    /// <param name="excludedStreamIds">Streams to leave unmuted; <see langword="null"/> or empty for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OpenTokArgumentException">An id breaks a rule; nothing was sent.</exception>
    /// <exception cref="OpenTokNotFoundException">No such session.</exception>
    /// <exception cref="OpenTokApiException">The server refused for another reason.</exception>
    Task ForceMuteAllAsync(string sessionId, IEnumerable<string>? excludedStreamIds = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends the session's muted state set by <see cref="ForceMuteAllAsync"/>: streams published from now on are not
    /// muted (<c>POST /v2/project/{apiKey}/session/{sessionId}/mute</c> with <c>{"active":false}</c>). Streams muted
    /// already stay muted until their publishers unmute.
    /// </summary>
    /// <param name="sessionId">A session of this project.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OpenTokArgumentException">The session id breaks a rule; nothing was sent.</exception>
    /// <exception cref="OpenTokApiException">The server refused.</exception>
    Task DisableForceMuteAsync(string sessionId, CancellationToken cancellationToken = default);
}
