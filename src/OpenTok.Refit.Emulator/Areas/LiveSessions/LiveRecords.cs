using OpenTok.Refit.Emulator.State;

namespace OpenTok.Refit.Emulator.Areas.LiveSessions;

/// <summary>What is at the other end of a connection.</summary>
internal enum ConnectionKind
{
    /// <summary>A client that connected with a token: an <see cref="EmulatedClient"/>.</summary>
    Client,

    /// <summary>A SIP call the service dialled (SIP interconnect); made without a token by the SIP area.</summary>
    Sip,

    /// <summary>An Audio Connector WebSocket; made without a token by its area.</summary>
    AudioConnector,

    /// <summary>An Experience Composer's browser; made without a token by its area.</summary>
    ExperienceComposer,
}

/// <summary>
/// One connection of a session, immutable: every change replaces it (<c>with</c>), so a record handed to an
/// activity observer never changes under it. Kept, once disconnected, until <see cref="OpenTokEmulator.Reset"/>,
/// so that list connections still shows it as <c>Disconnected</c>.
/// </summary>
internal sealed record ConnectionRecord
{
    /// <summary>A UUID, lower case, as the service's.</summary>
    public required string Id { get; init; }

    public required string SessionId { get; init; }

    /// <summary>Orders connections made in the same millisecond.</summary>
    public required long Sequence { get; init; }

    public required ConnectionKind Kind { get; init; }

    public required ConnectionState State { get; init; }

    /// <summary>When it was made, to the millisecond (what the wire carries).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The token's role; <see cref="Role.Publisher"/> for a server connection.</summary>
    public Role Role { get; init; }

    /// <summary>The token's connection data (or what the area that made the connection gave).</summary>
    public string? Data { get; init; }

    /// <summary>The token's initial layout classes, which the connection's streams start with.</summary>
    public IReadOnlyList<string> InitialLayoutClassList { get; init; } = [];

    /// <summary>
    /// The id of what the area made a server connection for, when it has one of its own: a SIP call's conference id
    /// (the <c>id</c> of the dial answer), which SIP call events carry as <c>call.id</c>. <see langword="null"/> for clients.
    /// </summary>
    public string? ResourceId { get; init; }

    public bool IsConnected => State == ConnectionState.Connected;
}

/// <summary>One published stream, immutable like <see cref="ConnectionRecord"/>; it is gone once unpublished.</summary>
internal sealed record StreamRecord
{
    /// <summary>A UUID, lower case, as the service's.</summary>
    public required string Id { get; init; }

    public required string SessionId { get; init; }

    /// <summary>The connection that publishes it.</summary>
    public required string ConnectionId { get; init; }

    public required long Sequence { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string Name { get; init; }

    public required VideoType VideoType { get; init; }

    public required bool HasAudio { get; init; }

    public required bool HasVideo { get; init; }

    public required IReadOnlyList<string> LayoutClassList { get; init; }

    /// <summary>Whether its audio is off: forced off by a moderator (or the session's mute state), until the publisher unmutes.</summary>
    public bool AudioMuted { get; init; }

    /// <summary>
    /// Whether forced mute (one stream, or force mute all) applies to it: true for every client's stream; a SIP call's
    /// only when it was dialled with <c>observeForceMute</c>, else the phone keeps talking whatever a moderator does.
    /// </summary>
    public bool ObservesForceMute { get; init; } = true;

    /// <summary>The stream as get and list streams answer it.</summary>
    public SessionStream ToWire() => new() { Id = Id, VideoType = VideoType, Name = Name, LayoutClassList = LayoutClassList };
}

/// <summary>
/// A session's live state: its connections (all, disconnected ones included), its published streams, and its
/// force-mute state. Changed only by <see cref="LiveSessionStore"/>, under <see cref="EmulatorState.Lock"/>.
/// </summary>
internal sealed class LiveSession(string sessionId)
{
    public string SessionId { get; } = sessionId;

    public Dictionary<string, ConnectionRecord> Connections { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, StreamRecord> Streams { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether force mute all is on: streams published meanwhile start muted unless <see cref="MuteExcludedStreamIds"/> names them.</summary>
    public bool MuteActive { get; set; }

    public IReadOnlySet<string> MuteExcludedStreamIds { get; set; } = new HashSet<string>(StringComparer.Ordinal);

    public IEnumerable<ConnectionRecord> ConnectionsInOrder => Connections.Values.OrderBy(c => c.Sequence);

    public IEnumerable<StreamRecord> StreamsInOrder => Streams.Values.OrderBy(s => s.Sequence);
}
