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
