using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTok.Refit.Emulator.Areas;
using OpenTok.Refit.Emulator.Areas.Archives;
using OpenTok.Refit.Emulator.Areas.Projects;
using OpenTok.Refit.Emulator.Areas.LiveSessions;
using OpenTok.Refit.Emulator.Areas.Sessions;
using OpenTok.Refit.Emulator.CallbackEvents;
using OpenTok.Refit.Emulator.Control;
using OpenTok.Refit.Emulator.Pipeline;
using OpenTok.Refit.Emulator.State;
using OpenTok.Refit.Tokens;

namespace OpenTok.Refit.Emulator;

/// <summary>
/// A local, stateful fake of the OpenTok REST API, on 127.0.0.1 — what Azurite is to Azure Storage. It authenticates
/// like the service (<c>X-OPENTOK-AUTH</c>, 403 otherwise), keeps sessions and archives in memory with the service's
/// rules and status codes, serves a placeholder file at each available archive's <c>url</c>, and can inject faults.
/// Start one per test (<c>await using var emulator = await OpenTokEmulator.StartAsync();</c>) and point the SDK at
/// it with <see cref="CreateClientOptions"/>. Thread-safe. The same controls (<see cref="Faults"/>,
/// <see cref="Statistics"/>, <see cref="Reset"/>) are served over plain HTTP under <c>/_emulator/</c> for tests in
/// other processes.
/// </summary>
/// <remarks>
/// Clients connect to its sessions in process with <see cref="ConnectAsync"/> (or over HTTP through the control
/// endpoints): they publish streams, signal, and moderate, and the REST API sees them (signals, connections, streams,
/// force disconnect and mute, the streams of manual-mode archives and broadcasts). The emulator cannot see real
/// clients, so a routed session is still taken to have some: archives and broadcasts start with nobody connected, an
/// <c>archiveMode=always</c> session is recorded from its creation, and in a session no emulated client has joined
/// any stream id names a live stream.
/// </remarks>
public sealed class OpenTokEmulator : IAsyncDisposable
{
    /// <summary>
    /// The largest request body the emulator reads, in bytes (64 KiB); a larger one is answered 413 with the error
    /// body, on every route. The largest legitimate OpenTok bodies (a custom layout's stylesheet, say) are a few KiB.
    /// </summary>
    public const int MaxRequestBodySize = 64 * 1024;

    private readonly WebApplication _app;
    private readonly OpenTokEmulatorOptions _options;
    private readonly RequestCounters _counters = new();
    private readonly FaultInjector _faultInjector;
    private readonly RestAuthentication _authentication;
    private readonly SessionStore _sessionStore;
    private readonly ArchiveStore _archiveStore;
    private readonly ProjectStore _projectStore;
    private readonly LiveSessionStore _liveStore;
    private readonly CallbackEventSource _callbackEvents;
    private readonly RSA? _applicationKey;
    private int _disposed;

    private OpenTokEmulator(WebApplication app, OpenTokEmulatorOptions options, int seed)
    {
        _app = app;
        _options = options;
        State = new EmulatorState(options, unchecked(seed * 31 + 17));
        _faultInjector = new FaultInjector(options.Faults, seed, State.Clock, _counters);
        _applicationKey = options.Application is { } application ? ApplicationTokens.ImportPrivateKey(application.PrivateKeyPem, nameof(EmulatedApplication.PrivateKeyPem)) : null;
        _authentication = new RestAuthentication(State, _counters, _applicationKey);
        _sessionStore = State.Store<SessionStore>();
        _archiveStore = State.Store<ArchiveStore>();
        _projectStore = State.Store<ProjectStore>();
        State.VerifyClientToken = VerifyClientToken;
        _liveStore = State.Store<LiveSessionStore>();
        _callbackEvents = new CallbackEventSource(State, () => _faultInjector.Faults, unchecked(seed * 31 + 7));
    }

    /// <summary>Where the emulator listens, e.g. <c>http://127.0.0.1:49152/</c>: the SDK's <see cref="OpenTokOptions.BaseAddress"/>.</summary>
    public Uri BaseAddress => State.BaseAddress;

    /// <summary>The emulated project's id in paths and session ids: its API key, or the application id in application mode.</summary>
    public string ApiKey => _options.ProjectId;

    /// <summary>
    /// The emulated project's API secret now (not used by REST calls in application mode): the configured one, or the
    /// one its latest refresh through project management made, after which the old one no longer authenticates.
    /// </summary>
    public string ApiSecret => _projectStore.EmulatedProjectSecret;

