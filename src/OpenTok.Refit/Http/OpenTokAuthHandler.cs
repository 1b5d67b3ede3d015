using System.Net;
using System.Net.Http.Headers;
using System.Reflection;

namespace OpenTok.Refit.Http;

/// <summary>
/// Authenticates every attempt of every request: a fresh REST JWT (<c>X-OPENTOK-AUTH</c> for an OpenTok project,
/// with <c>ist</c> = <c>account</c> for project management and <c>project</c> otherwise; <c>Authorization: Bearer</c>
/// for a Vonage application) dated by the server's clock
/// (so a retried request never carries a stale one), the SDK's <c>User-Agent</c>, and <c>Accept: application/json</c>.
/// If the server rejects the JWT and its <c>Date</c> shows the clocks were further apart than thought, the
/// request is signed again and resent once: a rejected request took no effect, whatever its method.
/// </summary>
internal sealed class OpenTokAuthHandler : DelegatingHandler
{
    /// <summary>The header that carries the REST JWT.</summary>
    public const string AuthHeaderName = OpenTokCredentials.OpenTokAuthHeader;

    /// <summary>The SDK's user agent product, e.g. <c>OpenTok-Refit/1.0.0</c>.</summary>
    public static readonly string UserAgentProduct = "OpenTok-Refit/" + SdkVersion();

    // Beyond this, a 401/403 is taken to be the clock's fault and the request is re-signed.
    private static readonly TimeSpan SignificantSkewChange = TimeSpan.FromSeconds(30);

    private readonly OpenTokCredentials _credentials;
    private readonly ServerClock _serverClock;
    private readonly string _userAgent;

    /// <summary>Creates the handler for one project or application.</summary>
    /// <param name="credentials">What each attempt is signed with.</param>
    /// <param name="serverClock">The server clock estimate shared by the client's attempts.</param>
    /// <param name="userAgentSuffix">Appended to the user agent, if set.</param>
    public OpenTokAuthHandler(OpenTokCredentials credentials, ServerClock serverClock, string? userAgentSuffix)
    {
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        _serverClock = serverClock ?? throw new ArgumentNullException(nameof(serverClock));
        _userAgent = string.IsNullOrWhiteSpace(userAgentSuffix) ? UserAgentProduct : UserAgentProduct + " " + userAgentSuffix;
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
        _credentials.Authenticate(request, _serverClock.GetServerNow());
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
