using System.Text.Json.Serialization;

namespace OpenTok.Refit;

/// <summary>
/// A client connected to a session (<see cref="OpenTokEventKind.ConnectionCreated"/>) or left it
/// (<see cref="OpenTokEventKind.ConnectionDestroyed"/>): the session-monitoring callback.
/// </summary>
public sealed record ConnectionEvent : OpenTokEvent
{
    /// <summary>Why the connection ended (destroyed events only).</summary>
    public DestroyedReason? Reason { get; init; }

    /// <summary>The connection.</summary>
    public CallbackConnection Connection { get => field ?? new(); init; }
}

/// <summary>
/// A client started publishing a stream (<see cref="OpenTokEventKind.StreamCreated"/>) or a stream ended
/// (<see cref="OpenTokEventKind.StreamDestroyed"/>): the session-monitoring callback.
/// </summary>
public sealed record StreamEvent : OpenTokEvent
{
    /// <summary>Why the stream ended (destroyed events only).</summary>
    public DestroyedReason? Reason { get; init; }

    /// <summary>The stream, with the connection that publishes it.</summary>
    public CallbackStream Stream { get => field ?? new(); init; }
}

/// <summary>
/// A session began (<see cref="OpenTokEventKind.SessionCreated"/>: its first client connected), ended
/// (<see cref="OpenTokEventKind.SessionDestroyed"/>: its last client left; clients may reconnect later), or a
/// <see cref="OpenTokEventKind.SessionNotification"/>.
/// </summary>
public sealed record SessionEvent : OpenTokEvent
{
    /// <summary>Why, when the service says.</summary>
    public string? Reason { get; init; }
}

/// <summary>A client's connection to a session, as callbacks describe it.</summary>
public sealed record CallbackConnection
{
    /// <summary>The connection id.</summary>
    public string Id { get => field ?? ""; init; }

    /// <summary>When the client connected.</summary>
    [JsonConverter(typeof(UnixTimeConverter))]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The connection data given in the client's token (empty when none).</summary>
    public string? Data { get; init; }
}

/// <summary>A published stream, as callbacks describe it.</summary>
public sealed record CallbackStream
{
    /// <summary>The stream id.</summary>
    public string Id { get => field ?? ""; init; }

    /// <summary>The connection that publishes the stream.</summary>
    public CallbackConnection Connection { get => field ?? new(); init; }

    /// <summary>When publishing started.</summary>
    [JsonConverter(typeof(UnixTimeConverter))]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The name the publisher gave the stream (empty when none).</summary>
    public string? Name { get; init; }

    /// <summary>Camera, screen or custom; <see langword="null"/> for an audio-only stream.</summary>
    public VideoType? VideoType { get; init; }
}

/// <summary>Why a connection or a stream ended. Extensible: values the SDK does not know yet are kept as they are.</summary>
[ExtensibleEnum]
public readonly partial record struct DestroyedReason
{
    /// <summary>The client disconnected (left, closed the page or the app). Wire value <c>clientDisconnected</c>.</summary>
    [WireValue("clientDisconnected")] public static partial DestroyedReason ClientDisconnected { get; }

    /// <summary>A moderator (or the REST API) disconnected the client. Wire value <c>forceDisconnected</c>.</summary>
    [WireValue("forceDisconnected")] public static partial DestroyedReason ForceDisconnected { get; }

    /// <summary>The network connection ended abruptly. Wire value <c>networkDisconnected</c>.</summary>
    [WireValue("networkDisconnected")] public static partial DestroyedReason NetworkDisconnected { get; }

    /// <summary>A moderator made the publisher stop publishing (streams only). Wire value <c>forceUnpublished</c>.</summary>
    [WireValue("forceUnpublished")] public static partial DestroyedReason ForceUnpublished { get; }

    /// <summary>The publisher stopped sharing the screen (screen-sharing streams only). Wire value <c>mediaStopped</c>.</summary>
    [WireValue("mediaStopped")] public static partial DestroyedReason MediaStopped { get; }
}
