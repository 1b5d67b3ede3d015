using OpenTok.Refit.Http;

namespace OpenTok.Refit;

public sealed partial class OpenTokClient
{
    /// <summary>Creates a session (<c>POST /session/create</c>).</summary>
    /// <param name="options">Media mode, archive mode, location, encryption; <see langword="null"/> for a relayed, manually archived session.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The session, with <see cref="Session.GenerateToken"/> to sign tokens for it.</returns>
    /// <exception cref="OpenTokArgumentException">The options break a rule; nothing was sent.</exception>
    /// <exception cref="OpenTokApiException">The server refused or answered something unreadable.</exception>
    public async Task<Session> CreateSessionAsync(SessionOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SessionOptions();
        options.Validate();
        var created = await Sessions.CreateSessionAsync(options.ToRequest(), cancellationToken).ConfigureAwait(false);
        if (created.Length == 0 || string.IsNullOrEmpty(created[0].SessionId))
        {
            throw new OpenTokApiException("OpenTok answered POST /session/create with no session in its body.");
        }

        return new Session(this, created[0].SessionId, options);
    }
}
