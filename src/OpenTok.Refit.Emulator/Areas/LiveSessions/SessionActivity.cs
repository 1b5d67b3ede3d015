namespace OpenTok.Refit.Emulator.Areas.LiveSessions;

/// <summary>
/// One change of a session's live state, as <see cref="LiveSessionStore"/> raises it to its observers
/// (<see cref="LiveSessionStore.AddObserver"/>). Every change goes through there, once: the emulated clients learn
/// of it from one observer (<see cref="ClientDelivery"/>), archives and broadcasts drop ended streams from another,
/// and callback events can subscribe the same way without touching the rules. Raised under the emulator's lock, in
/// the order the changes happen; the records in it are snapshots that never change.
/// </summary>
/// <param name="SessionId">The session it happened in.</param>
/// <param name="At">When, on the emulator's clock.</param>
internal abstract record SessionActivity(string SessionId, DateTimeOffset At);

/// <summary>
/// A server connection was made that is not connected yet (a SIP call the service is dialling, still ringing); it
/// becomes connected with a <see cref="ConnectionCreatedActivity"/>, or ends with a <see cref="ConnectionDestroyedActivity"/>.
/// </summary>
internal sealed record ConnectionConnectingActivity(ConnectionRecord Connection, DateTimeOffset At) : SessionActivity(Connection.SessionId, At);

/// <summary>A connection became connected (a client connected, or a server connection was made or answered).</summary>
internal sealed record ConnectionCreatedActivity(ConnectionRecord Connection, DateTimeOffset At) : SessionActivity(Connection.SessionId, At);

/// <summary>A connection ended; its streams were destroyed just before, each with its own activity.</summary>
internal sealed record ConnectionDestroyedActivity(ConnectionRecord Connection, EmulatedEndReason Reason, DateTimeOffset At) : SessionActivity(Connection.SessionId, At);

/// <summary>A stream was published.</summary>
internal sealed record StreamCreatedActivity(StreamRecord Stream, DateTimeOffset At) : SessionActivity(Stream.SessionId, At);

/// <summary>A stream ended: unpublished, or its connection ended.</summary>
internal sealed record StreamDestroyedActivity(StreamRecord Stream, EmulatedEndReason Reason, DateTimeOffset At) : SessionActivity(Stream.SessionId, At);

/// <summary>A stream's audio was muted or unmuted (<see cref="StreamRecord.AudioMuted"/> is the new state); <paramref name="Forced"/> when a moderator or the REST API did it.</summary>
internal sealed record StreamAudioChangedActivity(StreamRecord Stream, bool Forced, DateTimeOffset At) : SessionActivity(Stream.SessionId, At);

/// <summary>A stream's layout classes were set.</summary>
internal sealed record StreamClassListChangedActivity(StreamRecord Stream, DateTimeOffset At) : SessionActivity(Stream.SessionId, At);

/// <summary>Force mute all was turned on (with its excluded streams) or off.</summary>
internal sealed record ForceMuteChangedActivity(string Session, bool Active, IReadOnlyList<string> ExcludedStreamIds, DateTimeOffset At) : SessionActivity(Session, At);

/// <summary>A signal was sent: to every connection of the session (<paramref name="ToConnectionId"/> null) or to one; from a client or from the REST API (<paramref name="FromConnectionId"/> null).</summary>
internal sealed record SignalActivity(string Session, string? FromConnectionId, string? ToConnectionId, string Type, string Data, DateTimeOffset At) : SessionActivity(Session, At);
