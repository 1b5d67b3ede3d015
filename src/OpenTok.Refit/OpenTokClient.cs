using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenTok.Refit.Api;
using OpenTok.Refit.Http;
using Refit;

namespace OpenTok.Refit;

/// <summary>
/// The entry point of the SDK for one OpenTok project: signs client tokens, and reaches the REST API through one
/// client per area (<see cref="Archives"/>, <see cref="Sessions"/>), each validating before every request, paging
/// lazily, retrying where safe and throwing typed errors. Thread-safe; make one and share it (or let
/// <c>services.AddOpenTok(...)</c> make it). A client made with <c>new</c> owns its HTTP pipeline and disposes it.
/// </summary>
public sealed partial class OpenTokClient : IDisposable
{
    private readonly OpenTokCredentials _credentials;
    private readonly TimeProvider _timeProvider;
    private readonly ServiceProvider? _ownedServices;

    /// <summary>Creates a client for the OpenTok project with this API key and secret, calling <c>https://api.opentok.com</c>.</summary>
    /// <param name="apiKey">The project's API key.</param>
    /// <param name="apiSecret">The project's API secret.</param>
    /// <exception cref="OpenTokArgumentException">The key or secret is null or empty.</exception>
    public OpenTokClient(string apiKey, string apiSecret)
        : this(new OpenTokOptions { ApiKey = apiKey, ApiSecret = apiSecret })
    {
    }

    /// <summary>
    /// Creates a client from options: an OpenTok project (<see cref="OpenTokOptions.ApiKey"/> + secret) or a Vonage
    /// application (<see cref="OpenTokOptions.ApplicationId"/> + private key, e.g. <see cref="OpenTokOptions.ForApplication"/>).
    /// </summary>
    /// <param name="options">The credentials, base address and resilience settings.</param>
    /// <exception cref="OpenTokArgumentException">The options are incomplete, mix the two modes, or are out of range.</exception>
    public OpenTokClient(OpenTokOptions options)
        : this(options, TimeProvider.System)
    {
    }

    /// <summary>Creates a client from options with a clock and logger of your choosing.</summary>
    /// <param name="options">The credentials, base address and resilience settings.</param>
    /// <param name="timeProvider">The clock tokens are dated by and timeouts run on.</param>
    /// <param name="loggerFactory">Where REST calls are logged; <see langword="null"/> for nowhere.</param>
    /// <exception cref="OpenTokArgumentException">The options are incomplete, mix the two modes, or are out of range.</exception>
    public OpenTokClient(OpenTokOptions options, TimeProvider timeProvider, ILoggerFactory? loggerFactory = null)
        : this(options, timeProvider, OwnPipeline(options, timeProvider, loggerFactory))
    {
    }

    /// <summary>Creates a client over credentials and an <see cref="HttpClient"/> whose handlers already authenticate (the DI path).</summary>
    internal OpenTokClient(OpenTokOptions options, OpenTokCredentials credentials, HttpClient httpClient, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ApiKey = credentials.ProjectId;
        BaseAddress = options.ResolvedBaseAddress;
        IsVonageApplication = options.IsApplicationMode;
        _credentials = credentials;
        _timeProvider = timeProvider;
        var settings = OpenTokRefitSettings.Instance;
        Sessions = new SessionsClient(RestService.ForGenerated<ISessionsApi>(httpClient, settings), GenerateToken);
        Archives = new ArchivesClient(RestService.ForGenerated<IArchivesApi>(httpClient, settings), ApiKey);
        Broadcasts = new BroadcastsClient(RestService.ForGenerated<IBroadcastsApi>(httpClient, settings), ApiKey);
        Signals = new SignalsClient(RestService.ForGenerated<ISignalsApi>(httpClient, settings), ApiKey);
        Moderation = new ModerationClient(RestService.ForGenerated<IModerationApi>(httpClient, settings), ApiKey);
        Streams = new StreamsClient(RestService.ForGenerated<IStreamsApi>(httpClient, settings), ApiKey);
        Connections = new ConnectionsClient(RestService.ForGenerated<IConnectionsApi>(httpClient, settings), ApiKey);
        ExperienceComposer = new ExperienceComposerClient(RestService.ForGenerated<IExperienceComposerApi>(httpClient, settings), ApiKey);
        Callbacks = new CallbacksClient(RestService.ForGenerated<ICallbacksApi>(httpClient, settings), ApiKey, IsVonageApplication);
        Projects = new ProjectsClient(RestService.ForGenerated<IProjectsApi>(httpClient, settings), IsVonageApplication);
        Sip = new SipClient(RestService.ForGenerated<ISipApi>(httpClient, settings), ApiKey);
        AudioConnector = new AudioConnectorClient(RestService.ForGenerated<IAudioConnectorApi>(httpClient, settings), Moderation, ApiKey);
        Captions = new CaptionsClient(RestService.ForGenerated<ICaptionsApi>(httpClient, settings), ApiKey);
    }

    private OpenTokClient(OpenTokOptions options, TimeProvider timeProvider, ServiceProvider ownedServices)
        : this(
            options,
            ownedServices.GetRequiredKeyedService<OpenTokCredentials>(OpenTokServiceCollectionExtensions.DefaultName),
            ownedServices.GetRequiredService<IHttpClientFactory>().CreateClient(OpenTokServiceCollectionExtensions.DefaultName),
            timeProvider) =>
        _ownedServices = ownedServices;

