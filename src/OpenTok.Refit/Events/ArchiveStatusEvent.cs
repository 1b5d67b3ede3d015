using System.Text.Json.Serialization;

namespace OpenTok.Refit;

/// <summary>
/// An archive's status changed (<see cref="OpenTokEventKind.Archive"/>): started, paused, stopped, uploaded,
/// available, expired or failed. The body is the archive, as <c>GET …/archive/{archiveId}</c> would answer, plus the
/// callback's own fields.
/// </summary>
/// <remarks>
/// Statuses can arrive out of order (for a very small archive, <c>uploaded</c> can come before <c>stopped</c>) and
/// more than once: keep the latest by meaning, not by arrival.
/// </remarks>
public sealed record ArchiveStatusEvent : OpenTokEvent
{
    /// <summary>The archive id (a UUID).</summary>
    public string Id { get => field ?? ""; init; }

    /// <summary>The new status.</summary>
    public ArchiveStatus Status { get; init; }

    /// <summary>The name given at start, if any.</summary>
    public string? Name { get; init; }

    /// <summary>Why recording stopped or failed, e.g. <c>maximum duration exceeded</c> (often empty otherwise).</summary>
    public string? Reason { get; init; }

    /// <summary>When the call to start the archive was made (rounded to the second by the service).</summary>
    [JsonConverter(typeof(UnixTimeConverter))]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the archive last changed, when the body says.</summary>
    [JsonConverter(typeof(UnixTimeConverter))]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>How long the recording is; zero while recording.</summary>
    [JsonConverter(typeof(SecondsConverter))]
    public TimeSpan Duration { get; init; }

    /// <summary>The file size in bytes; 0 until the file exists.</summary>
    public long Size { get; init; }

    /// <summary>Where to download the file: only when <see cref="Status"/> is available, valid for 10 minutes.</summary>
    public string? Url { get; init; }

    /// <summary>The resolution of a composed archive.</summary>
    public Resolution? Resolution { get; init; }

    /// <summary>Composed or individual, when the body says.</summary>
    public OutputMode? OutputMode { get; init; }

    /// <summary>Auto or manual stream mode, when the body says.</summary>
    public StreamMode? StreamMode { get; init; }

    /// <summary>Whether audio is recorded, when the body says.</summary>
    public bool? HasAudio { get; init; }

    /// <summary>Whether video is recorded, when the body says.</summary>
    public bool? HasVideo { get; init; }

    /// <summary>The streams being recorded (manual stream mode, while started).</summary>
    public IReadOnlyList<ArchiveStream> Streams { get => field ?? []; init; }

    /// <summary>The encrypted password of an archive recorded with an encryption key (archive storage encryption).</summary>
    public string? Password { get; init; }

    /// <summary>Whether a transcription was asked for.</summary>
    public bool? HasTranscription { get; init; }

    /// <summary>The transcription's state, when one was asked for.</summary>
    public Transcription? Transcription { get; init; }

    /// <summary>The bit-rate cap, when set.</summary>
    public int? MaxBitrate { get; init; }

    /// <summary>The quantization parameter, when set.</summary>
    public int? QuantizationParameter { get; init; }

    /// <summary>The tag given at start, when the body repeats it.</summary>
    public string? MultiArchiveTag { get; init; }
}
