using System.Text.Json.Serialization;

namespace OpenTok.Refit;

/// <summary>
/// How to live-stream a routed session: to HLS, to up to five RTMP targets, or both. Every rule is checked by
/// <see cref="Validate"/> before the request is sent.
/// </summary>
[GenerateBuilder]
public sealed partial record BroadcastOptions
{
    /// <summary>The most RTMP targets one broadcast may have.</summary>
    public const int MaxRtmpTargets = 5;

    /// <summary>The shortest <see cref="MaxDuration"/> the service accepts.</summary>
    public static readonly TimeSpan MinMaxDuration = TimeSpan.FromSeconds(60);

    /// <summary>The longest <see cref="MaxDuration"/> the service accepts (10 hours).</summary>
    public static readonly TimeSpan MaxMaxDuration = TimeSpan.FromSeconds(36000);

    /// <summary>The lowest <see cref="MaxBitrate"/> the service accepts, in bits per second.</summary>
    public const int MinBitrate = 100_000;

    /// <summary>The highest <see cref="MaxBitrate"/> the service accepts, in bits per second.</summary>
    public const int MaxBitrateLimit = 6_000_000;

    /// <summary>Stream to HLS, with these settings; <see langword="null"/> for no HLS. Needed unless there is an RTMP target.</summary>
    public HlsOptions? Hls { get; init; }

    /// <summary>Stream to these RTMP servers, at most five. Default none.</summary>
    public IReadOnlyList<RtmpTarget> Rtmp { get; init; } = [];

    /// <summary>The layout of the composed stream. Default: the server's (best fit).</summary>
    public Layout? Layout { get; init; }

    /// <summary>When the broadcast stops by itself, 60 seconds to 10 hours. Default: the server's (4 hours).</summary>
    public TimeSpan? MaxDuration { get; init; }

    /// <summary>A cap on the video bit rate, 100 000 to 6 000 000 bits per second. Default none.</summary>
    public int? MaxBitrate { get; init; }

    /// <summary>The resolution. Default: the server's (640x480).</summary>
    public Resolution? Resolution { get; init; }

    /// <summary>Whether streams are included automatically or by explicit calls. Default <see cref="StreamMode.Auto"/>.</summary>
    public StreamMode StreamMode { get; init; } = StreamMode.Auto;

    /// <summary>Tells simultaneous broadcasts of one session apart; needed to start a second one. Default none.</summary>
    public string? MultiBroadcastTag { get; init; }

    /// <summary>Whether to include audio. Default <see langword="true"/>; it is always sent.</summary>
    public bool HasAudio { get; init; } = true;

    /// <summary>Whether to include video. Default <see langword="true"/>; it is always sent.</summary>
    public bool HasVideo { get; init; } = true;

    /// <summary>
    /// Checks every rule the service applies: at least one output; HLS low latency and DVR not both; at most five
    /// RTMP targets, each an <c>rtmp://</c> or <c>rtmps://</c> server with a stream name; a known resolution; the
    /// layout's own rules; the duration and bit rate in range; audio or video.
    /// </summary>
    /// <exception cref="OpenTokArgumentException">A rule is broken; the message says which.</exception>
    public void Validate()
    {
        if (Hls is null && Rtmp.Count == 0)
        {
            throw new OpenTokArgumentException("A broadcast needs an output: set Hls, or add at least one Rtmp target.", nameof(Hls));
        }

        Hls?.Validate();
        if (Rtmp.Count > MaxRtmpTargets)
        {
            throw new OpenTokArgumentException($"Rtmp may hold at most {MaxRtmpTargets} targets; it holds {Rtmp.Count}.", nameof(Rtmp));
        }

        foreach (var target in Rtmp)
        {
            if (target is null)
            {
                throw new OpenTokArgumentException("Rtmp must not contain null targets.", nameof(Rtmp));
            }

            target.Validate();
        }

        Layout?.Validate();
        if (MaxDuration is { } duration && (duration < MinMaxDuration || duration > MaxMaxDuration))
        {
            throw new OpenTokArgumentException($"MaxDuration must be from 60 seconds to 10 hours; it is {duration}.", nameof(MaxDuration));
        }

        if (MaxBitrate is { } bitrate && (bitrate < MinBitrate || bitrate > MaxBitrateLimit))
        {
            throw new OpenTokArgumentException($"MaxBitrate must be from {MinBitrate} to {MaxBitrateLimit} bits per second; it is {bitrate}.", nameof(MaxBitrate));
        }

        if (Resolution is { IsKnown: false } resolution)
        {
            throw new OpenTokArgumentException($"Resolution must be one of {string.Join(", ", Refit.Resolution.Known)}; {Arguments.Quote(resolution.Value)} is not.", nameof(Resolution));
        }

        if (!StreamMode.IsKnown)
        {
            throw new OpenTokArgumentException($"StreamMode must be auto or manual; {Arguments.Quote(StreamMode.Value)} is not.", nameof(StreamMode));
        }

        if (!HasAudio && !HasVideo)
        {
            throw new OpenTokArgumentException("HasAudio and HasVideo cannot both be false: the broadcast would carry nothing.", nameof(HasAudio));
        }
    }
}

