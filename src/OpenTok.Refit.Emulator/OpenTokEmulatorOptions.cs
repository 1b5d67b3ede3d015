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

    /// <summary>The project's API key: the <c>iss</c> of accepted REST JWTs, the <c>{apiKey}</c> of every path, and the key encoded in session ids. Default <see cref="DefaultApiKey"/>.</summary>
    public string ApiKey { get; init; } = DefaultApiKey;

    /// <summary>The project's API secret, which REST JWTs and client tokens must be signed with. Default <see cref="DefaultApiSecret"/>.</summary>
    public string ApiSecret { get; init; } = DefaultApiSecret;

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

    /// <summary>Where to write one line per request (method, path, status, duration); <see langword="null"/> for nowhere. Never the auth header.</summary>
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

        if (Port is < IPEndPoint.MinPort or > IPEndPoint.MaxPort)
        {
            throw new ArgumentException($"Port must be from 0 to 65535; it is {Port}.", nameof(Port));
        }

        if (AllowedClockSkew < TimeSpan.Zero)
        {
            throw new ArgumentException("AllowedClockSkew must not be negative.", nameof(AllowedClockSkew));
        }

        ArgumentNullException.ThrowIfNull(Faults);
        ArgumentNullException.ThrowIfNull(ArchiveAvailability);
        Faults.Validate();
        ArchiveAvailability.Validate();
    }

    /// <summary>The options with the secret hidden.</summary>
    /// <returns>For example <c>OpenTokEmulatorOptions { ApiKey = 10000001, Port = 0, … }</c>.</returns>
    public override string ToString() =>
        $"OpenTokEmulatorOptions {{ ApiKey = {ApiKey}, ApiSecret = ***, Port = {Port}, Faults = {Faults}, ArchiveAvailability = {ArchiveAvailability}, Seed = {Seed}, AcceptUnknownSessions = {AcceptUnknownSessions} }}";
}

/// <summary>
/// Faults the emulator injects into REST calls, for reliability tests. Off by default. Each request rolls once:
/// dropped with <see cref="DropConnectionRate"/>, else a 5xx with <see cref="ServerErrorRate"/>, else a 429 with
/// <see cref="RateLimitRate"/>; the rates add up to at most 1. An injected fault happens before the request is
/// handled, so it never takes effect (as when a gateway or rate limiter in front of the service refuses it).
/// </summary>
public sealed record FaultInjection
{
    /// <summary>No faults, no latency.</summary>
    public static FaultInjection None { get; } = new();

    /// <summary>The share of requests answered with <see cref="ServerErrorStatusCode"/>, 0 to 1. Default 0.</summary>
    public double ServerErrorRate { get; init; }

    /// <summary>The status of an injected server error, 500 to 599. Default 503.</summary>
    public int ServerErrorStatusCode { get; init; } = 503;

    /// <summary>The share of requests answered 429 Too Many Requests, 0 to 1. Default 0.</summary>
    public double RateLimitRate { get; init; }

    /// <summary>The <c>Retry-After</c> of an injected 429, in whole seconds (<see cref="TimeSpan.Zero"/> sends <c>Retry-After: 0</c>); <see langword="null"/> sends none. Default 1 second.</summary>
    public TimeSpan? RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The share of requests whose connection is aborted before any answer, 0 to 1. Default 0.</summary>
    public double DropConnectionRate { get; init; }

    /// <summary>A delay added before every REST call is handled (or refused). Default none.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A rate is outside 0 to 1, the rates add up to more than 1, or a status or delay is out of range.</exception>
    public void Validate()
    {
        Rate(ServerErrorRate, nameof(ServerErrorRate));
        Rate(RateLimitRate, nameof(RateLimitRate));
        Rate(DropConnectionRate, nameof(DropConnectionRate));
        if (ServerErrorRate + RateLimitRate + DropConnectionRate > 1.0 + 1e-9)
        {
            throw new ArgumentException("ServerErrorRate + RateLimitRate + DropConnectionRate must be at most 1.", nameof(ServerErrorRate));
        }

        if (ServerErrorStatusCode is < 500 or > 599)
        {
            throw new ArgumentException($"ServerErrorStatusCode must be a 5xx status; it is {ServerErrorStatusCode}.", nameof(ServerErrorStatusCode));
        }

        if (RetryAfter < TimeSpan.Zero)
        {
            throw new ArgumentException("RetryAfter must not be negative.", nameof(RetryAfter));
        }

        if (Latency < TimeSpan.Zero)
        {
            throw new ArgumentException("Latency must not be negative.", nameof(Latency));
        }

        static void Rate(double value, string name)
        {
            if (double.IsNaN(value) || value < 0 || value > 1)
            {
                throw new ArgumentException($"{name} must be from 0 to 1; it is {value}.", name);
            }
        }
    }
}

/// <summary>How an archive's processing ends once it is stopped.</summary>
public enum ArchiveAvailabilityMode
{
    /// <summary>The archive is <c>available</c> as soon as it is stopped: the stop answer says <c>stopped</c>, the next read <c>available</c>.</summary>
    Immediate,

    /// <summary>The archive stays <c>stopped</c> for <see cref="ArchiveAvailability.Delay"/>, then is <c>available</c>.</summary>
    AfterDelay,

    /// <summary>The archive stays <c>stopped</c> until <see cref="OpenTokEmulator.CompleteArchive"/> is called.</summary>
    Manual,
}

/// <summary>When stopped archives become <c>available</c> (or <c>uploaded</c>, when archive storage is set).</summary>
public sealed record ArchiveAvailability
{
    private ArchiveAvailability(ArchiveAvailabilityMode mode, TimeSpan delay)
    {
        Mode = mode;
        Delay = delay;
    }

    /// <summary>Available as soon as stopped.</summary>
    public static ArchiveAvailability Immediate { get; } = new(ArchiveAvailabilityMode.Immediate, TimeSpan.Zero);

    /// <summary>Stopped until <see cref="OpenTokEmulator.CompleteArchive"/> says otherwise.</summary>
    public static ArchiveAvailability Manual { get; } = new(ArchiveAvailabilityMode.Manual, TimeSpan.Zero);

    /// <summary>Which of the three behaviours.</summary>
    public ArchiveAvailabilityMode Mode { get; }

    /// <summary>How long an archive stays <c>stopped</c> in <see cref="ArchiveAvailabilityMode.AfterDelay"/> mode.</summary>
    public TimeSpan Delay { get; }

    /// <summary>Available <paramref name="delay"/> after being stopped.</summary>
    /// <param name="delay">How long processing takes; not negative.</param>
    /// <returns>The setting.</returns>
    public static ArchiveAvailability After(TimeSpan delay)
    {
        var availability = new ArchiveAvailability(ArchiveAvailabilityMode.AfterDelay, delay);
        availability.Validate();
        return availability;
    }

    /// <summary>Checks the setting.</summary>
    /// <exception cref="ArgumentException">The delay is negative or the mode undefined.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Mode))
        {
            throw new ArgumentException($"Mode {(int)Mode} is not defined.", nameof(Mode));
        }

        if (Delay < TimeSpan.Zero)
        {
            throw new ArgumentException("Delay must not be negative.", nameof(Delay));
        }
    }
}