    /// <summary>Creates a client for a Vonage application, calling <c>https://video.api.vonage.com</c>.</summary>
    /// <param name="applicationId">The application's id (a UUID).</param>
    /// <param name="privateKeyPem">The application's RSA private key as PEM text (PKCS#8 or PKCS#1).</param>
    /// <returns>The client.</returns>
    /// <exception cref="OpenTokArgumentException">The id is not a UUID, or the key is not an RSA private key of at least 2048 bits.</exception>
    public static OpenTokClient ForApplication(string applicationId, string privateKeyPem) =>
        new(OpenTokOptions.ForApplication(applicationId, privateKeyPem));

    /// <summary>
    /// The id in every REST path and in client tokens: the OpenTok project's API key, or the Vonage application's
    /// id (what OpenTok.js's <c>initSession</c> takes either way).
    /// </summary>
    public string ApiKey { get; }

    /// <summary>Whether this client speaks for a Vonage application (RS256 tokens) rather than an OpenTok project.</summary>
    public bool IsVonageApplication { get; }

    /// <summary>The REST base address this client calls.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Sessions: create them (<c>opentok.Sessions.CreateAsync(...)</c>, also <see cref="CreateSessionAsync"/>).</summary>
    public ISessionsClient Sessions { get; }

    /// <summary>Archives: start, stop, read, list, delete, layout, streams and upload storage (<c>opentok.Archives.StartAsync(...)</c>).</summary>
    public IArchivesClient Archives { get; }

    /// <summary>Live-streaming broadcasts to HLS and RTMP: start, stop, read, list, layout and streams (<c>opentok.Broadcasts.StartAsync(...)</c>).</summary>
    public IBroadcastsClient Broadcasts { get; }

    /// <summary>Signals to a whole session or one connection (<c>opentok.Signals.SendAsync(...)</c>).</summary>
    public ISignalsClient Signals { get; }

    /// <summary>Moderation: force disconnect, force mute one stream or all (<c>opentok.Moderation.ForceMuteAllAsync(...)</c>).</summary>
    public IModerationClient Moderation { get; }

    /// <summary>A session's streams: read, list, set layout classes (<c>opentok.Streams.ListAsync(...)</c>).</summary>
    public IStreamsClient Streams { get; }

    /// <summary>A session's connections and their states (<c>opentok.Connections.ListAsync(...)</c>).</summary>
    public IConnectionsClient Connections { get; }
    /// <summary>Experience Composer: render a web page into a session as a stream; start, read, list and stop (<c>opentok.ExperienceComposer.StartAsync(...)</c>).</summary>
    public IExperienceComposerClient ExperienceComposer { get; }

    /// <summary>
    /// The legacy callback API: register, list and unregister event URLs (<c>opentok.Callbacks.RegisterAsync(...)</c>).
    /// OpenTok API-key credentials only: on a Vonage application every call throws <see cref="NotSupportedException"/>.
    /// </summary>
    public ICallbacksClient Callbacks { get; }

    /// <summary>
    /// Project management of an OpenTok account: create, list, read, suspend, refresh the secret, delete
    /// (<c>opentok.Projects.CreateAsync(...)</c>). Only on a client made with the <b>account's</b> API key and secret, not a
    /// project's; its calls are signed as the account. On a Vonage application every call throws <see cref="NotSupportedException"/>.
    /// </summary>
    public IProjectsClient Projects { get; }

    /// <summary>SIP interconnect: dial a SIP endpoint into a session and play DTMF tones (<c>opentok.Sip.DialAsync(...)</c>).</summary>
    public ISipClient Sip { get; }

    /// <summary>The Audio Connector: stream a session's audio to a WebSocket server, and stop it (<c>opentok.AudioConnector.ConnectAsync(...)</c>).</summary>
    public IAudioConnectorClient AudioConnector { get; }

    /// <summary>Live captions: start and stop captioning a session (<c>opentok.Captions.StartAsync(...)</c>).</summary>
    public ICaptionsClient Captions { get; }

    /// <summary>Creates a session; the same call as <see cref="ISessionsClient.CreateAsync"/>, here because every OpenTok app starts with it.</summary>
    /// <param name="options">Media mode, archive mode, location, encryption; <see langword="null"/> for a relayed, manually archived session.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The session, with <see cref="Session.GenerateToken"/> to sign tokens for it.</returns>
    /// <exception cref="OpenTokArgumentException">The options break a rule; nothing was sent.</exception>
    /// <exception cref="OpenTokApiException">The server refused or answered something unreadable.</exception>
    public Task<Session> CreateSessionAsync(SessionOptions? options = null, CancellationToken cancellationToken = default) =>
        Sessions.CreateAsync(options, cancellationToken);

    /// <summary>Disposes the HTTP pipeline if this client made it.</summary>
    public void Dispose() => _ownedServices?.Dispose();

    /// <summary>The client, without its secret.</summary>
    /// <returns>For example <c>OpenTokClient { ApiKey = 123456, BaseAddress = https://api.opentok.com/ }</c>.</returns>
    public override string ToString() => $"OpenTokClient {{ ApiKey = {ApiKey}, BaseAddress = {BaseAddress} }}";

    /// <summary>The base address with a trailing slash, so relative endpoint paths append to any path prefix it has.</summary>
    internal static Uri HttpBaseAddress(Uri baseAddress) =>
        baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");

    /// <summary>
    /// The same pipeline <c>AddOpenTok</c> registers, in a container of this client's own: one definition of the
    /// handler chain, whichever way the client is made.
    /// </summary>
    private static ServiceProvider OwnPipeline(OpenTokOptions options, TimeProvider timeProvider, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        var services = new ServiceCollection();
        services.AddSingleton(timeProvider);
        services.AddSingleton(loggerFactory ?? NullLoggerFactory.Instance);
        services.AddOpenTokCore(OpenTokServiceCollectionExtensions.DefaultName, keyed: false, builder => builder.Configure(o => o.CopyFrom(options)));
        return services.BuildServiceProvider();
    }
}
