using System.Text.Json.Serialization;

namespace OpenTok.Refit;

/// <summary>A client's connection to a session, as list connections describes it.</summary>
public sealed record Connection
{
    /// <summary>The connection id.</summary>
    public string ConnectionId { get => field ?? ""; init; }

    /// <summary>Connecting, connected or disconnected.</summary>
    public ConnectionState ConnectionState { get; init; }

    /// <summary>When the client connected.</summary>
    [JsonConverter(typeof(UnixMillisecondsConverter))]
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>Where a connection is in its life. Extensible. The service writes these capitalized.</summary>
[ExtensibleEnum]
public readonly partial record struct ConnectionState
{
    /// <summary>Joining. Wire value <c>Connecting</c>.</summary>
    [WireValue("Connecting")] public static partial ConnectionState Connecting { get; }

    /// <summary>In the session. Wire value <c>Connected</c>.</summary>
    [WireValue("Connected")] public static partial ConnectionState Connected { get; }

    /// <summary>Left, or was forced out. Wire value <c>Disconnected</c>.</summary>
    [WireValue("Disconnected")] public static partial ConnectionState Disconnected { get; }
}

/// <summary>
/// The answer of list connections. An OpenTok project's answer names it in <c>projectId</c>, a Vonage application's
/// in <c>applicationId</c>.
/// </summary>
internal sealed record ConnectionList
{
    public int Count { get; init; }

    public string? ProjectId { get; init; }

    public string? ApplicationId { get; init; }

    public string SessionId { get => field ?? ""; init; }

    public IReadOnlyList<Connection> Items { get => field ?? []; init; }
}
