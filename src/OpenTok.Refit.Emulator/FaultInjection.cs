namespace OpenTok.Refit.Emulator;

/// <summary>
/// Faults the emulator injects into REST calls, for reliability tests. Off by default. Each request rolls once:
/// dropped with <see cref="DropConnectionRate"/>, else a 5xx with <see cref="ServerErrorRate"/>, else a 429 with
/// <see cref="RateLimitRate"/>, else handled and then dropped with <see cref="DropAfterEffectRate"/>; the rates add
/// up to at most 1. The first three happen before the request is handled, so they never take effect (as when a
/// gateway or rate limiter in front of the service refuses it); the last happens after, so the call takes effect and
/// only its answer is lost (as when a connection breaks on the way back).
/// </summary>
/// <remarks>
/// Callback events the emulator POSTs (<see cref="OpenTokEmulator.Callbacks"/>) roll separately, once per delivery:
/// dropped with <see cref="CallbackDropRate"/>, else sent twice with <see cref="CallbackDuplicateRate"/>; these two add
/// up to at most 1 on their own.
/// </remarks>
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

    /// <summary>The share of requests whose connection is aborted before they are handled, so without effect or answer, 0 to 1. Default 0.</summary>
    public double DropConnectionRate { get; init; }

    /// <summary>
    /// The share of requests that are handled, and so take effect, and whose connection is then aborted before the
    /// answer is sent, 0 to 1. Default 0. For testing that a client which sees its call fail on the wire finds out
    /// whether it happened (a retried start archive meets 409, a listing shows the archive) instead of doing it twice.
    /// </summary>
    public double DropAfterEffectRate { get; init; }

    /// <summary>A delay added before every REST call is handled (or refused). Default none.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>
    /// The share of callback deliveries lost, 0 to 1: never sent, logged as <see cref="CallbackDeliveryState.Dropped"/>.
    /// Default 0. For testing that a receiver does not depend on every event arriving (it reads the state back).
    /// </summary>
    public double CallbackDropRate { get; init; }

    /// <summary>
    /// The share of callback deliveries sent twice, 0 to 1: the copy follows the original in the session's order and
    /// is logged with <see cref="CallbackDelivery.IsDuplicate"/>. Default 0. For testing that a receiver handles an
    /// event it has seen already, as the service's retries make it do.
    /// </summary>
    public double CallbackDuplicateRate { get; init; }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A rate is outside 0 to 1, the REST rates or the callback rates add up to more than 1, or a status or delay is out of range.</exception>
    public void Validate()
    {
        Rate(ServerErrorRate, nameof(ServerErrorRate));
        Rate(RateLimitRate, nameof(RateLimitRate));
        Rate(DropConnectionRate, nameof(DropConnectionRate));
        Rate(DropAfterEffectRate, nameof(DropAfterEffectRate));
        if (ServerErrorRate + RateLimitRate + DropConnectionRate + DropAfterEffectRate > 1.0 + 1e-9)
        {
            throw new ArgumentException("ServerErrorRate + RateLimitRate + DropConnectionRate + DropAfterEffectRate must be at most 1.", nameof(ServerErrorRate));
        }

        Rate(CallbackDropRate, nameof(CallbackDropRate));
        Rate(CallbackDuplicateRate, nameof(CallbackDuplicateRate));
        if (CallbackDropRate + CallbackDuplicateRate > 1.0 + 1e-9)
        {
            throw new ArgumentException("CallbackDropRate + CallbackDuplicateRate must be at most 1.", nameof(CallbackDropRate));
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
