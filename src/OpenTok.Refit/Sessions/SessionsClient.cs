using OpenTok.Refit.Api;

namespace OpenTok.Refit;

/// <summary>The sessions area: validates, then calls the Refit-generated <see cref="ISessionsApi"/>.</summary>
/// <param name="api">The generated endpoints.</param>
/// <param name="generateToken">Signs a token for a session id, so the returned <see cref="Session"/> can sign its own.</param>
internal sealed class SessionsClient(ISessionsApi api, Func<string, TokenOptions?, string> generateToken) : ISessionsClient
{
    /// <inheritdoc/>
    public async Task<Session> CreateAsync(SessionOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SessionOptions();
        options.Validate();
        var created = await api.CreateAsync(options.ToRequest(), cancellationToken).ConfigureAwait(false);
        if (created.Length == 0 || string.IsNullOrEmpty(created[0].SessionId))
        {
            throw new OpenTokApiException("OpenTok answered POST /session/create with no session in its body.");
        }

        return new Session(created[0].SessionId, options, generateToken);
    }
}
