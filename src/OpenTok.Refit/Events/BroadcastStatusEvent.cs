using System.Text.Json.Serialization;

namespace OpenTok.Refit;

/// <summary>
/// A broadcast was created, changed or ended (<see cref="OpenTokEventKind.Broadcast"/>). The body is the broadcast,
/// as <c>GET …/broadcast/{broadcastId}</c> would answer.
/// </summary>
public sealed record BroadcastStatusEvent : OpenTokEvent
{
    /// <summary>The broadcast id.</summary>
    public string Id { get => field ?? ""; init; }

    /// <summary>The broadcast's status.</summary>
    public BroadcastStatus Status { get; init; }

    /// <summary>Why it stopped, when the body says.</summary>
    public string? Reason { get; init; }

    /// <summary>When the broadcast started.</summary>
    [JsonConverter(typeof(UnixTimeConverter))]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the broadcast last changed.</summary>
    [JsonConverter(typeof(UnixTimeConverter))]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>When it stops by itself, counted from its start.</summary>
    [JsonConverter(typeof(OptionalSecondsConverter))]
    public TimeSpan? MaxDuration { get; init; }

    /// <summary>The video bit-rate cap, when set.</summary>
    public int? MaxBitrate { get; init; }

    /// <summary>The resolution.</summary>
    public Resolution? Resolution { get; init; }

    /// <summary>Where viewers watch: the HLS URL and status, and the RTMP targets with theirs.</summary>
    public BroadcastUrls? BroadcastUrls { get; init; }

    /// <summary>The HLS settings it runs with.</summary>
    public BroadcastSettings? Settings { get; init; }

    /// <summary>Whether audio is included, when the body says.</summary>
    public bool? HasAudio { get; init; }

    /// <summary>Whether video is included, when the body says.</summary>
    public bool? HasVideo { get; init; }

    /// <summary>Auto or manual stream mode, when the body says.</summary>
    public StreamMode? StreamMode { get; init; }

    /// <summary>The streams of a manual-mode broadcast.</summary>
    public IReadOnlyList<ArchiveStream> Streams { get => field ?? []; init; }

    /// <summary>The tag given at start, when the body repeats it.</summary>
    public string? MultiBroadcastTag { get; init; }
}