    /// <summary>
    /// The API key of the emulated OpenTok account, which owns the project: what project management
    /// (<c>opentok.Projects</c>) is called with (<see cref="CreateAccountClient"/>). Default <see cref="OpenTokEmulatorOptions.DefaultAccountApiKey"/>.
    /// </summary>
    public string AccountApiKey => _options.AccountApiKey;

    /// <summary>The emulated account's API secret. Default <see cref="OpenTokEmulatorOptions.DefaultAccountApiSecret"/>.</summary>
    public string AccountApiSecret => _options.AccountApiSecret;

    /// <summary>The emulated Vonage application's id; <see langword="null"/> unless <see cref="OpenTokEmulatorOptions.Application"/> is set.</summary>
    public string? ApplicationId => _options.Application?.ApplicationId;

    /// <summary>The emulated Vonage application's private key as PEM, for the SDK; <see langword="null"/> unless <see cref="OpenTokEmulatorOptions.Application"/> is set.</summary>
    public string? PrivateKeyPem => _options.Application?.PrivateKeyPem;

    /// <summary>The options the emulator was started with.</summary>
    public OpenTokEmulatorOptions Options => _options;

    /// <summary>The faults injected now. Set it at any time (tests flip it); requests already past the fault stage are not affected.</summary>
    /// <exception cref="ArgumentException">The new settings are out of range.</exception>
    public FaultInjection Faults
    {
        get => _faultInjector.Faults;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            value.Validate();
            _faultInjector.Faults = value;
        }
    }

    /// <summary>
    /// The callback events the emulator POSTs as its state changes, with the service's payloads: where each family
    /// goes (set URLs at any time), whether deliveries are signed, and the delivery log. Configured at start by
    /// <see cref="OpenTokEmulatorOptions.CallbackUrl"/> and <see cref="OpenTokEmulatorOptions.Callbacks"/>.
    /// </summary>
    public EmulatorCallbacks Callbacks => _callbackEvents.Callbacks;

    /// <summary>When archives stopped from now on become available. Set it at any time.</summary>
    public ArchiveAvailability ArchiveAvailability
    {
        get => _archiveStore.Availability;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            value.Validate();
            _archiveStore.Availability = value;
        }
    }

    /// <summary>A snapshot of the counters: requests, injected faults, authentication failures, sessions and archives.</summary>
    public EmulatorStatistics Statistics
    {
        get
        {
            long sessions, archives;
            lock (State.Lock)
            {
                sessions = _sessionStore.CreatedCount;
                archives = _archiveStore.StartedCount;
            }

            return new(
                _counters.Requests,
                _counters.ServerErrorsInjected,
                _counters.RateLimitsInjected,
                _counters.ConnectionsDropped,
                _counters.AuthenticationFailures,
                sessions,
                archives,
                _counters.ConnectionsDroppedAfterEffect);
        }
    }

    /// <summary>A snapshot of the sessions, oldest first.</summary>
    public IReadOnlyList<EmulatedSession> Sessions => State.Sessions.Snapshot();

    /// <summary>A snapshot of every archive, deleted ones included, newest first, as <c>GET …/archive/{id}</c> would answer now.</summary>
    public IReadOnlyList<Archive> Archives => _archiveStore.Snapshot();

    /// <summary>
    /// A snapshot of every SIP call dialled (<c>opentok.Sip.DialAsync</c>), oldest first, hung-up ones included: what
    /// was dialled, its connection and stream, and the DTMF digits played to it.
    /// </summary>
    public IReadOnlyList<EmulatedSipCall> SipCalls => State.Store<Areas.Sip.SipStore>().Snapshot();

    internal EmulatorState State { get; }

    /// <summary>Starts an emulator on 127.0.0.1.</summary>
    /// <param name="options">Credentials, port, faults, archive availability; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels starting.</param>
    /// <returns>The running emulator; dispose it to stop it.</returns>
    /// <exception cref="ArgumentException">The options are out of range.</exception>
    /// <exception cref="IOException">The port is taken.</exception>
    public static async Task<OpenTokEmulator> StartAsync(OpenTokEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new OpenTokEmulatorOptions();
        options.Validate();

        // The empty builder reads no appsettings, environment or command line: an emulator started inside an
        // application must not pick up that application's configuration.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(OpenTokEmulator).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;

            // The body stage (RequestBodyLimit) refuses larger bodies with the error body; this bounds what Kestrel
            // reads for it, a chunked body included.
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodySize;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging(logging => logging.ClearProviders());

        // The default lifetime (ConsoleLifetime) takes over SIGINT and SIGTERM and only asks this inner host to stop,
        // which nobody awaits: the process that started the emulator would ignore its own Ctrl+C or kill. Signals
        // belong to that process (the emulator program handles them in Program.cs).
        builder.Services.AddSingleton<IHostLifetime, SignalFreeLifetime>();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, OpenTokJsonContext.Default));

        var app = builder.Build();
        var emulator = new OpenTokEmulator(app, options, options.Seed ?? Random.Shared.Next());
        var requestLog = options.RequestLog is null ? null : TextWriter.Synchronized(options.RequestLog);
        app.UseEmulatorPipeline(requestLog, emulator.State.Clock, emulator._faultInjector, emulator._authentication);

        // Last before the handlers: a REST call's effects are reported as its answer starts, before its caller acts on it.
        app.Use(emulator._callbackEvents.CheckAroundRequestAsync);
        app.MapAreas(emulator.State);
        app.MapControl(emulator);
        app.MapClientControl(emulator);
        app.MapCallbackControl(emulator);
        app.MapUnknownEndpoints();
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        emulator.State.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return emulator;
    }

    /// <summary>SDK options that call this emulator with its credentials. Adjust the copy (resilience, …) as you like.</summary>
    /// <returns>New options: <see cref="ApiKey"/> and <see cref="ApiSecret"/> (or, in application mode, <see cref="ApplicationId"/> and <see cref="PrivateKeyPem"/>) and <see cref="BaseAddress"/>.</returns>
    public OpenTokOptions CreateClientOptions() => _options.Application is { } application
        ? new() { ApplicationId = application.ApplicationId, PrivateKey = application.PrivateKeyPem, BaseAddress = BaseAddress }
        : new() { ApiKey = ApiKey, ApiSecret = ApiSecret, BaseAddress = BaseAddress };

    /// <summary>An SDK client for this emulator.</summary>
    /// <param name="configure">Adjusts the options before the client is made (resilience settings, say).</param>
    /// <returns>The client; dispose it.</returns>
    public OpenTokClient CreateClient(Action<OpenTokOptions>? configure = null)
    {
        var options = CreateClientOptions();
        configure?.Invoke(options);
        return new OpenTokClient(options);
    }

    /// <summary>SDK options that call this emulator as its OpenTok account: <see cref="AccountApiKey"/>, <see cref="AccountApiSecret"/> and <see cref="BaseAddress"/>, for project management.</summary>
    /// <returns>New options; adjust the copy as you like.</returns>
    public OpenTokOptions CreateAccountClientOptions() => new() { ApiKey = AccountApiKey, ApiSecret = AccountApiSecret, BaseAddress = BaseAddress };

    /// <summary>An SDK client for this emulator's OpenTok account: its <c>Projects</c> area manages the emulated projects.</summary>
    /// <param name="configure">Adjusts the options before the client is made.</param>
    /// <returns>The client; dispose it.</returns>
    public OpenTokClient CreateAccountClient(Action<OpenTokOptions>? configure = null)
    {
        var options = CreateAccountClientOptions();
        configure?.Invoke(options);
        return new OpenTokClient(options);
    }

    /// <summary>
    /// Checks a client token as the service does when a client connects: signature, API key, expiry, role, and a
    /// session that belongs to this project and exists here.
    /// </summary>
    /// <param name="token">A JWT or T1 client token.</param>
    /// <returns>The token's claims, or why it is refused.</returns>
    public TokenValidation<VerifiedClientToken> VerifyClientToken(string? token)
    {
        var result = VerifyTokenAt(token, State.Now);
        return result.Claims is { } claims && State.Sessions.Find(claims.SessionId) is null
            ? new TokenValidation<VerifiedClientToken>(null, $"The token is for session {claims.SessionId}, which this emulator does not know.")
            : result;
    }

    /// <summary>
    /// Connects a client to a session with a token, as a browser or mobile app connects to the service. The token is
    /// checked as the service checks it (<see cref="VerifyClientToken"/>: the signature — HS256 JWT or T1 with the API
    /// secret, or RS256 with the application's key in application mode — the API key or application, the expiry on
    /// the emulator's clock, the role) and must be for <paramref name="sessionId"/>, a session the emulator knows (or
    /// adopts, with <see cref="OpenTokEmulatorOptions.AcceptUnknownSessions"/>). The client gets the token's role,
    /// connection data and initial layout classes.
    /// </summary>
    /// <param name="sessionId">The session to join.</param>
    /// <param name="token">A client token, as your server hands it to clients.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The connected client; dispose it to leave.</returns>
    /// <exception cref="EmulatedClientException">
    /// The token is refused: <see cref="EmulatedClientError.InvalidToken"/>, <see cref="EmulatedClientError.ExpiredToken"/>,
    /// <see cref="EmulatedClientError.TokenForAnotherSession"/> or <see cref="EmulatedClientError.UnknownSession"/>, with the
    /// verifier's reason in the message.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The emulator has stopped.</exception>
    public Task<EmulatedClient> ConnectAsync(string sessionId, string token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        ArgumentNullException.ThrowIfNull(token);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return EmulatedClient.Run(() => _liveStore.ConnectClient(sessionId, CheckTokenToConnect(sessionId, token)), cancellationToken);
    }

    /// <summary>A client connected with <see cref="ConnectAsync"/> (or the control endpoints), connected or not, until a reset.</summary>
    internal EmulatedClient? FindClient(string connectionId) => _liveStore.FindClient(connectionId);

    /// <summary>A client's streams still published, oldest first, as the store has them now.</summary>
    internal IReadOnlyList<StreamRecord> StreamsOf(EmulatedClient client) => _liveStore.StreamsOf(client);

    private VerifiedClientToken CheckTokenToConnect(string sessionId, string token)
    {
        var now = State.Now;
        var result = VerifyTokenAt(token, now);
        if (result.Claims is not { } claims)
        {
            // Expiry is the verifier's only check that depends on the time: a token that passes at the epoch and not
            // now is well signed and expired.
            var expired = VerifyTokenAt(token, DateTimeOffset.UnixEpoch).Claims is { } then && then.ExpiresAt <= now;
            throw new EmulatedClientException(expired ? EmulatedClientError.ExpiredToken : EmulatedClientError.InvalidToken, $"The token is refused: {result.Failure}");
        }

        if (!string.Equals(claims.SessionId, sessionId, StringComparison.Ordinal))
        {
            throw new EmulatedClientException(EmulatedClientError.TokenForAnotherSession,
                $"The token is for session {claims.SessionId}, not {Arguments.Quote(sessionId)}.");
        }

        return claims;
    }

    private TokenValidation<VerifiedClientToken> VerifyTokenAt(string? token, DateTimeOffset now) => _applicationKey is null
        ? ClientTokenVerifier.Verify(token, ApiKey, ApiSecret, now)
        : ClientTokenVerifier.VerifyApplicationToken(token, ApiKey, _applicationKey, now);

    /// <summary>Ends processing of a stopped archive now: it becomes <c>available</c> (or <c>uploaded</c>). For <see cref="ArchiveAvailability.Manual"/>.</summary>
    /// <param name="archiveId">The archive's id.</param>
    /// <returns><see langword="true"/> when the archive exists and was stopped; <see langword="false"/> otherwise.</returns>
    public bool CompleteArchive(string archiveId)
    {
        if (!Guid.TryParseExact(archiveId, "D", out var id) || !_archiveStore.CompleteArchive(id))
        {
            return false;
        }

        _callbackEvents.Check();
        return true;
    }

    /// <summary>
    /// Forgets every session, connection, stream, archive and storage setting (and every other area's resources:
    /// renders, captions, callbacks, projects created) and zeroes the counters; the faults and configured credentials
    /// stay, and the project is back to its configured secret and active. Emulated clients are disconnected
    /// (<see cref="EmulatedEndReason.NetworkDisconnected"/>), without callback events. The callback URLs stay;
    /// the delivery log keeps only its pending deliveries, which go on.
    /// </summary>
    public void Reset()
    {
        // Under one hold of the lock, so no event of the old state is reported after its records are gone.
        lock (State.Lock)
        {
            State.Reset();
            _callbackEvents.Reset();
        }

        _counters.Reset();
    }

    /// <summary>Stops listening and frees the port.</summary>
    /// <returns>A task that completes when the emulator has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Pending callback deliveries are abandoned first: nothing is sent once the emulator is stopping.
        await _callbackEvents.DisposeAsync().ConfigureAwait(false);

        // Clients see the service go away, and anyone reading their channels stops waiting.
        _liveStore.EndAllClients();
        _applicationKey?.Dispose();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>A host lifetime that leaves the process's signals alone; the emulator starts and stops when told to.</summary>
    private sealed class SignalFreeLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>The emulator's address and key, without the secret.</summary>
    /// <returns>For example <c>OpenTokEmulator { BaseAddress = http://127.0.0.1:49152/, ApiKey = 10000001 }</c>.</returns>
    public override string ToString() => $"OpenTokEmulator {{ BaseAddress = {BaseAddress}, ApiKey = {ApiKey} }}";
}
