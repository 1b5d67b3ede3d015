using OpenTok.Refit.Emulator.State;

namespace OpenTok.Refit.Emulator.Areas.Archives;

/// <summary>Where an archive is in its life; the wire status follows from it and the clock.</summary>
internal enum ArchivePhase
{
    Started,
    Stopped,
    Deleted,
}

/// <summary>An archive as the emulator keeps it; changed only under <see cref="EmulatorState.Lock"/>.</summary>
internal sealed class ArchiveRecord
{
    public Guid Id { get; init; }

    public long Sequence { get; init; }

    public required string SessionId { get; init; }

    public string? Name { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public OutputMode OutputMode { get; init; }

    public StreamMode StreamMode { get; init; }

    public bool HasAudio { get; init; }

    public bool HasVideo { get; init; }

    public Resolution? Resolution { get; init; }

    public Layout? Layout { get; set; }

    public string? MultiArchiveTag { get; init; }

    public int? MaxBitrate { get; init; }

    public int? QuantizationParameter { get; init; }

    public bool? HasTranscription { get; init; }

    public TranscriptionProperties? TranscriptionProperties { get; init; }

    public List<ArchiveStream> Streams { get; } = [];

    public ArchivePhase Phase { get; set; }

    public string Reason { get; set; } = "";

    public DateTimeOffset? StoppedAt { get; set; }

    public TimeSpan Duration { get; set; }

    /// <summary>When processing ends; <see langword="null"/> while waiting for <see cref="OpenTokEmulator.CompleteArchive"/>.</summary>
    public DateTimeOffset? AvailableAt { get; set; }

    /// <summary>Whether archive storage was set when the archive stopped, so that it ends <c>uploaded</c> rather than <c>available</c>.</summary>
    public bool Uploaded { get; set; }

    public byte[]? Media { get; set; }

    public long Size { get; set; }

    public ArchiveStatus StatusAt(DateTimeOffset now) => Phase switch
    {
        ArchivePhase.Started => ArchiveStatus.Started,
        ArchivePhase.Deleted => ArchiveStatus.Deleted,
        _ when AvailableAt is { } at && at <= now => Uploaded ? ArchiveStatus.Uploaded : ArchiveStatus.Available,
        _ => ArchiveStatus.Stopped,
    };
}
