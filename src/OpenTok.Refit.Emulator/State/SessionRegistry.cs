using OpenTok.Refit.Tokens;

namespace OpenTok.Refit.Emulator.State;

/// <summary>
/// Every session of the emulated project, which all areas look up (archives, broadcasts, signaling, … all name a
/// session). The Sessions area adds them; other areas learn of new ones through <see cref="AddCreatedListener"/>
/// instead of being called by it, so no area depends on another. Every method takes <see cref="EmulatorState.Lock"/>.
/// </summary>
internal sealed class SessionRegistry
{
    private readonly EmulatorState _state;
    private readonly Dictionary<string, EmulatedSession> _sessions = new(StringComparer.Ordinal);
    private readonly List<Action<EmulatedSession, SessionOptions>> _createdListeners = [];

    /// <param name="state">The shared state, for its lock and options.</param>
    public SessionRegistry(EmulatorState state) => _state = state;

    /// <summary>
    /// Calls <paramref name="listener"/> for every session created from now on, under the lock and before the
    /// create call answers, with the options it was created with (so an <c>archiveMode=always</c> session is being
    /// recorded by the time anyone can see it).
    /// </summary>
    public void AddCreatedListener(Action<EmulatedSession, SessionOptions> listener)
    {
        lock (_state.Lock)
        {
            _createdListeners.Add(listener);
        }
    }

    /// <summary>Adds a session just created and tells the listeners.</summary>
    public void Add(EmulatedSession session, SessionOptions options)
    {
        lock (_state.Lock)
        {
            _sessions.Add(session.SessionId, session);
            foreach (var listener in _createdListeners)
            {
                listener(session, options);
            }
        }
    }

    /// <summary>Whether a session of this id was created (adopted ones included); what a new id must not be.</summary>
    public bool IsTaken(string sessionId)
    {
        lock (_state.Lock)
        {
            return _sessions.ContainsKey(sessionId);
        }
    }

    /// <summary>
    /// The session of this id, or <see langword="null"/>. With <see cref="OpenTokEmulatorOptions.AcceptUnknownSessions"/>
    /// a well-formed id of this project that the emulator never created is adopted as a routed, manually archived
    /// session created earlier, so ids kept across a restart stay usable.
    /// </summary>
    public EmulatedSession? Find(string sessionId)
    {
        lock (_state.Lock)
        {
            if (_sessions.TryGetValue(sessionId, out var session))
            {
                return session;
            }

            if (_state.Options.AcceptUnknownSessions && SessionId.BelongsTo(sessionId, _state.ApiKey))
            {
                var decoded = SessionId.Decode(sessionId)!;
                session = new EmulatedSession(sessionId, MediaMode.Routed, ArchiveMode.Manual, decoded.Location, false, DateTimeOffset.UnixEpoch);
                _sessions.Add(sessionId, session);
                return session;
            }

            return null;
        }
    }

    /// <summary>A snapshot of the sessions, oldest first.</summary>
    public IReadOnlyList<EmulatedSession> Snapshot()
    {
        lock (_state.Lock)
        {
            return [.. _sessions.Values.OrderBy(s => s.CreatedAt)];
        }
    }

    /// <summary>Forgets every session (the listeners stay: the areas are still there).</summary>
    public void Clear()
    {
        lock (_state.Lock)
        {
            _sessions.Clear();
        }
    }
}
