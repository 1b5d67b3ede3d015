using System.Threading.Channels;
using OpenTok.Refit.Emulator.Areas.LiveSessions;

namespace OpenTok.Refit.Emulator;

/// <summary>
/// A client connected to an emulated session with a token, as a browser or mobile app would connect to the service:
/// it can publish streams, send and receive signals, see other clients come and go, and — with a moderator token —
/// force others out or mute them. No media flows; what the REST API sees (connections, streams, mute states) is real.
/// Get one from <see cref="OpenTokEmulator.ConnectAsync"/>; dispose it (or <see cref="LeaveAsync"/>) to leave.
/// Thread-safe.
/// </summary>
/// <remarks>
/// <para>Roles follow the service: <c>publisher</c> publishes, subscribes and signals; <c>subscriber</c> cannot
/// publish; <c>moderator</c> is a publisher that can also <see cref="ForceDisconnectAsync"/>,
/// <see cref="ForceMuteAsync"/> and <see cref="ForceMuteAllAsync"/>; <c>publisheronly</c> publishes and signals but
/// cannot subscribe, so it gets no stream events. Every role can signal and receives signals.</para>
/// <para><see cref="Signals"/> and <see cref="Events"/> are channels: read them with <c>await foreach (var s in
/// client.Signals.ReadAllAsync(ct))</c>, wait for one with <c>ReadAsync</c>, or check without waiting with
/// <c>TryRead</c> (to prove something did <em>not</em> arrive: the emulator delivers before the call that caused it
/// returns, so there is nothing to wait for). Both are unbounded and complete when the client is disconnected, after
/// the <see cref="EmulatedClientEvent.Disconnected"/> event. One reader at a time sees each item once; the HTTP
/// control endpoints read the same channels.</para>
/// </remarks>
public sealed class EmulatedClient : IAsyncDisposable
{
    private readonly LiveSessionStore _store;
    private readonly Lock _lock;
    private readonly Channel<ReceivedSignal> _signals = Channel.CreateUnbounded<ReceivedSignal>();
    private readonly Channel<EmulatedClientEvent> _events = Channel.CreateUnbounded<EmulatedClientEvent>();
    private readonly Dictionary<string, EmulatedPublication> _publications = new(StringComparer.Ordinal);
    private volatile bool _connected = true;
    private EmulatedEndReason? _endReason;

    internal EmulatedClient(LiveSessionStore store, Lock stateLock, ConnectionRecord connection)
    {
        _store = store;
        _lock = stateLock;
        SessionId = connection.SessionId;
        ConnectionId = connection.Id;
        Role = connection.Role;
        Data = connection.Data;
        InitialLayoutClassList = connection.InitialLayoutClassList;
        CreatedAt = connection.CreatedAt;
    }

    /// <summary>The session it is connected to.</summary>
    public string SessionId { get; }

    /// <summary>Its connection id (a UUID), as list connections, force disconnect and signals name it.</summary>
    public string ConnectionId { get; }

    /// <summary>Its token's role.</summary>
    public Role Role { get; }

    /// <summary>Its token's connection data, if any.</summary>
    public string? Data { get; }

    /// <summary>Its token's initial layout classes, which every stream it publishes starts with.</summary>
    public IReadOnlyList<string> InitialLayoutClassList { get; }

    /// <summary>When it connected, on the emulator's clock.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary><see cref="ConnectionState.Connected"/>, then <see cref="ConnectionState.Disconnected"/> once it left or was forced out.</summary>
    public ConnectionState State => _connected ? ConnectionState.Connected : ConnectionState.Disconnected;

    /// <summary>Why it is disconnected; <see langword="null"/> while connected.</summary>
    public EmulatedEndReason? EndReason
    {
        get
        {
            lock (_lock)
            {
                return _endReason;
            }
        }
    }

    /// <summary>The signals sent to it, from the REST API or other clients (or itself, to the whole session), in order.</summary>
    public ChannelReader<ReceivedSignal> Signals => _signals.Reader;

