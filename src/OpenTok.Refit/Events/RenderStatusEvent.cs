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
    public RenderStatus Status { get; init; }

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
