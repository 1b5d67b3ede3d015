using OpenTok.Refit.Emulator.Pipeline;
using OpenTok.Refit.Emulator.State;
using OpenTok.Refit.Tokens;

namespace OpenTok.Refit.Emulator.Areas.LiveSessions;

/// <summary>
/// What happens inside sessions: their connections (clients with tokens, and the server connections SIP, Audio
/// Connector and Experience Composer make without one), the streams they publish, force mute, and signals — with the
/// service's rules. Every change is made by one of the private primitives at the end of this class, each of which
/// raises a <see cref="SessionActivity"/> to the observers (<see cref="AddObserver"/>); nothing else changes the
/// state, so whoever needs to know (the emulated clients through <see cref="ClientDelivery"/>, archives, broadcasts,
/// callback events) subscribes there.
/// </summary>
/// <remarks>
/// Three kinds of callers, three kinds of refusal: the REST endpoints get <see cref="ApiErrorException"/> (the
/// service's status codes), emulated clients get <see cref="EmulatedClientException"/>, and other areas call the
/// internal server-connection methods, which do not refuse what the area checked already.
/// </remarks>
internal sealed class LiveSessionStore : IAreaStore<LiveSessionStore>
{
    private readonly EmulatorState _state;
    private readonly Dictionary<string, LiveSession> _sessions = new(StringComparer.Ordinal);
    private readonly List<Action<SessionActivity>> _observers = [];
    private readonly ClientDelivery _delivery = new();

    private LiveSessionStore(EmulatorState state)
    {
        _state = state;

        // First, so that clients hear of a change before any other observer can cause the next one.
        _observers.Add(_delivery.Deliver);
    }

    public static LiveSessionStore Create(EmulatorState state) => new(state);

    /// <summary>
    /// Calls <paramref name="observer"/> for every change of any session's live state from now on, under the lock,
    /// in order. An observer may read the store but must not change it.
    /// </summary>
    public void AddObserver(Action<SessionActivity> observer)
    {
        lock (_state.Lock)
        {
            _observers.Add(observer);
        }
    }

    // ---- The REST API's view (404 for what is not there, 400 for malformed ids) ----

    /// <summary>Signals every connected connection of a session.</summary>
    /// <exception cref="ApiErrorException">404: no such session, or no one connected to it.</exception>
    public void SignalSession(string sessionId, Signal signal)
    {
        lock (_state.Lock)
        {
            var live = RequireSession(sessionId);
            if (live is null || !live.Connections.Values.Any(c => c.IsConnected))
            {
                throw ApiErrorException.NotFound($"No clients are connected to session {Arguments.Quote(sessionId)}.");
            }

            RaiseSignal(sessionId, from: null, to: null, signal);
        }
    }

    /// <summary>Signals one connection.</summary>
    /// <exception cref="ApiErrorException">404: no such session, or the connection is not connected to it.</exception>
    public void SignalConnection(string sessionId, string connectionId, Signal signal)
    {
        lock (_state.Lock)
        {
            var connection = RequireConnected(sessionId, connectionId);
            RaiseSignal(sessionId, from: null, connection.Id, signal);
        }
    }

    /// <summary>Ends a connection (and its streams), as a moderator would.</summary>
    /// <exception cref="ApiErrorException">404: no such session, or the connection is not connected to it.</exception>
    public void ForceDisconnect(string sessionId, string connectionId)
    {
        lock (_state.Lock)
        {
            var live = RequireSession(sessionId);
            var connection = live?.Connections.GetValueOrDefault(connectionId);

            // A SIP call still ringing (Connecting) can be hung up too.
            if (connection is null || connection.State == ConnectionState.Disconnected)
            {
                throw ApiErrorException.NotFound($"Connection {connectionId} is not connected to session {Arguments.Quote(sessionId)}.");
            }

            Disconnect(live!, connection, EmulatedEndReason.ForceDisconnected);
        }
    }

