using System.Net;

namespace OpenTok.Refit.Emulator;

/// <summary>
/// How to start an <see cref="OpenTokEmulator"/>. Every setting has a default that suits a test: a well-known
/// key and secret (like Azurite's development account), any free port on 127.0.0.1, no faults, archives available
/// as soon as they stop.
/// </summary>
public sealed record OpenTokEmulatorOptions
{
    /// <summary>The emulator's well-known API key. Not a real project's: it works only against an emulator.</summary>
    public const string DefaultApiKey = "10000001";

    /// <summary>The emulator's well-known API secret. Not a secret at all: it is printed, documented and works only against an emulator.</summary>
    public const string DefaultApiSecret = "e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1";

    /// <summary>The well-known API key of the emulator's OpenTok account, which project management (<c>/v2/project</c>) authenticates. Not a real account's.</summary>
    public const string DefaultAccountApiKey = "10000000";

    /// <summary>The well-known API secret of the emulator's OpenTok account. Not a secret at all: it is documented and works only against an emulator.</summary>
    public const string DefaultAccountApiSecret = "a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0";

    /// <summary>The project's API key: the <c>iss</c> of accepted REST JWTs, the <c>{apiKey}</c> of every path, and the key encoded in session ids. Default <see cref="DefaultApiKey"/>.</summary>
    public string ApiKey { get; init; } = DefaultApiKey;

    /// <summary>The project's API secret, which REST JWTs and client tokens must be signed with. Default <see cref="DefaultApiSecret"/>.</summary>
    public string ApiSecret { get; init; } = DefaultApiSecret;

    /// <summary>
    /// The API key of the OpenTok account that owns the project: project management (<c>/v2/project</c>) accepts REST
    /// JWTs with <c>iss</c> = this key and <c>ist</c> = <c>account</c>, signed with <see cref="AccountApiSecret"/>. The
    /// project <see cref="ApiKey"/> is one of its projects. Default <see cref="DefaultAccountApiKey"/>.
    /// </summary>
    public string AccountApiKey { get; init; } = DefaultAccountApiKey;

    /// <summary>The account's API secret, which project management's REST JWTs must be signed with. Default <see cref="DefaultAccountApiSecret"/>.</summary>
    public string AccountApiSecret { get; init; } = DefaultAccountApiSecret;

    /// <summary>
    /// Serve a Vonage application instead of the OpenTok project <see cref="ApiKey"/>: REST calls then authenticate
    /// with <c>Authorization: Bearer</c> (RS256) and are refused with 401 otherwise, paths and session ids carry the
    /// application id, and client tokens are RS256. <see cref="EmulatedApplication.Generate"/> makes one. Default
    /// <see langword="null"/>: an OpenTok project.
    /// </summary>
    public EmulatedApplication? Application { get; init; }

    /// <summary>The id in every REST path and session id: the application id in application mode, else the API key.</summary>
    internal string ProjectId => Application?.ApplicationId ?? ApiKey;

    /// <summary>The TCP port on 127.0.0.1. Default 0: any free port, so parallel tests never collide; read the result from <see cref="OpenTokEmulator.BaseAddress"/>.</summary>
    public int Port { get; init; }

    /// <summary>The faults injected from the start; change them at run time with <see cref="OpenTokEmulator.Faults"/>. Default <see cref="FaultInjection.None"/>.</summary>
    public FaultInjection Faults { get; init; } = FaultInjection.None;

    /// <summary>When stopped archives become <c>available</c>; change it at run time with <see cref="OpenTokEmulator.ArchiveAvailability"/>. Default <see cref="ArchiveAvailability.Immediate"/>.</summary>
    public ArchiveAvailability ArchiveAvailability { get; init; } = ArchiveAvailability.Immediate;

    /// <summary>The seed of the emulator's randomness (which requests fail, session ids), so a run can be repeated. Default <see langword="null"/>: a random seed.</summary>
    public int? Seed { get; init; }

