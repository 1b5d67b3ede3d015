using System.Security.Cryptography;
using System.Text;
using OpenTok.Refit.Tokens;

namespace OpenTok.Refit;

/// <summary>
/// What a client signs with, in one of the two modes the service knows: an OpenTok project (API key + secret:
/// HS256, <c>X-OPENTOK-AUTH</c>) or a Vonage application (application id + RSA private key: RS256,
/// <c>Authorization: Bearer</c>). Made once per client from validated options; the application's key is imported
/// once and kept for the client's lifetime.
/// </summary>
internal abstract class OpenTokCredentials : IDisposable
{
    /// <summary>The header that carries an OpenTok project's REST JWT.</summary>
    public const string OpenTokAuthHeader = "X-OPENTOK-AUTH";

    /// <summary>The id in every <c>/v2/project/{apiKey}/…</c> path: the API key, or the application id.</summary>
    public abstract string ProjectId { get; }

    /// <summary>Makes the credentials the options describe.</summary>
    /// <exception cref="OpenTokArgumentException">The options do not describe exactly one valid mode.</exception>
    public static OpenTokCredentials From(OpenTokOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options.IsApplicationMode
            ? new ApplicationCredentials(options.ApplicationId!, ApplicationTokens.ImportPrivateKey(options.ReadPrivateKeyPem(), options.PrivateKeyPath is null ? nameof(OpenTokOptions.PrivateKey) : nameof(OpenTokOptions.PrivateKeyPath)))
            : new ApiKeyCredentials(options.ApiKey, options.ApiSecret);
    }

    /// <summary>Puts a fresh REST JWT, dated <paramref name="serverNow"/>, on the request, replacing any earlier one.</summary>
    public abstract void Authenticate(HttpRequestMessage request, DateTimeOffset serverNow);

    /// <summary>Signs a client token in the given format.</summary>
    /// <exception cref="OpenTokArgumentException">The format is not available in this mode.</exception>
    public abstract string CreateClientToken(in ClientTokenClaims claims, TokenFormat format);

    /// <inheritdoc/>
    public virtual void Dispose()
    {
    }

    private sealed class ApiKeyCredentials(string apiKey, string apiSecret) : OpenTokCredentials
    {
        private readonly byte[] _secretUtf8 = Encoding.UTF8.GetBytes(apiSecret);

        public override string ProjectId => apiKey;

        public override void Authenticate(HttpRequestMessage request, DateTimeOffset serverNow)
        {
            var jwt = RestJwt.Create(apiKey, _secretUtf8, RestJwtIssuerType.Project, serverNow, serverNow + RestJwt.DefaultLifetime, Guid.NewGuid());
            request.Headers.Authorization = null;
            request.Headers.Remove(OpenTokAuthHeader);
            request.Headers.TryAddWithoutValidation(OpenTokAuthHeader, jwt);
        }

        public override string CreateClientToken(in ClientTokenClaims claims, TokenFormat format) => ClientTokens.Create(claims, _secretUtf8, format);
    }

    private sealed class ApplicationCredentials(string applicationId, RSA privateKey) : OpenTokCredentials
    {
        public override string ProjectId => applicationId;

        public override void Authenticate(HttpRequestMessage request, DateTimeOffset serverNow)
        {
            var jwt = ApplicationTokens.CreateRestJwt(applicationId, privateKey, serverNow, serverNow + RestJwt.DefaultLifetime, Guid.NewGuid());
            request.Headers.Remove(OpenTokAuthHeader);
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + jwt);
        }

        public override string CreateClientToken(in ClientTokenClaims claims, TokenFormat format) =>
            format == TokenFormat.T1
                ? throw new OpenTokArgumentException(
                    "Format T1 is not available to a Vonage application: legacy T1 tokens are signed with an OpenTok API secret. Use the default JWT format.",
                    nameof(TokenOptions.Format))
                : ApplicationTokens.CreateClientToken(claims, privateKey, Guid.NewGuid());

        public override void Dispose()
        {
            privateKey.Dispose();
            base.Dispose();
        }
    }
}
