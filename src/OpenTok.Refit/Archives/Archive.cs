using System.Text.Json.Serialization;

namespace OpenTok.Refit;

/// <summary>An archive as the server describes it. Unknown fields are ignored; unknown enum values kept.</summary>
public sealed record Archive
{
    // Non-null defaults live in the getters (get => field ?? ...), not in initializers: the source-generated JSON
    // reader sets every init-only property, to null when the server left its field out, so an initializer is lost.
    /// <summary>The archive id (a UUID).</summary>
    public string Id { get => field ?? ""; init; }

    /// <summary>Where the archive is in its life: started, stopped, available, ….</summary>
    public ArchiveStatus Status { get; init; }

    /// <summary>The name given at start, if any.</summary>
    public string? Name { get; init; }

    /// <summary>Why recording stopped or failed, e.g. <c>user initiated</c>.</summary>
    public string? Reason { get; init; }

    /// <summary>The recorded session.</summary>
    public string SessionId { get => field ?? ""; init; }

    /// <summary>The project's API key (the server writes it as a number or a string).</summary>
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? ProjectId { get; init; }

    /// <summary>When recording started.</summary>
    [JsonConverter(typeof(UnixMillisecondsConverter))]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The file size in bytes; 0 until the file exists. A <see cref="long"/>: archives pass 2 GB.</summary>
    public long Size { get; init; }

    /// <summary>How long the recording is; zero while recording.</summary>
    [JsonConverter(typeof(SecondsConverter))]
    public TimeSpan Duration { get; init; }

    /// <summary>Composed or individual.</summary>
    public OutputMode OutputMode { get; init; }

    /// <summary>Auto or manual stream mode.</summary>
    public StreamMode StreamMode { get; init; }

    /// <summary>Whether audio is recorded.</summary>
    public bool HasAudio { get; init; }

    /// <summary>Whether video is recorded.</summary>
    public bool HasVideo { get; init; }

    /// <summary>Where to download the file; only when <see cref="Status"/> is available, and valid for 10 minutes.</summary>
    public string? Url { get; init; }

    /// <summary>The resolution of a composed archive.</summary>
    public Resolution? Resolution { get; init; }

    /// <summary>The streams of a manual-mode archive.</summary>
    public IReadOnlyList<ArchiveStream> Streams { get => field ?? []; init; }

    /// <summary>The tag given at start (only in the start answer).</summary>
    public string? MultiArchiveTag { get; init; }

    /// <summary>The bit-rate cap, when set.</summary>
    public int? MaxBitrate { get; init; }

    /// <summary>The quantization parameter, when set.</summary>
    public int? QuantizationParameter { get; init; }

    /// <summary>Whether a transcription was asked for.</summary>
    public bool? HasTranscription { get; init; }

    /// <summary>The transcription's state, when one was asked for.</summary>
    public Transcription? Transcription { get; init; }
}

/// <summary>A stream included in a manual-mode archive or broadcast.</summary>
public sealed record ArchiveStream
{
    /// <summary>The stream id.</summary>
    public string StreamId { get => field ?? ""; init; }

    /// <summary>Whether its audio is included.</summary>
    public bool HasAudio { get; init; }

    /// <summary>Whether its video is included.</summary>
    public bool HasVideo { get; init; }
}

/// <summary>The state of an archive's transcription.</summary>
public sealed record Transcription
{
    /// <summary>The state, e.g. <c>requested</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Where to download it, when ready.</summary>
    public string? Url { get; init; }

    /// <summary>Why it failed, if it did.</summary>
    public string? Reason { get; init; }

    /// <summary>The language transcribed.</summary>
    public string? PrimaryLanguageCode { get; init; }

    /// <summary>Whether a summary was made.</summary>
    public bool? HasSummary { get; init; }
}

/// <summary>One page of <c>GET /v2/project/{apiKey}/archive</c>.</summary>
internal sealed record ArchiveList : IListAnswer<Archive>
{
    /// <summary>How many archives match in all (not just on this page).</summary>
    public int Count { get; init; }

    /// <summary>This page's archives, newest first.</summary>
    public IReadOnlyList<Archive> Items { get => field ?? []; init; }
}

/// <summary>The body of <c>PATCH …/archive/{archiveId}/streams</c>: add one stream or remove one.</summary>
internal sealed record StreamsChange
{
    /// <summary>The stream to add.</summary>
    public string? AddStream { get; init; }

    /// <summary>The stream to remove.</summary>
    public string? RemoveStream { get; init; }

    /// <summary>Whether the added stream's audio is included (add only).</summary>
    public bool? HasAudio { get; init; }

    /// <summary>Whether the added stream's video is included (add only).</summary>
    public bool? HasVideo { get; init; }
}
