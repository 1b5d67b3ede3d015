namespace OpenTok.Refit.Emulator.Areas.Sip;

/// <summary>A SIP call as <see cref="SipStore"/> keeps it; changed only under <see cref="State.EmulatorState.Lock"/>.</summary>
internal sealed class SipCallRecord
{
    public required string Id { get; init; }

    public required string SessionId { get; init; }

    public required string ConnectionId { get; init; }

    public required string StreamId { get; init; }

    public required SipOptions Options { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When its connection ended, however it ended: the store hears of it from the live session's activity.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    public List<string> PlayedDtmf { get; } = [];

    public EmulatedSipCall Snapshot() => new()
    {
        Id = Id,
        SessionId = SessionId,
        ConnectionId = ConnectionId,
        StreamId = StreamId,
        Options = Options,
        CreatedAt = CreatedAt,
        EndedAt = EndedAt,
        PlayedDtmf = [.. PlayedDtmf],
    };
}
