namespace OpenTok.Refit.Emulator;

/// <summary>What the emulator has seen since it started (or since <see cref="OpenTokEmulator.Reset"/>): a consistent snapshot of counters.</summary>
/// <param name="Requests">REST requests received (each attempt of a retried call counts), including refused ones.</param>
/// <param name="ServerErrorsInjected">Requests answered with an injected 5xx.</param>
/// <param name="RateLimitsInjected">Requests answered with an injected 429.</param>
/// <param name="ConnectionsDropped">Requests whose connection was aborted on purpose, before or after they were handled.</param>
/// <param name="AuthenticationFailures">Requests refused with 403 for their <c>X-OPENTOK-AUTH</c> or path key.</param>
/// <param name="SessionsCreated">Sessions created through <c>POST /session/create</c>.</param>
/// <param name="ArchivesStarted">Archives started (through the API, or automatically for <c>archiveMode=always</c>).</param>
/// <param name="ConnectionsDroppedAfterEffect">Of <paramref name="ConnectionsDropped"/>, those dropped after the request was handled (<see cref="FaultInjection.DropAfterEffectRate"/>).</param>
public sealed record EmulatorStatistics(
    long Requests,
    long ServerErrorsInjected,
    long RateLimitsInjected,
    long ConnectionsDropped,
    long AuthenticationFailures,
    long SessionsCreated,
    long ArchivesStarted,
    long ConnectionsDroppedAfterEffect = 0);
