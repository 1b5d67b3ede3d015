namespace OpenTok.Refit;

/// <summary>
/// The streams published in a session: read one, list them all, set their layout classes. Reach it as
/// <c>opentok.Streams</c>. Every argument is checked before anything is sent. An interface so that code using it can
/// be tested with a fake of your own.
/// </summary>
public interface IStreamsClient
{
    /// <summary>Reads one stream (<c>GET /v2/project/{apiKey}/session/{sessionId}/stream/{streamId}</c>).</summary>
    /// <param name="sessionId">A session of this project.</param>
    /// <param name="streamId">The stream's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stream: its video type, name and layout classes.</returns>
    /// <exception cref="OpenTokArgumentException">An id breaks a rule; nothing was sent.</exception>
    /// <exception cref="OpenTokNotFoundException">No such stream in the session.</exception>
    /// <exception cref="OpenTokApiException">The server refused for another reason.</exception>
    Task<SessionStream> GetAsync(string sessionId, string streamId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists every stream published in a session (<c>GET /v2/project/{apiKey}/session/{sessionId}/stream</c>). The
    /// service answers with all of them at once (the list is not paged).
    /// </summary>
    /// <param name="sessionId">A session of this project.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The streams; empty when none is published.</returns>
    /// <exception cref="OpenTokArgumentException">The session id breaks a rule; nothing was sent.</exception>
    /// <exception cref="OpenTokApiException">The server refused.</exception>
    Task<IReadOnlyList<SessionStream>> ListAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets the layout classes of several streams in one call (<c>PUT /v2/project/{apiKey}/session/{sessionId}/stream</c>);
    /// composed archives and broadcasts lay streams out by these classes.
    /// </summary>
    /// <param name="sessionId">A session of this project.</param>
    /// <param name="classLists">At least one stream and its new classes; each replaces that stream's current list.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="OpenTokArgumentException">The list is empty, or an id or class breaks a rule; nothing was sent.</exception>
    /// <exception cref="OpenTokApiException">The server refused.</exception>
    Task SetClassListsAsync(string sessionId, IEnumerable<StreamClassList> classLists, CancellationToken cancellationToken = default);
}
