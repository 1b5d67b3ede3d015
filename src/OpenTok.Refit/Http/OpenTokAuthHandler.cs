using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using OpenTok.Refit.Tokens;

namespace OpenTok.Refit.Http;

/// <summary>
/// Authenticates every attempt of every request: a fresh <c>X-OPENTOK-AUTH</c> JWT dated by the server's clock
/// (so a retried request never carries a stale one), the SDK's <c>User-Agent</c>, and <c>Accept: application/json</c>.
/// If the server rejects the JWT and its <c>Date</c> shows the clocks were further apart than thought, the
/// request is signed again and resent once: a rejected request took no effect, whatever its method.
/// </summary>
internal sealed class OpenTokAuthHandler : DelegatingHandler
{
    /// <summary>The header that carries the REST JWT.</summary>
    public const string AuthHeaderName = "X-OPENTOK-AUTH";

    /// <summary>The SDK's user agent product, e.g. <c>OpenTok-Refit/1.0.0</c>.</summary>
    public static readonly string UserAgentProduct = "OpenTok-Refit/" + SdkVersion();

    // Beyond this, a 401/403 is taken to be the clock's fault and the request is re-signed.
    private static readonly TimeSpan SignificantSkewChange = TimeSpan.FromSeconds(30);

    private readonly string _apiKey;
    private readonly byte[] _apiSecretUtf8;
    private readonly ServerClock _serverClock;
    private readonly string _userAgent;

    /// <summary>Creates the handler for one project.</summary>
    /// <param name="options">The project's key and secret, and the user agent suffix.</param>
    /// <param name="serverClock">The server clock estimate shared by the client's attempts.</param>
    public OpenTokAuthHandler(OpenTokOptions options, ServerClock serverClock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _apiKey = options.ApiKey;
        _apiSecretUtf8 = Encoding.UTF8.GetBytes(options.ApiSecret);
        _serverClock = serverClock ?? throw new ArgumentNullException(nameof(serverClock));
        _userAgent = string.IsNullOrWhiteSpace(options.UserAgentSuffix) ? UserAgentProduct : UserAgentProduct + " " + options.UserAgentSuffix;
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Authenticate(request);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var change = _serverClock.Observe(response.Headers.Date);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden && change.Duration() > SignificantSkewChange)
        {
            response.Dispose();
            Authenticate(request);
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            _serverClock.Observe(response.Headers.Date);
        }

        return response;
    }

    private void Authenticate(HttpRequestMessage request)
    {
        var issuedAt = _serverClock.GetServerNow();
        var jwt = RestJwt.Create(_apiKey, _apiSecretUtf8, RestJwtIssuerType.Project, issuedAt, issuedAt + RestJwt.DefaultLifetime, Guid.NewGuid());
        request.Headers.Remove(AuthHeaderName);
        request.Headers.TryAddWithoutValidation(AuthHeaderName, jwt);
        request.Headers.Remove("User-Agent");
        request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        if (request.Headers.Accept.Count == 0)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }
    }

    private static string SdkVersion()
    {
        var version = typeof(OpenTokAuthHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