    /// <summary>A session's connections, oldest first, disconnected ones included.</summary>
    /// <exception cref="ApiErrorException">404: no such session.</exception>
    public ConnectionList ListConnections(string sessionId)
    {
        lock (_state.Lock)
        {
            var live = RequireSession(sessionId);
            Connection[] items = [.. (live?.ConnectionsInOrder ?? []).Select(c => new Connection { ConnectionId = c.Id, ConnectionState = c.State, CreatedAt = c.CreatedAt })];
            var application = _state.Options.Application is not null;
            return new ConnectionList
            {
                Count = items.Length,
                ProjectId = application ? null : _state.ApiKey,
                ApplicationId = application ? _state.ApiKey : null,
                SessionId = sessionId,
                Items = items,
            };
        }
    }

    /// <summary>One published stream.</summary>
    /// <exception cref="ApiErrorException">404: no such session, or no such stream published in it.</exception>
    public SessionStream GetStream(string sessionId, string streamId)
    {
        lock (_state.Lock)
        {
            return RequireStream(sessionId, streamId).ToWire();
        }
    }

    /// <summary>A session's published streams, oldest first.</summary>
    /// <exception cref="ApiErrorException">404: no such session.</exception>
    public StreamList ListStreams(string sessionId)
    {
        lock (_state.Lock)
        {
            SessionStream[] items = [.. (RequireSession(sessionId)?.StreamsInOrder ?? []).Select(s => s.ToWire())];
            return new StreamList(items.Length, items);
        }
    }

    /// <summary>
    /// Sets the layout classes of several streams, all or none: an item naming a stream that is not published in
    /// the session refuses the whole request (400), so a typo never half-applies a layout.
    /// </summary>
    /// <exception cref="ApiErrorException">400: no items, or an item of a stream not published here; 404: no such session.</exception>
    /// <exception cref="OpenTokArgumentException">An item breaks the SDK's rules (an empty id or class, white space in a class).</exception>
    public void SetClassLists(string sessionId, IReadOnlyList<StreamClassList>? items)
    {
        if (items is null || items.Count == 0)
        {
            throw ApiErrorException.BadRequest("items must name at least one stream.");
        }

        for (var i = 0; i < items.Count; i++)
        {
            (items[i] ?? throw ApiErrorException.BadRequest($"items[{i}] is null.")).Validate($"items[{i}]");
        }

        lock (_state.Lock)
        {
            var live = RequireSession(sessionId);
            foreach (var item in items)
            {
                if (live?.Streams.ContainsKey(item.Id) != true)
                {
                    throw ApiErrorException.BadRequest($"Invalid stream ID: {Arguments.Quote(item.Id)} is not published in session {Arguments.Quote(sessionId)}; no class list was changed.");
                }
            }

            foreach (var item in items)
            {
                SetClassList(live!, live!.Streams[item.Id], [.. item.LayoutClassList]);
            }
        }
    }

    /// <summary>Forces one stream's audio off.</summary>
    /// <exception cref="ApiErrorException">404: no such session, or no such stream published in it.</exception>
    public void ForceMuteStream(string sessionId, string streamId)
    {
        lock (_state.Lock)
        {
            var stream = RequireStream(sessionId, streamId);
            SetAudioMuted(_sessions[sessionId], stream, muted: true, forced: true);
        }
    }

    /// <summary>Turns force mute all on (muting every stream but the excluded ones) or off.</summary>
    /// <exception cref="ApiErrorException">404: no such session.</exception>
    public void SetForceMuteAll(string sessionId, bool active, IReadOnlyList<string> excludedStreamIds)
    {
        lock (_state.Lock)
        {
            RequireSession(sessionId);
            ChangeForceMute(LiveOf(sessionId), active, excludedStreamIds);
        }
    }

    // ---- Emulated clients (EmulatedClientException) ----

