using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenTok.Refit.Api;
using OpenTok.Refit.Http;

namespace OpenTok.Refit;

/// <summary>
/// The entry point of the SDK for one OpenTok project: signs client tokens and calls the REST API with validation
/// before every request, paging, retries where safe and typed errors. Thread-safe; make one and share it (or let
/// <c>services.AddOpenTok(...)</c> make it). A client made with <c>new</c> owns one well-configured
/// <see cref="HttpClient"/> and disposes it.
/// </summary>
public sealed partial class OpenTokClient : IDisposable
{
    private readonly byte[] _apiSecretUtf8;
    private readonly TimeProvider _timeProvider;
    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;

    /// <summary>Creates a client for the project with this API key and secret, calling <c>https://api.opentok.com</c>.</summary>
    /// <param name="apiKey">The project's API key.</param>
    /// <param name="apiSecret">The project's API secret.</param>
    /// <exception cref="OpenTokArgumentException">The key or secret is null or empty.</exception>
    public OpenTokClient(string apiKey, string apiSecret)
        : this(new OpenTokOptions { ApiKey = apiKey, ApiSecret = apiSecret })
    {
    }

    /// <summary>Creates a client from options.</summary>
    /// <param name="options">The project's credentials, base address and resilience settings.</param>
    /// <exception cref="OpenTokArgumentException">The options are incomplete or out of range.</exception>
    public OpenTokClient(OpenTokOptions options)
        : this(options, TimeProvider.System)
    {
    }

    /// <summary>Creates a client from options with a clock and logger of your choosing.</summary>
    /// <param name="options">The project's credentials, base address and resilience settings.</param>
    /// <param name="timeProvider">The clock tokens are dated by and timeouts run on.</param>
    /// <param name="loggerFactory">Where REST calls are logged; <see langword="null"/> for nowhere.</param>
    /// <exception cref="OpenTokArgumentException">The options are incomplete or out of range.</exception>
    public OpenTokClient(OpenTokOptions options, TimeProvider timeProvider, ILoggerFactory? loggerFactory = null)
        : this(options, CreateHttpClient(options, timeProvider, loggerFactory), timeProvider, ownsHttpClient: true)
    {
    }

    /// <summary>Creates a client over an <see cref="HttpClient"/> whose handlers already authenticate (the DI path).</summary>
    internal OpenTokClient(OpenTokOptions options, HttpClient httpClient, TimeProvider timeProvider, bool ownsHttpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        ApiKey = options.ApiKey;
        BaseAddress = options.BaseAddress;
        _apiSecretUtf8 = Encoding.UTF8.GetBytes(options.ApiSecret);
        _timeProvider = timeProvider;
        _httpClient = httpClient;
        _ownsHttpClient = ownsHttpClient;
        Sessions = new SessionsApiClient(httpClient, OpenTokJsonContext.Default.Options);
        Archives = new ArchivesApiClient(httpClient, OpenTokJsonContext.Default.Options);
    }

    /// <summary>The project's API key.</summary>
    public string ApiKey { get; }

    /// <summary>The REST base address this client calls.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The session endpoints, 1:1 with the wire, without the facade's validation.</summary>
    public ISessionsApi Sessions { get; }

    /// <summary>The archive endpoints, 1:1 with the wire, without the facade's validation or paging.</summary>
    public IArchivesApi Archives { get; }

    /// <summary>Disposes the <see cref="HttpClient"/> if this client made it.</summary>
    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    /// <summary>The client, without its secret.</summary>
    /// <returns>For example <c>OpenTokClient { ApiKey = 123456, BaseAddress = https://api.opentok.com/ }</c>.</returns>
    public override string ToString() => $"OpenTokClient {{ ApiKey = {ApiKey}, BaseAddress = {BaseAddress} }}";

    /// <summary>The base address with a trailing slash, so relative endpoint paths append to any path prefix it has.</summary>
    internal static Uri HttpBaseAddress(Uri baseAddress) =>
        baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");

    private static HttpClient CreateHttpClient(OpenTokOptions options, TimeProvider timeProvider, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<OpenTokClient>();
#pragma warning disable CA2000 // Each handler is owned by the one outside it, and the outermost by the HttpClient.
        var handler = new OpenTokResilienceHandler(OpenTokResilienceHandler.CreatePipeline(options.Resilience, timeProvider))
        {
            InnerHandler = new OpenTokTelemetryHandler(logger)
            {
                InnerHandler = new OpenTokAuthHandler(options, new ServerClock(timeProvider))
                {
                    // Recycle connections so DNS changes are seen, as IHttpClientFactory would.
                    InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
                },
            },
        };
#pragma warning restore CA2000
        return new HttpClient(handler)
        {
            BaseAddress = HttpBaseAddress(options.BaseAddress),
            // The resilience pipeline owns timeouts when it runs; HttpClient's own 100 s applies otherwise.
            Timeout = options.Resilience.Enabled ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(100),
        };
    }
}
