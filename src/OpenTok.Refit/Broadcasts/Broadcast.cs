using System.Text.Json.Serialization;

namespace OpenTok.Refit;

/// <summary>A live-streaming broadcast as the server describes it. Unknown fields are ignored; unknown enum values kept.</summary>
public sealed record Broadcast
{
    // Non-null defaults live in the getters: the source-generated JSON reader sets every init-only property, to
    // null when the server left its field out, so an initializer would be lost.
    /// <summary>The broadcast id.</summary>
    public string Id { get => field ?? ""; init; }

    /// <summary>The broadcast session.</summary>
    public string SessionId { get => field ?? ""; init; }

    /// <summary>The project's API key, or the application id (the server writes it as a number or a string).</summary>
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? ProjectId { get; init; }

    /// <summary>When the broadcast started.</summary>
    [JsonConverter(typeof(UnixMillisecondsConverter))]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the broadcast last changed.</summary>
    [JsonConverter(typeof(UnixMillisecondsConverter))]
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When it stops by itself.</summary>
    [JsonConverter(typeof(SecondsConverter))]
    public TimeSpan MaxDuration { get; init; }

    /// <summary>The video bit-rate cap, when set.</summary>
    public int? MaxBitrate { get; init; }

    /// <summary>The resolution.</summary>
    public Resolution? Resolution { get; init; }

    /// <summary>Started or stopped.</summary>
    public BroadcastStatus Status { get; init; }

    /// <summary>Where viewers watch: the HLS URL and the RTMP targets with their statuses.</summary>
    public BroadcastUrls BroadcastUrls { get => field ?? new(); init; }

    /// <summary>The HLS settings it was started with.</summary>
    public BroadcastSettings Settings { get => field ?? new(); init; }

    /// <summary>Whether audio is included.</summary>
    public bool HasAudio { get; init; }

    /// <summary>Whether video is included.</summary>
    public bool HasVideo { get; init; }

    /// <summary>Auto or manual stream mode.</summary>
    public StreamMode StreamMode { get; init; }

    /// <summary>The streams of a manual-mode broadcast.</summary>
    public IReadOnlyList<ArchiveStream> Streams { get => field ?? []; init; }

    /// <summary>The tag given at start (only in the start answer).</summary>
    public string? MultiBroadcastTag { get; init; }
}

/// <summary>Where a broadcast can be watched.</summary>
public sealed record BroadcastUrls
{
    /// <summary>The HLS playlist, when HLS was asked for.</summary>
    public string? Hls { get; init; }

    /// <summary>The state of the HLS stream.</summary>
    public HlsStatus? HlsStatus { get; init; }

    /// <summary>The RTMP targets and their statuses.</summary>
    public IReadOnlyList<RtmpStream> Rtmp { get => field ?? []; init; }
}

/// <summary>One RTMP target of a running broadcast.</summary>
public sealed record RtmpStream
{
    /// <summary>The id given at start, if any.</summary>
    public string? Id { get; init; }

    /// <summary>The RTMP server.</summary>
    public string ServerUrl { get => field ?? ""; init; }

    /// <summary>The stream name on that server.</summary>
    public string StreamName { get => field ?? ""; init; }

    /// <summary>The target's state.</summary>
    public RtmpStatus Status { get; init; }
}

/// <summary>The settings a broadcast runs with.</summary>
public sealed record BroadcastSettings
{
    /// <summary>The HLS settings, when HLS was asked for.</summary>
    public HlsOptions? Hls { get; init; }
}

/// <summary>One page of <c>GET /v2/project/{apiKey}/broadcast</c>.</summary>
internal sealed record BroadcastList : IListAnswer<Broadcast>
{
    public int Count { get; init; }

    public IReadOnlyList<Broadcast> Items { get => field ?? []; init; }
}

/// <summary>The status of a broadcast. Extensible: values the SDK does not know yet are kept as they are.</summary>
[ExtensibleEnum]
public readonly partial record struct BroadcastStatus
{
    /// <summary>Streaming. Wire value <c>started</c>.</summary>
    [WireValue("started")] public static partial BroadcastStatus Started { get; }

    /// <summary>Stopped, by a call or by its maximum duration. Wire value <c>stopped</c>.</summary>
    [WireValue("stopped")] public static partial BroadcastStatus Stopped { get; }
}

/// <summary>The state of a broadcast's HLS stream. Extensible.</summary>
[ExtensibleEnum]
public readonly partial record struct HlsStatus
{
    /// <summary>Setting up. Wire value <c>connecting</c>.</summary>
    [WireValue("connecting")] public static partial HlsStatus Connecting { get; }

    /// <summary>Ready to play, not live yet. Wire value <c>ready</c>.</summary>
    [WireValue("ready")] public static partial HlsStatus Ready { get; }

    /// <summary>Live. Wire value <c>live</c>.</summary>
    [WireValue("live")] public static partial HlsStatus Live { get; }

    /// <summary>Over. Wire value <c>ended</c>.</summary>
    [WireValue("ended")] public static partial HlsStatus Ended { get; }

    /// <summary>Failed. Wire value <c>error</c>.</summary>
    [WireValue("error")] public static partial HlsStatus Error { get; }
}

/// <summary>The state of one RTMP target. Extensible: the service documents only some of its values.</summary>
[ExtensibleEnum]
public readonly partial record struct RtmpStatus
{
    /// <summary>Connecting to the server. Wire value <c>connecting</c>.</summary>
    [WireValue("connecting")] public static partial RtmpStatus Connecting { get; }

    /// <summary>Streaming to the server. Wire value <c>live</c>.</summary>
    [WireValue("live")] public static partial RtmpStatus Live { get; }

    /// <summary>Stopped streaming. Wire value <c>offline</c>.</summary>
    [WireValue("offline")] public static partial RtmpStatus Offline { get; }

    /// <summary>Failed. Wire value <c>error</c>.</summary>
    [WireValue("error")] public static partial RtmpStatus Error { get; }
}
