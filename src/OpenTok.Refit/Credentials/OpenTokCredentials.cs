using System.Security.Cryptography;
using System.Text;
using OpenTok.Refit.Api;
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

    // Refit records on every request the endpoint interface it comes from; the account's endpoints are marked by theirs.
    private static readonly HttpRequestOptionsKey<Type> EndpointInterfaceKey = new(global::Refit.HttpRequestMessageOptions.InterfaceType);

    /// <summary>The id in every <c>/v2/project/{apiKey}/…</c> path: the API key, or the application id.</summary>
    public abstract string ProjectId { get; }

    /// <summary>
    /// Whom a request speaks for: the account, when it comes from an <see cref="IAccountApi"/> (project management),
    /// else the project. Its REST JWT carries this as <c>ist</c>.
    /// </summary>
    public static RestJwtIssuerType IssuerTypeOf(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Options.TryGetValue(EndpointInterfaceKey, out var endpoints) && typeof(IAccountApi).IsAssignableFrom(endpoints)
            ? RestJwtIssuerType.Account
            : RestJwtIssuerType.Project;
    }

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

    /// <summary>
    /// Puts a fresh REST JWT, dated <paramref name="serverNow"/>, on the request, replacing any earlier one: signed as the
    /// project, or as the account for project management (<see cref="IssuerTypeOf"/>).
    /// </summary>
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
            // The same key and secret either way: a client for project management is made with the account's.
            var jwt = RestJwt.Create(apiKey, _secretUtf8, IssuerTypeOf(request), serverNow, serverNow + RestJwt.DefaultLifetime, Guid.NewGuid());
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
            // The area clients refuse the account's endpoints first; this guards a request that got here regardless.
            if (IssuerTypeOf(request) == RestJwtIssuerType.Account)
            {
                throw new NotSupportedException("Project management exists only for OpenTok API-key credentials; a Vonage application cannot sign as an OpenTok account.");
            }

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