    /// <summary>
    /// Whether a well-formed session id of this API key that the emulator has not created is taken as a routed
    /// session it created earlier. The emulator keeps its state in memory, so after a restart it forgets its
    /// sessions; turn this on when ids kept elsewhere (a database) must stay usable. Default <see langword="false"/>:
    /// an unknown session is 404, as on the real service.
    /// </summary>
    public bool AcceptUnknownSessions { get; init; }

    /// <summary>How far in the future a REST JWT's <c>iat</c> may be, for clocks a little apart. Default 30 seconds.</summary>
    public TimeSpan AllowedClockSkew { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The emulated service's clock: session and archive timestamps, archive durations, when a delayed archive
    /// becomes available (<see cref="ArchiveAvailability.After"/>), archive url expiry, whether REST JWTs and client
    /// tokens have expired, injected latency, and the <c>Date</c> header of every answer (from which the SDK learns
    /// the server's time). Pass a fake clock (<c>FakeTimeProvider</c>) to move time in a test instead of waiting.
    /// Default <see cref="TimeProvider.System"/>.
    /// </summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Where the emulator POSTs every callback event (session monitoring, archive, broadcast, SIP, Experience
    /// Composer and captions status) with the service's payloads, unless <see cref="Callbacks"/> names a URL for the
    /// family. Change it at run time with <see cref="OpenTokEmulator.Callbacks"/>. Default <see langword="null"/>: no
    /// events are sent.
    /// </summary>
    public Uri? CallbackUrl { get; init; }

    /// <summary>Per-family callback URLs, the signature secret and the retry schedule. Default: none, unsigned, 5 attempts from 1 s apart.</summary>
    public EmulatorCallbackOptions Callbacks { get; init; } = new();

    /// <summary>Where to write one line per request (method, path, status or <c>dropped</c>, duration); <see langword="null"/> for nowhere. Never the auth header.</summary>
    public TextWriter? RequestLog { get; init; }

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">A setting is missing or out of range.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ApiKey) || ApiKey.Contains('~', StringComparison.Ordinal) || ApiKey.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException("ApiKey must be set, without '~' or '/' (it goes into session ids and paths).", nameof(ApiKey));
        }

        if (string.IsNullOrEmpty(ApiSecret))
        {
            throw new ArgumentException("ApiSecret must be set.", nameof(ApiSecret));
        }

        if (string.IsNullOrWhiteSpace(AccountApiKey) || AccountApiKey.Contains('/', StringComparison.Ordinal) || AccountApiKey == ApiKey)
        {
            throw new ArgumentException("AccountApiKey must be set, without '/', and differ from ApiKey (an account is not one of its projects).", nameof(AccountApiKey));
        }

        if (string.IsNullOrEmpty(AccountApiSecret))
        {
            throw new ArgumentException("AccountApiSecret must be set.", nameof(AccountApiSecret));
        }

        if (Port is < IPEndPoint.MinPort or > IPEndPoint.MaxPort)
        {
            throw new ArgumentException($"Port must be from 0 to 65535; it is {Port}.", nameof(Port));
        }

        if (AllowedClockSkew < TimeSpan.Zero)
        {
            throw new ArgumentException("AllowedClockSkew must not be negative.", nameof(AllowedClockSkew));
        }

        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentNullException.ThrowIfNull(Faults);
        ArgumentNullException.ThrowIfNull(ArchiveAvailability);
        ArgumentNullException.ThrowIfNull(Callbacks);
        Faults.Validate();
        ArchiveAvailability.Validate();
        EmulatorCallbackOptions.CheckUrl(CallbackUrl, nameof(CallbackUrl));
        Callbacks.Validate();
    }

    /// <summary>The options with the secret hidden.</summary>
    /// <returns>For example <c>OpenTokEmulatorOptions { ApiKey = 10000001, Port = 0, … }</c>.</returns>
    public override string ToString() =>
        $"OpenTokEmulatorOptions {{ ApiKey = {ApiKey}, ApiSecret = ***, Port = {Port}, Faults = {Faults}, ArchiveAvailability = {ArchiveAvailability}, Seed = {Seed}, AcceptUnknownSessions = {AcceptUnknownSessions}, CallbackUrl = {CallbackUrl}, Callbacks = {Callbacks} }}";
}
