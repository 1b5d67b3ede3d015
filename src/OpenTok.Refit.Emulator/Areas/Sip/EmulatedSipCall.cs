namespace OpenTok.Refit.Emulator;

/// <summary>
/// A SIP call the emulator dialled (<c>POST /v2/project/{apiKey}/dial</c>), as <see cref="OpenTokEmulator.SipCalls"/>
/// shows it: what was dialled, the connection and stream it made in the session, the DTMF tones played to it, and when
/// it hung up. A snapshot: it does not change after it is read.
/// </summary>
public sealed record EmulatedSipCall
{
    /// <summary>The call's id, as the dial call answered it.</summary>
    public required string Id { get; init; }

    /// <summary>The session it was dialled into.</summary>
    public required string SessionId { get; init; }

    /// <summary>The SIP participant's connection; force it to disconnect to hang up.</summary>
    public required string ConnectionId { get; init; }

    /// <summary>The stream the SIP participant publishes (audio, and video when <see cref="SipOptions.Video"/>).</summary>
    public required string StreamId { get; init; }

    /// <summary>What was dialled, as the SDK's record: the uri, caller, headers, credentials and media settings.</summary>
    public required SipOptions Options { get; init; }

    /// <summary>When it was dialled, on the emulator's clock.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When its connection ended (a force disconnect hangs up), or <see langword="null"/> while it is connected.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>
    /// The DTMF digits played to it, one item per play call, oldest first: those played to this connection and those
    /// played to its whole session while it was connected.
    /// </summary>
    public required IReadOnlyList<string> PlayedDtmf { get; init; }
}
