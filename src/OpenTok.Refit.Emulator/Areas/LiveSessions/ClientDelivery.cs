namespace OpenTok.Refit.Emulator.Areas.LiveSessions;

/// <summary>
/// The emulated clients, and who of them hears of what: an observer of <see cref="SessionActivity"/>, so it only
/// tells, never decides. A client hears of other connections and of signals sent to it; of other connections'
/// streams unless its role is <c>publisheronly</c> (which cannot subscribe); of its own streams only that their audio
/// was forced off; and that it is disconnected, last. Used under the emulator's lock; a client's channels are
/// unbounded, so telling never waits.
/// </summary>
internal sealed class ClientDelivery
{
    private readonly Dictionary<string, EmulatedClient> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<EmulatedClient>> _bySession = new(StringComparer.Ordinal);

    /// <summary>Adds a client that is connecting, and tells it of the connections and streams already in its session.</summary>
    public void Register(EmulatedClient client, LiveSession live)
    {
        _clients.Add(client.ConnectionId, client);
        if (!_bySession.TryGetValue(client.SessionId, out var members))
        {
            members = [];
            _bySession.Add(client.SessionId, members);
        }

        members.Add(client);
        foreach (var connection in live.ConnectionsInOrder.Where(c => c.IsConnected))
        {
            client.Notify(new EmulatedClientEvent.ConnectionCreated(connection.Id, connection.Data));
        }

        if (client.Role != Role.PublisherOnly)
        {
            foreach (var stream in live.StreamsInOrder)
            {
                client.Notify(Created(stream));
            }
        }
    }

    /// <summary>A client by its connection id, connected or not (until the emulator is reset).</summary>
    public EmulatedClient? Find(string connectionId) => _clients.GetValueOrDefault(connectionId);

    /// <summary>Tells the clients concerned.</summary>
    public void Deliver(SessionActivity activity)
    {
        switch (activity)
        {
            case ConnectionCreatedActivity created:
                foreach (var other in Others(created.SessionId, created.Connection.Id))
                {
                    other.Notify(new EmulatedClientEvent.ConnectionCreated(created.Connection.Id, created.Connection.Data));
                }

                break;

            case ConnectionDestroyedActivity destroyed:
                Find(destroyed.Connection.Id)?.End(destroyed.Reason);
                foreach (var other in Others(destroyed.SessionId, destroyed.Connection.Id))
                {
                    other.Notify(new EmulatedClientEvent.ConnectionDestroyed(destroyed.Connection.Id, destroyed.Reason));
                }

                break;

            case StreamCreatedActivity created:
                foreach (var other in Subscribers(created.SessionId, created.Stream.ConnectionId))
                {
                    other.Notify(Created(created.Stream));
                }

                break;

            case StreamDestroyedActivity destroyed:
                Find(destroyed.Stream.ConnectionId)?.PublicationEnded(destroyed.Stream);
                foreach (var other in Subscribers(destroyed.SessionId, destroyed.Stream.ConnectionId))
                {
                    other.Notify(new EmulatedClientEvent.StreamDestroyed(destroyed.Stream.Id, destroyed.Stream.ConnectionId, destroyed.Reason));
                }

                break;

            case StreamAudioChangedActivity changed:
                if (Find(changed.Stream.ConnectionId) is { } owner)
                {
                    owner.PublicationChanged(changed.Stream);
                    if (changed.Forced && changed.Stream.AudioMuted)
                    {
                        owner.Notify(new EmulatedClientEvent.MuteForced(changed.Stream.Id));
                    }
                }

                break;

            case SignalActivity signal:
                var received = new ReceivedSignal(signal.Type, signal.Data, signal.FromConnectionId);
                if (signal.ToConnectionId is { } to)
                {
                    if (Find(to) is { IsConnected: true } target)
                    {
                        target.Receive(received);
                    }
                }
                else
                {
                    // To the whole session: the sender too, as the browser SDK's session.signal() without "to".
                    foreach (var member in Connected(signal.SessionId))
                    {
                        member.Receive(received);
                    }
                }

                break;
        }
    }

    /// <summary>Disconnects every client still connected and forgets them all (a reset, or the emulator stopping).</summary>
    public void EndAll(EmulatedEndReason reason)
    {
        foreach (var client in _clients.Values)
        {
            client.End(reason);
        }

        _clients.Clear();
        _bySession.Clear();
    }

    private static EmulatedClientEvent.StreamCreated Created(StreamRecord stream) =>
        new(stream.Id, stream.ConnectionId, stream.Name, stream.VideoType, stream.HasAudio, stream.HasVideo);

    private IEnumerable<EmulatedClient> Connected(string sessionId) =>
        _bySession.TryGetValue(sessionId, out var members) ? members.Where(c => c.IsConnected) : [];

    private IEnumerable<EmulatedClient> Others(string sessionId, string connectionId) =>
        Connected(sessionId).Where(c => c.ConnectionId != connectionId);

    private IEnumerable<EmulatedClient> Subscribers(string sessionId, string publisherConnectionId) =>
        Others(sessionId, publisherConnectionId).Where(c => c.Role != Role.PublisherOnly);
}
