namespace OpenTok.Refit.Emulator;

/// <summary>A session the emulator created (or adopted, with <see cref="OpenTokEmulatorOptions.AcceptUnknownSessions"/>).</summary>
/// <param name="SessionId">The session id, in the real format, decoding to the emulator's API key.</param>
/// <param name="MediaMode">Relayed or routed (<c>p2p.preference</c> enabled or disabled).</param>
/// <param name="ArchiveMode">Manual or always.</param>
/// <param name="Location">The location hint, or empty.</param>
/// <param name="EndToEndEncryption">Whether media is end-to-end encrypted.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record EmulatedSession(
    string SessionId,
    MediaMode MediaMode,
    ArchiveMode ArchiveMode,
    string Location,
    bool EndToEndEncryption,
    DateTimeOffset CreatedAt);

/// <summary>What the emulator has seen since it started (or since <see cref="OpenTokEmulator.Reset"/>): a consistent snapshot of counters.</summary>
/// <param name="Requests">REST requests received (each attempt of a retried call counts), including refused ones.</param>
/// <param name="ServerErrorsInjected">Requests answered with an injected 5xx.</param>
/// <param name="RateLimitsInjected">Requests answered with an injected 429.</param>
/// <param name="ConnectionsDropped">Requests whose connection was aborted on purpose.</param>
/// <param name="AuthenticationFailures">Requests refused with 403 for their <c>X-OPENTOK-AUTH</c> or path key.</param>
/// <param name="SessionsCreated">Sessions created through <c>POST /session/create</c>.</param>
/// <param name="ArchivesStarted">Archives started (through the API, or automatically for <c>archiveMode=always</c>).</param>
public sealed record EmulatorStatistics(
    long Requests,
    long ServerErrorsInjected,
    long RateLimitsInjected,
    long ConnectionsDropped,
    long AuthenticationFailures,
    long SessionsCreated,
    long ArchivesStarted);