    /// <summary>Connects a client whose token passed verification for this session.</summary>
    /// <exception cref="EmulatedClientException">The session is not known (any more).</exception>
    public EmulatedClient ConnectClient(string sessionId, VerifiedClientToken token)
    {
        lock (_state.Lock)
        {
            if (_state.Sessions.Find(sessionId) is null)
            {
                throw new EmulatedClientException(EmulatedClientError.UnknownSession, $"The emulator knows no session {Arguments.Quote(sessionId)}.");
            }

            var live = LiveOf(sessionId);
            var connection = AddConnection(live, ConnectionKind.Client, token.Role, token.ConnectionData, token.InitialLayoutClassList, ConnectionState.Connecting);
            var client = new EmulatedClient(this, _state.Lock, connection);

            // The new client hears of who is there already, then the others hear of it.
            _delivery.Register(client, live);
            MarkConnected(live, connection);
            return client;
        }
    }

    /// <summary>Publishes a stream for a client.</summary>
    /// <exception cref="EmulatedClientException">The client is not connected, or is a subscriber.</exception>
    public EmulatedPublication Publish(EmulatedClient client, EmulatedStream stream)
    {
        lock (_state.Lock)
        {
            var (live, connection) = RequireClient(client);
            if (connection.Role == Role.Subscriber)
            {
                throw new EmulatedClientException(EmulatedClientError.NotPermitted, "A client connected with a subscriber token cannot publish.");
            }

            var record = AddStream(live, connection, stream.Name, stream.VideoType, stream.HasAudio, stream.HasVideo, out var publication);
            return publication ?? throw new InvalidOperationException($"Stream {record.Id} has no publication.");
        }
    }

    /// <summary>Stops publishing a client's stream; nothing when it has ended already.</summary>
    public void Unpublish(EmulatedClient client, string streamId)
    {
        lock (_state.Lock)
        {
            if (_sessions.TryGetValue(client.SessionId, out var live) && live.Streams.TryGetValue(streamId, out var stream) && stream.ConnectionId == client.ConnectionId)
            {
                RemoveStream(live, stream, EmulatedEndReason.Unpublished);
            }
        }
    }

    /// <summary>Turns a client's own stream's audio back on, after a forced mute.</summary>
    /// <exception cref="EmulatedClientException">The client is not connected, or the stream has ended.</exception>
    public void UnmuteAudio(EmulatedClient client, string streamId)
    {
        lock (_state.Lock)
        {
            var (live, _) = RequireClient(client);
            var stream = live.Streams.GetValueOrDefault(streamId);
            if (stream is null || stream.ConnectionId != client.ConnectionId)
            {
                throw new EmulatedClientException(EmulatedClientError.NotFound, $"Stream {streamId} is not published any more.");
            }

            SetAudioMuted(live, stream, muted: false, forced: false);
        }
    }

    /// <summary>A client's signal, to the whole session or to one connection of it.</summary>
    /// <exception cref="EmulatedClientException">The client is not connected, or the target is not connected to its session.</exception>
    public void ClientSignal(EmulatedClient client, Signal signal, string? toConnectionId)
    {
        lock (_state.Lock)
        {
            var (live, connection) = RequireClient(client);
            if (toConnectionId is not null && live.Connections.GetValueOrDefault(toConnectionId)?.IsConnected != true)
            {
                throw new EmulatedClientException(EmulatedClientError.NotFound, $"Connection {Arguments.Quote(toConnectionId)} is not connected to the session.");
            }

            RaiseSignal(client.SessionId, connection.Id, toConnectionId, signal);
        }
    }

    /// <summary>A moderator client forces a connection of its session out.</summary>
    /// <exception cref="EmulatedClientException">The client is not connected or not a moderator, or the target is not connected.</exception>
    public void ClientForceDisconnect(EmulatedClient client, string connectionId)
    {
        lock (_state.Lock)
        {
            var live = RequireModerator(client, "force a client to disconnect");
            var target = live.Connections.GetValueOrDefault(connectionId);
            if (target is null || target.State == ConnectionState.Disconnected)
            {
                throw new EmulatedClientException(EmulatedClientError.NotFound, $"Connection {Arguments.Quote(connectionId)} is not connected to the session.");
            }

            Disconnect(live, target, EmulatedEndReason.ForceDisconnected);
        }
    }

