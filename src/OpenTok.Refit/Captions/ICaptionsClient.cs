namespace OpenTok.Refit;

/// <summary>
/// Live captions: transcribe a routed session's audio as people speak, for clients to show as captions. One
/// captions job per session at a time. Reach it as <c>opentok.Captions</c>. Every argument is checked before
/// anything is sent. An interface so that code using it can be tested with a fake of your own.
/// </summary>
public interface ICaptionsClient
{
    /// <summary>Starts live captions of a session (<c>POST /v2/project/{apiKey}/captions</c>; the server answers 202).</summary>
    /// <param name="sessionId">A session of this project; it must be routed.</param>
    /// <param name="token">A client token of that session with the moderator role, for the captioner's connection.</param>
    /// <param name="options">Language, duration, partial captions, status URL; <see langword="null"/> for the server's defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The captions, with the id to stop them.</returns>
    /// <exception cref="OpenTokArgumentException">The session id, token or options break a rule; nothing was sent.</exception>
    /// <exception cref="OpenTokConflictException">The session is already captioned, or it is relayed.</exception>
    /// <exception cref="OpenTokApiException">The server refused for another reason.</exception>
    Task<Captions> StartAsync(string sessionId, string token, CaptionsOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Stops live captions (<c>POST /v2/project/{apiKey}/captions/{captionsId}/stop</c>, a POST, not a DELETE; the server answers 202).</summary>
    /// <param name="captionsId">The captions' id, a UUID (<see cref="Captions.CaptionsId"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the captions are stopping.</returns>
    /// <exception cref="OpenTokArgumentException">The id is not a UUID; nothing was sent.</exception>
    /// <exception cref="OpenTokNotFoundException">No such captions, or they have stopped already.</exception>
    Task StopAsync(string captionsId, CancellationToken cancellationToken = default);
}