    /// <summary>What it saw happen in its session, in order: see <see cref="EmulatedClientEvent"/>.</summary>
    public ChannelReader<EmulatedClientEvent> Events => _events.Reader;

    /// <summary>Its streams still published, oldest first.</summary>
    public IReadOnlyList<EmulatedPublication> Publications
    {
        get
        {
            lock (_lock)
            {
                return [.. _publications.Values.Where(p => p.IsPublished)];
            }
        }
    }

    internal bool IsConnected => _connected;

    /// <summary>Every stream it ever published, ended ones included.</summary>
    internal IReadOnlyList<EmulatedPublication> AllPublications
    {
        get
        {
            lock (_lock)
            {
                return [.. _publications.Values];
            }
        }
    }

    /// <summary>Publishes a stream. When force mute all is on in the session, it starts with its audio muted.</summary>
    /// <param name="stream">Its name, video type and tracks.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The publication: the new stream's id and a live view of its state.</returns>
    /// <exception cref="EmulatedClientException"><see cref="EmulatedClientError.NotPermitted"/> for a subscriber; <see cref="EmulatedClientError.NotConnected"/> once disconnected.</exception>
    /// <exception cref="ArgumentException">The video type is not set.</exception>
    public Task<EmulatedPublication> PublishAsync(EmulatedStream stream, CancellationToken cancellationToken = default) => Run(() =>
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (string.IsNullOrEmpty(stream.VideoType.Value))
        {
            throw new ArgumentException("VideoType must be set (camera, screen or custom).", nameof(stream));
        }

        return _store.Publish(this, stream);
    }, cancellationToken);

    /// <summary>
    /// Sends a signal to every client of the session, itself included (<paramref name="toConnectionId"/>
    /// <see langword="null"/>), or to one connection. The service's rules apply (<see cref="Signal.Validate"/>): a type of
    /// at most 128 bytes of ASCII letters, digits, <c>-</c>, <c>_</c> and <c>~</c>, data of at most 8 kB.
    /// </summary>
    /// <param name="type">The signal type; empty for an untyped signal.</param>
    /// <param name="data">The payload.</param>
    /// <param name="toConnectionId">The one connection to signal, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once the signal is delivered.</returns>
    /// <exception cref="OpenTokArgumentException">The type or data breaks a rule.</exception>
    /// <exception cref="EmulatedClientException"><see cref="EmulatedClientError.NotFound"/>: the target is not connected to the session; <see cref="EmulatedClientError.NotConnected"/> once disconnected.</exception>
    public Task SendSignalAsync(string type, string data, string? toConnectionId = null, CancellationToken cancellationToken = default) => Run(() =>
    {
        var signal = new Signal { Type = type, Data = data };
        signal.Validate();
        _store.ClientSignal(this, signal, toConnectionId);
    }, cancellationToken);

    /// <summary>Forces another connection of the session out (its streams end with it). Moderators only.</summary>
    /// <param name="connectionId">The connection to end.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once the connection has ended.</returns>
    /// <exception cref="EmulatedClientException"><see cref="EmulatedClientError.NotPermitted"/> unless a moderator; <see cref="EmulatedClientError.NotFound"/> when the connection is not connected to the session.</exception>
    public Task ForceDisconnectAsync(string connectionId, CancellationToken cancellationToken = default) => Run(() =>
    {
        ArgumentNullException.ThrowIfNull(connectionId);
        _store.ClientForceDisconnect(this, connectionId);
    }, cancellationToken);

    /// <summary>Forces a stream's audio off (its publisher gets <see cref="EmulatedClientEvent.MuteForced"/>). Moderators only.</summary>
    /// <param name="streamId">The stream to mute.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once the stream is muted.</returns>
    /// <exception cref="EmulatedClientException"><see cref="EmulatedClientError.NotPermitted"/> unless a moderator; <see cref="EmulatedClientError.NotFound"/> when the stream is not published in the session.</exception>
    public Task ForceMuteAsync(string streamId, CancellationToken cancellationToken = default) => Run(() =>
    {
        ArgumentNullException.ThrowIfNull(streamId);
        _store.ClientForceMute(this, streamId);
    }, cancellationToken);

    /// <summary>Forces every stream's audio off but the excluded ones, and keeps the session muted so that streams published later start muted. Moderators only.</summary>
    /// <param name="excludedStreamIds">Streams left unmuted; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once the streams are muted.</returns>
    /// <exception cref="EmulatedClientException"><see cref="EmulatedClientError.NotPermitted"/> unless a moderator.</exception>
    public Task ForceMuteAllAsync(IEnumerable<string>? excludedStreamIds = null, CancellationToken cancellationToken = default) => Run(() =>
        _store.ClientForceMuteAll(this, active: true, [.. excludedStreamIds ?? []]), cancellationToken);

    /// <summary>Ends force mute all: streams published from now on are not muted; muted streams stay muted until their publishers unmute. Moderators only.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes at once.</returns>
    /// <exception cref="EmulatedClientException"><see cref="EmulatedClientError.NotPermitted"/> unless a moderator.</exception>
    public Task DisableForceMuteAsync(CancellationToken cancellationToken = default) => Run(() =>
        _store.ClientForceMuteAll(this, active: false, []), cancellationToken);

    /// <summary>Leaves the session: its streams end, the others see it go, and <see cref="Events"/> ends with <see cref="EmulatedClientEvent.Disconnected"/>. Nothing once disconnected.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once it has left.</returns>
    public Task LeaveAsync(CancellationToken cancellationToken = default) => Run(() => _store.Leave(this), cancellationToken);

    /// <summary>Leaves the session, like <see cref="LeaveAsync"/>.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        _store.Leave(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>The client's session, connection and role.</summary>
    /// <returns>For example <c>EmulatedClient { ConnectionId = 5f6a…, Role = Moderator, State = Connected }</c>.</returns>
    public override string ToString() => $"EmulatedClient {{ SessionId = {SessionId}, ConnectionId = {ConnectionId}, Role = {Role}, State = {State} }}";

    // ---- Called by ClientDelivery and LiveSessionStore, under the emulator's lock ----

    internal void Receive(ReceivedSignal signal) => _signals.Writer.TryWrite(signal);

    internal void Notify(EmulatedClientEvent clientEvent) => _events.Writer.TryWrite(clientEvent);

    internal EmulatedPublication AddPublication(StreamRecord stream)
    {
        var publication = new EmulatedPublication(this, stream);
        _publications.Add(stream.Id, publication);
        return publication;
    }

    internal void PublicationChanged(StreamRecord stream) => _publications.GetValueOrDefault(stream.Id)?.Update(stream);

    internal void PublicationEnded(StreamRecord stream) => _publications.GetValueOrDefault(stream.Id)?.End();

    internal void End(EmulatedEndReason reason)
    {
        if (!_connected)
        {
            return;
        }

        _connected = false;
        _endReason = reason;
        foreach (var publication in _publications.Values)
        {
            publication.End();
        }

        _events.Writer.TryWrite(new EmulatedClientEvent.Disconnected(reason));
        _events.Writer.TryComplete();
        _signals.Writer.TryComplete();
    }

    internal void Unpublish(string streamId) => _store.Unpublish(this, streamId);

    internal void UnmuteAudio(string streamId) => _store.UnmuteAudio(this, streamId);

    // The work is synchronous (a few dictionary operations under the lock); a refusal becomes a faulted task, as an
    // async method's would, rather than an exception thrown before the task exists.
    internal static Task Run(Action action, CancellationToken cancellationToken) => Run(() =>
    {
        action();
        return true;
    }, cancellationToken);

    internal static Task<T> Run<T>(Func<T> action, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            return Task.FromResult(action());
        }
        catch (Exception e)
        {
            return Task.FromException<T>(e);
        }
    }
}
