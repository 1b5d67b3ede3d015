using System.Text.Json.Serialization;

namespace OpenTok.Refit;

/// <summary>An Experience Composer (a "render") as the server describes it. Unknown fields are ignored; unknown enum values kept.</summary>
public sealed record Render
{
    // Non-null defaults live in the getters: the source-generated JSON reader sets every init-only property, to
    // null when the server left its field out, so an initializer would be lost.
    /// <summary>The render id (a UUID).</summary>
    public string Id { get => field ?? ""; init; }

    /// <summary>The session the page is rendered into.</summary>
    public string SessionId { get => field ?? ""; init; }

    /// <summary>The project's API key (the server writes it as a number or a string).</summary>
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? ProjectId { get; init; }

    /// <summary>The Vonage application's id, which a Vonage application's answers carry instead of <see cref="ProjectId"/>.</summary>
    public string? ApplicationId { get; init; }

    /// <summary>When it was started.</summary>
    [JsonConverter(typeof(UnixMillisecondsConverter))]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When its status last changed.</summary>
    [JsonConverter(typeof(UnixMillisecondsConverter))]
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The rendered page.</summary>
    public string Url { get => field ?? ""; init; }

    /// <summary>The resolution.</summary>
    public Resolution? Resolution { get; init; }

    /// <summary>Starting, started, stopped or failed.</summary>
    public RenderStatus Status { get; init; }

    /// <summary>The stream it publishes into the session, once <see cref="RenderStatus.Started"/>.</summary>
    public string? StreamId { get; init; }

    /// <summary>Why it stopped or failed, e.g. <c>Max Duration Exceeded</c> or <c>Stop Requested</c>.</summary>
    public string? Reason { get; init; }
}

/// <summary>One page of <c>GET /v2/project/{apiKey}/render</c>.</summary>
internal sealed record RenderList : IListAnswer<Render>
{
    public int Count { get; init; }

    public IReadOnlyList<Render> Items { get => field ?? []; init; }
}

/// <summary>The status of an Experience Composer. Extensible: values the SDK does not know yet are kept as they are.</summary>
[ExtensibleEnum]
public readonly partial record struct RenderStatus
{
    /// <summary>Loading the page and connecting to the session. Wire value <c>starting</c>.</summary>
    [WireValue("starting")] public static partial RenderStatus Starting { get; }

    /// <summary>Rendering and publishing its stream. Wire value <c>started</c>.</summary>
    [WireValue("started")] public static partial RenderStatus Started { get; }

    /// <summary>Stopped, by a call or by its maximum duration. Wire value <c>stopped</c>.</summary>
    [WireValue("stopped")] public static partial RenderStatus Stopped { get; }

    /// <summary>Failed; <see cref="Render.Reason"/> says why. Wire value <c>failed</c>.</summary>
    [WireValue("failed")] public static partial RenderStatus Failed { get; }
}