    /// <summary>A moderator client forces a stream's audio off.</summary>
    /// <exception cref="EmulatedClientException">The client is not connected or not a moderator, or the stream is not published.</exception>
    public void ClientForceMute(EmulatedClient client, string streamId)
    {
        lock (_state.Lock)
        {
            var live = RequireModerator(client, "force a stream's audio off");
            var stream = live.Streams.GetValueOrDefault(streamId)
                ?? throw new EmulatedClientException(EmulatedClientError.NotFound, $"Stream {Arguments.Quote(streamId)} is not published in the session.");
            SetAudioMuted(live, stream, muted: true, forced: true);
        }
    }

    /// <summary>A moderator client turns force mute all on or off.</summary>
    /// <exception cref="EmulatedClientException">The client is not connected or not a moderator.</exception>
    public void ClientForceMuteAll(EmulatedClient client, bool active, IReadOnlyList<string> excludedStreamIds)
    {
        lock (_state.Lock)
        {
            var live = RequireModerator(client, active ? "force every stream's audio off" : "end force mute all");
            ChangeForceMute(live, active, excludedStreamIds);
        }
    }

    /// <summary>A client leaves; nothing when it has left already.</summary>
    public void Leave(EmulatedClient client)
    {
        lock (_state.Lock)
        {
            if (_sessions.TryGetValue(client.SessionId, out var live) && live.Connections.TryGetValue(client.ConnectionId, out var connection)
                && connection.State != ConnectionState.Disconnected)
            {
                Disconnect(live, connection, EmulatedEndReason.ClientDisconnected);
            }
        }
    }

    /// <summary>A client connected through <see cref="ConnectClient"/>, connected or not (until a reset), for the control endpoints.</summary>
    public EmulatedClient? FindClient(string connectionId)
    {
        lock (_state.Lock)
        {
            return _delivery.Find(connectionId);
        }
    }

    /// <summary>A client's published streams, oldest first.</summary>
    public IReadOnlyList<StreamRecord> StreamsOf(EmulatedClient client)
    {
        lock (_state.Lock)
        {
            return _sessions.TryGetValue(client.SessionId, out var live)
                ? [.. live.StreamsInOrder.Where(s => s.ConnectionId == client.ConnectionId)]
                : [];
        }
    }

    // ---- Other areas (SIP, Audio Connector, Experience Composer, archives, broadcasts) ----

    /// <summary>
    /// Makes a connection without a token, for the service's own participants: a SIP call, an Audio Connector
    /// WebSocket, an Experience Composer. It starts <paramref name="initialState"/>: <c>Connecting</c> for a call
    /// still ringing (then <see cref="MarkServerConnectionConnected"/>), else <c>Connected</c> at once. The caller has
    /// checked the session.
    /// </summary>
    /// <param name="sessionId">The session, which the caller has checked.</param>
    /// <param name="kind">What the connection is (not a client).</param>
    /// <param name="data">The connection data clients and callbacks see.</param>
    /// <param name="initialState"><c>Connecting</c> for a call still ringing; else the connection is connected at once.</param>
    /// <param name="resourceId">The area's own id for what it connects (a SIP call's conference id), which callback events carry.</param>
    /// <returns>The new connection's id.</returns>
    public string AddServerConnection(string sessionId, ConnectionKind kind, string? data = null, ConnectionState? initialState = null, string? resourceId = null)
    {
        if (kind == ConnectionKind.Client)
        {
            throw new ArgumentException("Clients connect with a token (ConnectClient).", nameof(kind));
        }

        lock (_state.Lock)
        {
            var live = LiveOf(sessionId);
            var connecting = initialState == ConnectionState.Connecting;
            var connection = AddConnection(live, kind, Role.Publisher, data, [], ConnectionState.Connecting, resourceId);
            if (connecting)
            {
                Raise(new ConnectionConnectingActivity(connection, _state.Now));
            }
            else
            {
                MarkConnected(live, connection);
            }

            return connection.Id;
        }
    }

