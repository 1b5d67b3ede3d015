using OpenTok.Refit.Emulator.State;

namespace OpenTok.Refit.Emulator.Areas.Sessions;

/// <summary>
/// Creates sessions: a fresh id in the service's format, registered in the shared
/// <see cref="SessionRegistry"/> where every area finds it, and counted for the statistics.
/// </summary>
internal sealed class SessionStore : IAreaStore<SessionStore>
{
    private readonly EmulatorState _state;
    private long _created;

    private SessionStore(EmulatorState state) => _state = state;

    /// <summary>Sessions created since the start or the last reset; read it under <see cref="EmulatorState.Lock"/> with other counters for a consistent snapshot.</summary>
    public long CreatedCount
    {
        get
        {
            lock (_state.Lock)
            {
                return _created;
            }
        }
    }

    public static SessionStore Create(EmulatorState state) => new(state);

    /// <summary>Creates a session from options that have passed their own <see cref="SessionOptions.Validate"/>.</summary>
    public EmulatedSession CreateSession(SessionOptions options)
    {
        lock (_state.Lock)
        {
            var now = _state.Now;
            var location = options.Location ?? "";
            string id;
            do
            {
                id = _state.Ids.NewSessionId(_state.ApiKey, location, now);
            }
            while (_state.Sessions.IsTaken(id));

            var session = new EmulatedSession(id, options.MediaMode, options.ArchiveMode, location, options.EndToEndEncryption, now);
            _created++;
            _state.Sessions.Add(session, options);
            return session;
        }
    }

    public void Clear() => _created = 0;
}
