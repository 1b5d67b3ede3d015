namespace OpenTok.Refit.Emulator.Areas.Broadcasts;

/// <summary>One broadcast as the emulator keeps it; <see cref="BroadcastStore"/> projects it to the wire's <see cref="Broadcast"/>.</summary>
internal sealed class BroadcastRecord
{
    public required Guid Id { get; init; }

    /// <summary>Orders the list newest first, also between broadcasts started in the same millisecond.</summary>
    public required long Sequence { get; init; }

    public required string SessionId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; set; }

    public required TimeSpan MaxDuration { get; init; }

    /// <summary>
    /// When the broadcast ends: <see cref="CreatedAt"/> + <see cref="MaxDuration"/> until a stop call moves it to
    /// the stop time, so that the maximum duration ends it by itself as the clock passes, with nothing to schedule.
    /// </summary>
    public required DateTimeOffset EndsAt { get; set; }

    public int? MaxBitrate { get; init; }

    public required Resolution Resolution { get; init; }

    public HlsOptions? Hls { get; init; }

    public required IReadOnlyList<RtmpTarget> Rtmp { get; init; }

    public required Layout Layout { get; set; }

    public required StreamMode StreamMode { get; init; }

    public required bool HasAudio { get; init; }

    public required bool HasVideo { get; init; }

    public string? MultiBroadcastTag { get; init; }

    public List<ArchiveStream> Streams { get; } = [];

    /// <summary>Whether it is still streaming at <paramref name="now"/>.</summary>
    public bool IsStartedAt(DateTimeOffset now) => now < EndsAt;
}