    /// <summary>A server connection made <c>Connecting</c> is now connected (a SIP call was answered); nothing when it is not connecting.</summary>
    public void MarkServerConnectionConnected(string sessionId, string connectionId)
    {
        lock (_state.Lock)
        {
            if (_sessions.TryGetValue(sessionId, out var live) && live.Connections.TryGetValue(connectionId, out var connection)
                && connection.State == ConnectionState.Connecting)
            {
                MarkConnected(live, connection);
            }
        }
    }

    /// <summary>Publishes a stream for a server connection (a SIP call's audio, an Experience Composer's composition).</summary>
    /// <param name="sessionId">The connection's session.</param>
    /// <param name="connectionId">The connection, connected.</param>
    /// <param name="name">The stream's name.</param>
    /// <param name="videoType">Its video type.</param>
    /// <param name="hasAudio">Whether it has audio.</param>
    /// <param name="hasVideo">Whether it has video.</param>
    /// <param name="observesForceMute">Whether forced mute applies to it (<see cref="StreamRecord.ObservesForceMute"/>).</param>
    /// <returns>The new stream's id.</returns>
    /// <exception cref="InvalidOperationException">The connection is not connected.</exception>
    public string AddServerStream(string sessionId, string connectionId, string name, VideoType videoType, bool hasAudio, bool hasVideo, bool observesForceMute = true)
    {
        lock (_state.Lock)
        {
            var live = _sessions.GetValueOrDefault(sessionId);
            var connection = live?.Connections.GetValueOrDefault(connectionId);
            if (connection is null || !connection.IsConnected)
            {
                throw new InvalidOperationException($"Connection {connectionId} is not connected to session {sessionId}.");
            }

            return AddStream(live!, connection, name, videoType, hasAudio, hasVideo, out _, observesForceMute).Id;
        }
    }

    /// <summary>Ends any connection (a call hung up, a WebSocket closed); <see langword="false"/> when it is not there or has ended.</summary>
    public bool EndConnection(string sessionId, string connectionId, EmulatedEndReason reason)
    {
        lock (_state.Lock)
        {
            if (!_sessions.TryGetValue(sessionId, out var live) || !live.Connections.TryGetValue(connectionId, out var connection)
                || connection.State == ConnectionState.Disconnected)
            {
                return false;
            }

            Disconnect(live, connection, reason);
            return true;
        }
    }

    /// <summary>A stream published in the session, or <see langword="null"/>.</summary>
    public StreamRecord? FindStream(string sessionId, string streamId)
    {
        lock (_state.Lock)
        {
            return _sessions.GetValueOrDefault(sessionId)?.Streams.GetValueOrDefault(streamId);
        }
    }

    /// <summary>
    /// Checks that an archive or broadcast may take this stream: one published in the session. A session no
    /// connection has ever joined is one whose clients the emulator cannot see (real ones, driven by a browser against
    /// the service), so any stream id is taken there, as before emulated clients existed.
    /// </summary>
    /// <exception cref="ApiErrorException">404: the session has connections and the stream is not published in it.</exception>
    public void EnsureComposable(string sessionId, string streamId)
    {
        lock (_state.Lock)
        {
            if (_sessions.TryGetValue(sessionId, out var live) && live.Connections.Count > 0 && !live.Streams.ContainsKey(streamId))
            {
                throw ApiErrorException.NotFound($"Stream {Arguments.Quote(streamId)} is not published in session {Arguments.Quote(sessionId)}.");
            }
        }
    }

    /// <summary>Disconnects every emulated client (<see cref="EmulatedEndReason.NetworkDisconnected"/>) and forgets every session's live state.</summary>
    public void Clear()
    {
        _delivery.EndAll(EmulatedEndReason.NetworkDisconnected);
        _sessions.Clear();
    }

