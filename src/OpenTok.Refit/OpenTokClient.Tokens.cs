using OpenTok.Refit.Tokens;

namespace OpenTok.Refit;

public sealed partial class OpenTokClient
{
    /// <summary>
    /// Signs a token with which a client connects to <paramref name="sessionId"/>: a JWT by default (HS256 with the
    /// API secret, or RS256 with a Vonage application's key), or a legacy T1 token when <see cref="TokenOptions.Format"/>
    /// says so (OpenTok projects only). With an API secret it allocates only the returned string.
    /// </summary>
    /// <param name="sessionId">A session of this project.</param>
    /// <param name="options">Role, expiry, data, layout classes and format; <see langword="null"/> for the defaults.</param>
    /// <returns>The token.</returns>
    /// <exception cref="OpenTokArgumentException">
    /// The session id does not decode or belongs to another API key, or an option breaks a rule (expiry not in the
    /// next 30 days, data over 1000 characters, an empty or whitespace-holding layout class, an undefined role, T1 for
    /// a Vonage application).
    /// </exception>
    public string GenerateToken(string sessionId, TokenOptions? options = null)
    {
        options ??= TokenOptions.Default;
        options.Validate();
        SessionId.EnsureBelongsTo(sessionId, ApiKey, nameof(sessionId));

        var now = _timeProvider.GetUtcNow();
        var claims = new ClientTokenClaims(
            ApiKey,
            sessionId,
            options.Role,
            now,
            options.ResolveExpireTime(now),
            Nonces.Next(),
            options.Data,
            options.InitialLayoutClassList);
        return _credentials.CreateClientToken(claims, options.Format);
    }
}
