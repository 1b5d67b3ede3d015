using System.Text.Json.Serialization;

namespace OpenTok.Refit;

/// <summary>
/// An Experience Composer (render)'s status changed (<see cref="OpenTokEventKind.Render"/>): started, stopped or
/// failed. The service's body has no <c>event</c>; the parser recognises it by <c>id</c>, <c>sessionId</c> and
/// <c>status</c>.
/// </summary>
public sealed record RenderStatusEvent : OpenTokEvent
{
    /// <summary>The Experience Composer id.</summary>
    public string Id { get => field ?? ""; init; }

    /// <summary>The new status.</summary>
    public RenderEventStatus Status { get; init; }

    /// <summary>The composed stream it publishes into the session (may be missing when it failed).</summary>
    public string? StreamId { get; init; }

    /// <summary>Why it stopped (<c>Max Duration Exceeded</c>, <c>Stop Requested</c>) or failed.</summary>
    public string? Reason { get; init; }

    /// <summary>The name of the composed stream, when the body says.</summary>
    public string? Name { get; init; }

    /// <summary>The page being rendered, when the body says.</summary>
    public string? Url { get; init; }

    /// <summary>The resolution, when the body says.</summary>
    public Resolution? Resolution { get; init; }

    /// <summary>When it started, when the body says.</summary>
    [JsonConverter(typeof(UnixTimeConverter))]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When its status last changed, when the body says.</summary>
    [JsonConverter(typeof(UnixTimeConverter))]
    public DateTimeOffset? UpdatedAt { get; init; }
}

/// <summary>The status an Experience Composer callback reports. Extensible: values the SDK does not know yet are kept as they are.</summary>
[ExtensibleEnum]
public readonly partial record struct RenderEventStatus
{
    /// <summary>Connecting to the page (the REST answers' first state). Wire value <c>starting</c>.</summary>
    [WireValue("starting")] public static partial RenderEventStatus Starting { get; }

    /// <summary>Publishing the page into the session. Wire value <c>started</c>.</summary>
    [WireValue("started")] public static partial RenderEventStatus Started { get; }

    /// <summary>Stopped. Wire value <c>stopped</c>.</summary>
    [WireValue("stopped")] public static partial RenderEventStatus Stopped { get; }

    /// <summary>Could not start or went wrong. Wire value <c>failed</c>.</summary>
    [WireValue("failed")] public static partial RenderEventStatus Failed { get; }
}