    /// <summary>Disconnects every emulated client, as the emulator stops; what a client sees when the service goes away.</summary>
    public void EndAllClients()
    {
        lock (_state.Lock)
        {
            _delivery.EndAll(EmulatedEndReason.NetworkDisconnected);
        }
    }

    // ---- Lookups ----

    /// <summary>The session's live state, <see langword="null"/> when nothing has happened in it yet.</summary>
    /// <exception cref="ApiErrorException">400: the id is not a session id; 404: no such session.</exception>
    private LiveSession? RequireSession(string sessionId)
    {
        if (string.IsNullOrEmpty(sessionId) || SessionId.Decode(sessionId) is null)
        {
            throw ApiErrorException.BadRequest($"Invalid session ID: {Arguments.Quote(sessionId)} is not an OpenTok session id.");
        }

        if (_state.Sessions.Find(sessionId) is null)
        {
            throw ApiErrorException.NotFound($"Session not found: {Arguments.Quote(sessionId)}.");
        }

        return _sessions.GetValueOrDefault(sessionId);
    }

    private ConnectionRecord RequireConnected(string sessionId, string connectionId) =>
        RequireSession(sessionId)?.Connections.GetValueOrDefault(connectionId) is { IsConnected: true } connection
            ? connection
            : throw ApiErrorException.NotFound($"Connection {connectionId} is not connected to session {Arguments.Quote(sessionId)}.");

    private StreamRecord RequireStream(string sessionId, string streamId) =>
        RequireSession(sessionId)?.Streams.GetValueOrDefault(streamId)
            ?? throw ApiErrorException.NotFound($"Stream {streamId} is not published in session {Arguments.Quote(sessionId)}.");

    private (LiveSession Live, ConnectionRecord Connection) RequireClient(EmulatedClient client) =>
        _sessions.TryGetValue(client.SessionId, out var live) && live.Connections.TryGetValue(client.ConnectionId, out var connection) && connection.IsConnected
            ? (live, connection)
            : throw new EmulatedClientException(EmulatedClientError.NotConnected, $"Client {client.ConnectionId} is not connected.");

    private LiveSession RequireModerator(EmulatedClient client, string action)
    {
        var (live, connection) = RequireClient(client);
        return connection.Role == Role.Moderator
            ? live
            : throw new EmulatedClientException(EmulatedClientError.NotPermitted,
                $"Only a client connected with a moderator token can {action}; this one's role is {connection.Role.ToWireValue()}.");
    }

    private LiveSession LiveOf(string sessionId)
    {
        if (!_sessions.TryGetValue(sessionId, out var live))
        {
            live = new LiveSession(sessionId);
            _sessions.Add(sessionId, live);
        }

        return live;
    }

    // ---- The primitives: every change of live state, each raising its activity ----

    private DateTimeOffset NowToTheMillisecond() => DateTimeOffset.FromUnixTimeMilliseconds(_state.Now.ToUnixTimeMilliseconds());

    private void Raise(SessionActivity activity)
    {
        foreach (var observer in _observers)
        {
            observer(activity);
        }
    }

    // Raises nothing: a connection is news once it is connected (MarkConnected), or, for a server connection left
    // connecting (a ringing call), once its area has made it (AddServerConnection).
    private ConnectionRecord AddConnection(LiveSession live, ConnectionKind kind, Role role, string? data, IReadOnlyList<string> classes, ConnectionState state, string? resourceId = null)
    {
        var connection = new ConnectionRecord
        {
            Id = IdGenerator.NewResourceId().ToString("D"),
            SessionId = live.SessionId,
            Sequence = _state.Ids.NextSequence(),
            Kind = kind,
            State = state,
            CreatedAt = NowToTheMillisecond(),
            Role = role,
            Data = data,
            InitialLayoutClassList = classes,
            ResourceId = resourceId,
        };
        live.Connections.Add(connection.Id, connection);
        return connection;
    }

