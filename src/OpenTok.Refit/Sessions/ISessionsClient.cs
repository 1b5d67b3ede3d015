namespace OpenTok.Refit;

/// <summary>
/// Sessions: create the session clients connect to. Reach it as <c>opentok.Sessions</c> (or call
/// <see cref="OpenTokClient.CreateSessionAsync"/>, which is the same call). An interface so that code using it can
/// be tested with a fake of your own.
/// </summary>
public interface ISessionsClient
{
    /// <summary>Creates a session (<c>POST /session/create</c>).</summary>
    /// <param name="options">Media mode, archive mode, location, encryption; <see langword="null"/> for a relayed, manually archived session.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The session, with <see cref="Session.GenerateToken"/> to sign tokens for it.</returns>
    /// <exception cref="OpenTokArgumentException">The options break a rule; nothing was sent.</exception>
    /// <exception cref="OpenTokApiException">The server refused or answered something unreadable.</exception>
    Task<Session> CreateAsync(SessionOptions? options = null, CancellationToken cancellationToken = default);
}
