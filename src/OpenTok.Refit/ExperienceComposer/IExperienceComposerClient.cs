namespace OpenTok.Refit;

/// <summary>
/// Experience Composer: render a web page (a whiteboard, a custom layout, a web app) into a session as one published
/// stream, read and list those renders, and stop them. Reach it as <c>opentok.ExperienceComposer</c>. Every argument is
/// checked before anything is sent. An interface so that code using it can be tested with a fake of your own.
/// </summary>
public interface IExperienceComposerClient
{
    /// <summary>Starts rendering a page into a session (<c>POST /v2/project/{apiKey}/render</c>, answered 202).</summary>
    /// <param name="sessionId">A session of this project.</param>
    /// <param name="token">A client token for that session that may publish (publisher or moderator role): the Experience Composer connects with it.</param>
    /// <param name="options">The page and how to render it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The render, normally <see cref="RenderStatus.Starting"/>; read it again to see it started.</returns>
    /// <exception cref="OpenTokArgumentException">The session id, token or options break a rule; nothing was sent.</exception>
    /// <exception cref="OpenTokApiException">The server refused (400 for a token it does not accept, 404 for an unknown session).</exception>
    Task<Render> StartAsync(string sessionId, string token, RenderOptions options, CancellationToken cancellationToken = default);

    /// <summary>Reads one render (<c>GET /v2/project/{apiKey}/render/{renderId}</c>).</summary>
    /// <param name="renderId">The render's id (a UUID).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The render.</returns>
    /// <exception cref="OpenTokArgumentException">The id is not a UUID; nothing was sent.</exception>
    /// <exception cref="OpenTokNotFoundException">No such render.</exception>
    Task<Render> GetAsync(string renderId, CancellationToken cancellationToken = default);

    /// <summary>Stops a render (<c>DELETE /v2/project/{apiKey}/render/{renderId}</c>); its stream leaves the session.</summary>
    /// <param name="renderId">The render's id (a UUID).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server has taken the stop.</returns>
    /// <exception cref="OpenTokArgumentException">The id is not a UUID; nothing was sent.</exception>
    /// <exception cref="OpenTokNotFoundException">No such render.</exception>
    Task StopAsync(string renderId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The project's renders, newest first, read lazily in pages of up to 1000 (<c>GET /v2/project/{apiKey}/render</c>):
    /// <c>await foreach (var render in opentok.ExperienceComposer.ListAsync())</c>. Nothing is sent until you enumerate.
    /// </summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The renders, as items or, with <see cref="Pageable{T}.AsPages"/>, as pages with the total count.</returns>
    Pageable<Render> ListAsync(CancellationToken cancellationToken = default);
}