    private void MarkConnected(LiveSession live, ConnectionRecord connection)
    {
        connection = connection with { State = ConnectionState.Connected };
        live.Connections[connection.Id] = connection;
        Raise(new ConnectionCreatedActivity(connection, _state.Now));
    }

    private StreamRecord AddStream(LiveSession live, ConnectionRecord connection, string name, VideoType videoType, bool hasAudio, bool hasVideo, out EmulatedPublication? publication, bool observesForceMute = true)
    {
        var stream = new StreamRecord
        {
            Id = IdGenerator.NewResourceId().ToString("D"),
            SessionId = connection.SessionId,
            ConnectionId = connection.Id,
            Sequence = _state.Ids.NextSequence(),
            CreatedAt = NowToTheMillisecond(),
            Name = name,
            VideoType = videoType,
            HasAudio = hasAudio,
            HasVideo = hasVideo,
            LayoutClassList = connection.InitialLayoutClassList,
            ObservesForceMute = observesForceMute,
        };

        // Force mute all mutes streams published while it is on, not only those there when it was turned on.
        stream = stream with { AudioMuted = observesForceMute && live.MuteActive && !live.MuteExcludedStreamIds.Contains(stream.Id) };
        live.Streams.Add(stream.Id, stream);
        publication = _delivery.Find(connection.Id)?.AddPublication(stream);
        Raise(new StreamCreatedActivity(stream, _state.Now));
        if (stream.AudioMuted)
        {
            Raise(new StreamAudioChangedActivity(stream, Forced: true, _state.Now));
        }

        return stream;
    }

    private void RemoveStream(LiveSession live, StreamRecord stream, EmulatedEndReason reason)
    {
        live.Streams.Remove(stream.Id);
        Raise(new StreamDestroyedActivity(stream, reason, _state.Now));
    }

    private void Disconnect(LiveSession live, ConnectionRecord connection, EmulatedEndReason reason)
    {
        foreach (var stream in live.StreamsInOrder.Where(s => s.ConnectionId == connection.Id).ToList())
        {
            RemoveStream(live, stream, reason);
        }

        connection = connection with { State = ConnectionState.Disconnected };
        live.Connections[connection.Id] = connection;
        Raise(new ConnectionDestroyedActivity(connection, reason, _state.Now));
    }

    // An already muted stream is not muted again: no second event for it. A stream that ignores forced mute (a SIP
    // call dialled without observeForceMute) is left alone, and the call that asked still succeeds, as in the service.
    private void SetAudioMuted(LiveSession live, StreamRecord stream, bool muted, bool forced)
    {
        if (stream.AudioMuted == muted || (forced && muted && !stream.ObservesForceMute))
        {
            return;
        }

        stream = stream with { AudioMuted = muted };
        live.Streams[stream.Id] = stream;
        Raise(new StreamAudioChangedActivity(stream, forced, _state.Now));
    }

    private void SetClassList(LiveSession live, StreamRecord stream, IReadOnlyList<string> classes)
    {
        stream = stream with { LayoutClassList = classes };
        live.Streams[stream.Id] = stream;
        Raise(new StreamClassListChangedActivity(stream, _state.Now));
    }

    // Turning it off leaves muted streams muted: their publishers unmute themselves, as in the service.
    private void ChangeForceMute(LiveSession live, bool active, IReadOnlyList<string> excludedStreamIds)
    {
        var excluded = active ? new HashSet<string>(excludedStreamIds, StringComparer.Ordinal) : [];
        live.MuteActive = active;
        live.MuteExcludedStreamIds = excluded;
        Raise(new ForceMuteChangedActivity(live.SessionId, active, [.. excluded], _state.Now));
        if (active)
        {
            foreach (var stream in live.StreamsInOrder.Where(s => !excluded.Contains(s.Id)).ToList())
            {
                SetAudioMuted(live, stream, muted: true, forced: true);
            }
        }
    }

    private void RaiseSignal(string sessionId, string? from, string? to, Signal signal) =>
        Raise(new SignalActivity(sessionId, from, to, signal.Type, signal.Data, _state.Now));
}