/// <summary>The HLS output of a broadcast.</summary>
[GenerateBuilder]
public sealed partial record HlsOptions
{
    /// <summary>Lower latency (about 5 seconds) at some cost in quality. Not with <see cref="Dvr"/>.</summary>
    public bool LowLatency { get; init; }

    /// <summary>Let viewers rewind (the HLS URL gets <c>?DVR</c>). Not with <see cref="LowLatency"/>.</summary>
    public bool Dvr { get; init; }

    /// <summary>Checks that low latency and DVR are not both on, as the service requires.</summary>
    /// <exception cref="OpenTokArgumentException">Both are on.</exception>
    public void Validate()
    {
        if (LowLatency && Dvr)
        {
            throw new OpenTokArgumentException("Hls.LowLatency and Hls.Dvr cannot both be true.", "Hls.Dvr");
        }
    }
}

/// <summary>An RTMP server a broadcast streams to.</summary>
[GenerateBuilder]
public sealed partial record RtmpTarget
{
    /// <summary>Your name for the target, to find its status in <see cref="BroadcastUrls.Rtmp"/>. Optional.</summary>
    public string? Id { get; init; }

    /// <summary>The server, <c>rtmp://…</c> or <c>rtmps://…</c>.</summary>
    public string ServerUrl { get => field ?? ""; init; }

    /// <summary>The stream name (often a stream key) on that server.</summary>
    public string StreamName { get => field ?? ""; init; }

    /// <summary>Checks the server is an RTMP(S) address and the stream name is set.</summary>
    /// <exception cref="OpenTokArgumentException">A rule is broken.</exception>
    public void Validate()
    {
        if (!Uri.TryCreate(ServerUrl, UriKind.Absolute, out var server) || (server.Scheme != "rtmp" && server.Scheme != "rtmps"))
        {
            throw new OpenTokArgumentException($"Rtmp.ServerUrl must be an rtmp:// or rtmps:// address; {Arguments.Quote(ServerUrl)} is not.", "Rtmp.ServerUrl");
        }

        if (string.IsNullOrWhiteSpace(StreamName))
        {
            throw new OpenTokArgumentException("Rtmp.StreamName must be set.", "Rtmp.StreamName");
        }
    }
}

/// <summary>The body of <c>POST /v2/project/{apiKey}/broadcast</c>: the session plus <see cref="BroadcastOptions"/> in the wire's shape.</summary>
internal sealed record StartBroadcastRequest
{
    public string SessionId { get => field ?? ""; init; }

    public BroadcastOutputs Outputs { get => field ?? new(); init; }

    public Layout? Layout { get; init; }

    public int? MaxDuration { get; init; }

    public int? MaxBitrate { get; init; }

    public Resolution? Resolution { get; init; }

    public StreamMode StreamMode { get; init; }

    public string? MultiBroadcastTag { get; init; }

    public bool HasAudio { get; init; }

    public bool HasVideo { get; init; }

    public static StartBroadcastRequest From(string sessionId, BroadcastOptions options) => new()
    {
        SessionId = sessionId,
        Outputs = new BroadcastOutputs { Hls = options.Hls, Rtmp = options.Rtmp.Count == 0 ? null : options.Rtmp },
        Layout = options.Layout,
        MaxDuration = options.MaxDuration is { } duration ? (int)duration.TotalSeconds : null,
        MaxBitrate = options.MaxBitrate,
        Resolution = options.Resolution,
        StreamMode = options.StreamMode,
        MultiBroadcastTag = options.MultiBroadcastTag,
        HasAudio = options.HasAudio,
        HasVideo = options.HasVideo,
    };
}

/// <summary>The <c>outputs</c> object of a broadcast start.</summary>
internal sealed record BroadcastOutputs
{
    public HlsOptions? Hls { get; init; }

    public IReadOnlyList<RtmpTarget>? Rtmp { get; init; }
}
