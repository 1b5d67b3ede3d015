using System.Text.Json.Serialization;

namespace OpenTok.Refit;

/// <summary>
/// A live-captions job started, stopped or failed (<see cref="OpenTokEventKind.Captions"/>), sent to the
/// <c>statusCallbackUrl</c> given when captions were started. The service's body has no <c>event</c>; the parser
/// recognises it by <c>captionId</c> (or <c>captionsId</c>).
/// </summary>
public sealed record CaptionsStatusEvent : OpenTokEvent
{
    /// <summary>The captions id (wire <c>captionId</c>; <c>captionsId</c>, the start answer's name, is read too).</summary>
    [JsonPropertyName("captionId")]
    public string CaptionsId { get => field ?? ""; init; }

    /// <summary>The new status.</summary>
    public CaptionsStatus Status { get; init; }

    /// <summary>Why captions stopped or failed, when the body says.</summary>
    public string? Reason { get; init; }

    /// <summary>When captions started, when the body says.</summary>
    [JsonConverter(typeof(UnixTimeConverter))]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the status last changed, when the body says.</summary>
    [JsonConverter(typeof(UnixTimeConverter))]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>How long captions ran (whole seconds), when the body says.</summary>
    [JsonConverter(typeof(OptionalSecondsConverter))]
    public TimeSpan? Duration { get; init; }

    /// <summary>The spoken language captioned, e.g. <c>en-US</c>.</summary>
    public string? LanguageCode { get; init; }

    /// <summary>The transcription provider, e.g. <c>aws-transcribe</c>.</summary>
    public string? Provider { get; init; }

    /// <summary>The callback group, e.g. <c>captions</c>, when the body says.</summary>
    public string? Group { get; init; }
}

/// <summary>The status a live-captions callback reports. Extensible: values the SDK does not know yet are kept as they are.</summary>
[ExtensibleEnum]
public readonly partial record struct CaptionsStatus
{
    /// <summary>Captioning. Wire value <c>started</c>.</summary>
    [WireValue("started")] public static partial CaptionsStatus Started { get; }

    /// <summary>Stopped, by a call or by its maximum duration. Wire value <c>stopped</c>.</summary>
    [WireValue("stopped")] public static partial CaptionsStatus Stopped { get; }

    /// <summary>Went wrong. Wire value <c>failed</c>.</summary>
    [WireValue("failed")] public static partial CaptionsStatus Failed { get; }
}
