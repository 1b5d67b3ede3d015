using Microsoft.AspNetCore.Http;
using OpenTok.Refit.Emulator.Areas.Archives;
using OpenTok.Refit.Emulator.Areas.Broadcasts;
using OpenTok.Refit.Emulator.Areas.Callbacks;
using OpenTok.Refit.Emulator.Areas.Captions;
using OpenTok.Refit.Emulator.Areas.ExperienceComposer;
using OpenTok.Refit.Emulator.Areas.LiveSessions;
using OpenTok.Refit.Emulator.State;

namespace OpenTok.Refit.Emulator.CallbackEvents;

/// <summary>
/// Turns every change of the emulator's state into callback events, in the order the changes happen, and hands
/// them to the <see cref="CallbackDispatcher"/>. Two sources:
/// <list type="bullet">
/// <item>Live sessions raise each change (<see cref="LiveSessionStore.AddObserver"/>): connections and streams become
/// session-monitoring events; a SIP connection's also become SIP call events.</item>
/// <item>Archives, broadcasts, renders and captions keep a status that also changes by itself as the emulator's clock
/// passes a time (an archive becomes available, a broadcast reaches its maximum duration), so they are compared with
/// the status last reported (<see cref="Check"/>): when a REST call is answered, before each live change, when
/// <see cref="OpenTokEmulator.CompleteArchive"/> is called, and on a timer of the emulator's clock set to the next
/// time a status changes by itself. Each transition is reported once; transitions passed between two checks are
/// reported in their order (started, then stopped, then available).</item>
/// </list>
/// Everything runs under <see cref="EmulatorState.Lock"/>, so the order of events is the order of the changes.
/// </summary>
internal sealed class CallbackEventSource : IAsyncDisposable
{
    private readonly EmulatorState _state;
    private readonly EmulatorCallbacks _callbacks;
    private readonly CallbackDispatcher _dispatcher;
    private readonly CallbackPayloads _payloads;
    private readonly ArchiveStore _archives;
    private readonly BroadcastStore _broadcasts;
    private readonly RenderStore _renders;
    private readonly CallbackStore _registrations;
    private readonly CaptionsStore _captions;
    private readonly ITimer _timer;

    // Under the emulator's lock: what was last reported, and the connections events need to describe.
    private readonly Dictionary<Guid, ArchiveStatus> _archiveStatus = [];
    private readonly Dictionary<Guid, BroadcastStatus> _broadcastStatus = [];
    private readonly Dictionary<string, RenderStatus> _renderStatus = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, CaptionsStatus> _captionsStatus = [];
    private readonly Dictionary<string, ConnectionRecord> _connected = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _sipCallAnswered = new(StringComparer.Ordinal);
    private DateTimeOffset? _armedFor;
    private bool _stopped;

    // True while Check runs. Reading a render's status settles it, which can add its connection, which raises an
    // activity that would call Check again, and again (a render not yet holding its connection id): the check under
    // way reports everything anyway, so a nested one returns at once.
    private bool _checking;

    /// <param name="state">The emulator's state, lock and clock.</param>
    /// <param name="faults">The faults now (callback drop and duplicate rates).</param>
    /// <param name="seed">Seeds the callback faults.</param>
    public CallbackEventSource(EmulatorState state, Func<FaultInjection> faults, int seed)
    {
        _state = state;
        var options = state.Options;
        _dispatcher = new CallbackDispatcher(state.Clock, options.Callbacks, faults, seed, options.ApiKey, options.Application?.ApplicationId);
        _callbacks = new EmulatorCallbacks(options, _dispatcher);
        _payloads = new CallbackPayloads(state.ApiKey, options.Application is not null);
        _archives = state.Store<ArchiveStore>();
        _broadcasts = state.Store<BroadcastStore>();
        _renders = state.Store<RenderStore>();
        _registrations = state.Store<CallbackStore>();
        _captions = state.Store<CaptionsStore>();
        _timer = state.Clock.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        state.Store<LiveSessionStore>().AddObserver(OnActivity);
    }

    /// <summary>The public face: URLs, secret, log.</summary>
    public EmulatorCallbacks Callbacks => _callbacks;

    /// <summary>Reports every status that changed since the last check, and sets the timer for the next change that comes by itself.</summary>
    public void Check()
    {
        lock (_state.Lock)
        {
            if (_stopped || _checking)
            {
                return;
            }

            _checking = true;
            var now = _state.Now;
            DateTimeOffset? next = null;
            try
            {
                CheckArchives(now, ref next);
                CheckBroadcasts(now, ref next);
                CheckRenders(now, ref next);
                CheckCaptions(now, ref next);
            }
            finally
            {
                _checking = false;
            }

            Arm(now, next);
        }
    }

    /// <summary>The timer fired: it is no longer set for anything (it fires once), whatever the check finds.</summary>
    private void OnTimer()
    {
        lock (_state.Lock)
        {
            _armedFor = null;
            Check();
        }
    }

    /// <summary>The pipeline stage: checks as the answer starts (before the caller can act on it) and once the request is done.</summary>
    public async Task CheckAroundRequestAsync(HttpContext context, RequestDelegate next)
    {
        context.Response.OnStarting(() =>
        {
            Check();
            return Task.CompletedTask;
        });
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            // An answer that is never sent (a connection dropped after the effect) starts nothing.
            Check();
        }
    }

    /// <summary>Forgets what was reported (the stores were just cleared) and the finished deliveries; call it under the lock with the stores' reset.</summary>
    public void Reset()
    {
        lock (_state.Lock)
        {
            _archiveStatus.Clear();
            _broadcastStatus.Clear();
            _renderStatus.Clear();
            _captionsStatus.Clear();
            _connected.Clear();
            _sipCallAnswered.Clear();
            _dispatcher.ClearFinished();
            Arm(_state.Now, null);
        }
    }

    /// <summary>Stops reporting and delivering; pending deliveries are abandoned.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_state.Lock)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
        }

        await _timer.DisposeAsync().ConfigureAwait(false);
        await _dispatcher.DisposeAsync().ConfigureAwait(false);
    }

    // ---- Live sessions ----

    private void OnActivity(SessionActivity activity)
    {
        if (_stopped)
        {
            return;
        }

        // What changed by itself before this change is older news: report it first.
        Check();
        switch (activity)
        {
            case ConnectionConnectingActivity { Connection.Kind: ConnectionKind.Sip } dialling:
                _sipCallAnswered[dialling.Connection.Id] = false;
                EmitSipCall(OpenTokEventKind.CallCreated, dialling.Connection, null, null, dialling.At);
                break;

            case ConnectionCreatedActivity created:
                var connection = created.Connection;
                if (connection.Kind == ConnectionKind.Sip)
                {
                    if (!_sipCallAnswered.ContainsKey(connection.Id))
                    {
                        EmitSipCall(OpenTokEventKind.CallCreated, connection, null, null, created.At);
                    }

                    _sipCallAnswered[connection.Id] = true;
                    EmitSipCall(OpenTokEventKind.CallUpdated, connection, SipCallState.Active, null, created.At);
                }

                _connected[connection.Id] = connection;
                Emit(CallbackFamily.SessionMonitoring, OpenTokEventKind.ConnectionCreated, null, connection.SessionId,
                    () => _payloads.Connection(OpenTokEventKind.ConnectionCreated, connection, null, created.At));
                break;

            case StreamCreatedActivity published:
                Emit(CallbackFamily.SessionMonitoring, OpenTokEventKind.StreamCreated, null, published.SessionId,
                    () => _payloads.Stream(OpenTokEventKind.StreamCreated, published.Stream, _connected.GetValueOrDefault(published.Stream.ConnectionId), null, published.At));
                break;

            case StreamDestroyedActivity ended:
                Emit(CallbackFamily.SessionMonitoring, OpenTokEventKind.StreamDestroyed, null, ended.SessionId,
                    () => _payloads.Stream(OpenTokEventKind.StreamDestroyed, ended.Stream, _connected.GetValueOrDefault(ended.Stream.ConnectionId), ended.Reason, ended.At));
                break;

            case ConnectionDestroyedActivity left:
                // A call hung up while ringing never joined the session: no connection event, only its call's end.
                if (_connected.Remove(left.Connection.Id))
                {
                    Emit(CallbackFamily.SessionMonitoring, OpenTokEventKind.ConnectionDestroyed, null, left.SessionId,
                        () => _payloads.Connection(OpenTokEventKind.ConnectionDestroyed, left.Connection, left.Reason, left.At));
                }

                if (_sipCallAnswered.Remove(left.Connection.Id, out var answered))
                {
                    EmitSipCall(OpenTokEventKind.CallDestroyed, left.Connection, null, HangUpReason(answered, left.Reason), left.At);
                }

                break;

            case StreamAudioChangedActivity { Forced: true, Stream.AudioMuted: true } muted
                when _sipCallAnswered.ContainsKey(muted.Stream.ConnectionId) && _connected.TryGetValue(muted.Stream.ConnectionId, out var call):
                EmitSipCall(OpenTokEventKind.MuteForced, call, null, null, muted.At);
                break;
        }
    }

    /// <summary>
    /// The SIP reason a call ended with: 487 Request Terminated for one hung up before it was answered, 703 Unexpected
    /// Clearing when the emulator went away, else 700 Normal Clearing (a hang-up by either side).
    /// </summary>
    private static (string Code, string Message) HangUpReason(bool answered, EmulatedEndReason reason) =>
        !answered ? ("487", "Request Terminated")
        : reason == EmulatedEndReason.NetworkDisconnected ? ("703", "Unexpected Clearing")
        : ("700", "Normal Clearing");

    private void EmitSipCall(OpenTokEventKind kind, ConnectionRecord connection, SipCallState? state, (string Code, string Message)? reason, DateTimeOffset at) =>
        Emit(CallbackFamily.Sip, kind, state?.Value ?? reason?.Code, connection.SessionId, () => _payloads.SipCall(kind, connection, state, reason, at));

    // ---- Statuses that also change with the clock ----

    private void CheckArchives(DateTimeOffset now, ref DateTimeOffset? next)
    {
        foreach (var archive in _archives.Records)
        {
            if (archive.Phase == ArchivePhase.Stopped && archive.AvailableAt is { } availableAt && availableAt > now)
            {
                next = Earliest(next, availableAt);
            }

            var status = archive.StatusAt(now);
            var last = _archiveStatus.GetValueOrDefault(archive.Id);
            if (status == last)
            {
                continue;
            }

            _archiveStatus[archive.Id] = status;
            if (status == ArchiveStatus.Deleted)
            {
                // The service sends no event for a deletion.
                continue;
            }

            var current = _archives.GetArchive(archive.Id);
            for (var rank = ArchiveRank(last) + 1; rank <= ArchiveRank(status); rank++)
            {
                var step = rank switch
                {
                    1 => current with { Status = ArchiveStatus.Started, Duration = TimeSpan.Zero, Size = 0, Url = null, Reason = "" },
                    2 => current with { Status = ArchiveStatus.Stopped, Url = null },
                    _ => current,
                };
                Emit(CallbackFamily.Archive, OpenTokEventKind.Archive, step.Status.Value, archive.SessionId, () => _payloads.Archive(step));
            }
        }
    }

    // started ▸ stopped ▸ available or uploaded (or any other end the store may come to).
    private static int ArchiveRank(ArchiveStatus status) =>
        status == default ? 0 : status == ArchiveStatus.Started ? 1 : status == ArchiveStatus.Stopped ? 2 : 3;

    private void CheckBroadcasts(DateTimeOffset now, ref DateTimeOffset? next)
    {
        foreach (var broadcast in _broadcasts.Records)
        {
            var started = broadcast.IsStartedAt(now);
            if (started)
            {
                next = Earliest(next, broadcast.EndsAt);
            }

            var status = started ? BroadcastStatus.Started : BroadcastStatus.Stopped;
            var last = _broadcastStatus.GetValueOrDefault(broadcast.Id);
            if (status == last)
            {
                continue;
            }

            _broadcastStatus[broadcast.Id] = status;
            var current = _broadcasts.GetBroadcast(broadcast.Id);
            if (last == default && !started)
            {
                Emit(CallbackFamily.Broadcast, OpenTokEventKind.Broadcast, BroadcastStatus.Started.Value, broadcast.SessionId,
                    () => _payloads.Broadcast(current with { Status = BroadcastStatus.Started, UpdatedAt = current.CreatedAt }));
            }

            Emit(CallbackFamily.Broadcast, OpenTokEventKind.Broadcast, status.Value, broadcast.SessionId, () => _payloads.Broadcast(current));
        }
    }

    private void CheckRenders(DateTimeOffset now, ref DateTimeOffset? next)
    {
        // The render store keeps its records to itself; its list answers every field an event needs.
        foreach (var render in _renders.ListRenders(0, int.MaxValue).Items)
        {
            // A running render's end needs no timer here: the render store's own timer ends its connection on time,
            // and that activity brings a check.
            if (render.Status == RenderStatus.Starting)
            {
                next = Earliest(next, render.CreatedAt + RenderStore.StartingDuration);
            }

            var last = _renderStatus.GetValueOrDefault(render.Id);
            if (render.Status == last)
            {
                continue;
            }

            _renderStatus[render.Id] = render.Status;
            for (var rank = RenderRank(last) + 1; rank <= RenderRank(render.Status); rank++)
            {
                // A render stopped while starting never published: it was never started.
                if (rank == 2 && render.Status != RenderStatus.Started && render.StreamId is null)
                {
                    continue;
                }

                var step = rank switch
                {
                    1 => render with { Status = RenderStatus.Starting, UpdatedAt = render.CreatedAt, StreamId = null, Reason = null },
                    2 => render with { Status = RenderStatus.Started, UpdatedAt = render.CreatedAt + RenderStore.StartingDuration, Reason = null },
                    _ => render,
                };
                Emit(CallbackFamily.ExperienceComposer, OpenTokEventKind.Render, step.Status.Value, render.SessionId, () => _payloads.Render(step));
            }
        }
    }

    // starting ▸ started ▸ stopped or failed.
    private static int RenderRank(RenderStatus status) =>
        status == default ? 0 : status == RenderStatus.Starting ? 1 : status == RenderStatus.Started ? 2 : 3;

    private void CheckCaptions(DateTimeOffset now, ref DateTimeOffset? next)
    {
        foreach (var captions in _captions.Records)
        {
            var running = captions.IsRunningAt(now);
            if (running)
            {
                next = Earliest(next, captions.EndsAt);
            }

            var status = running ? CaptionsStatus.Started : CaptionsStatus.Stopped;
            var last = _captionsStatus.GetValueOrDefault(captions.Id);
            if (status == last)
            {
                continue;
            }

            _captionsStatus[captions.Id] = status;

            // The job's own statusCallbackUrl first, as the service reports there.
            var own = Uri.TryCreate(captions.StatusCallbackUrl, UriKind.Absolute, out var url) ? url : null;
            if (last == default && !running)
            {
                Emit(CallbackFamily.Captions, OpenTokEventKind.Captions, CaptionsStatus.Started.Value, captions.SessionId,
                    () => _payloads.Captions(captions, CaptionsStatus.Started, captions.StartedAt), own);
            }

            Emit(CallbackFamily.Captions, OpenTokEventKind.Captions, status.Value, captions.SessionId,
                () => _payloads.Captions(captions, status, running ? captions.StartedAt : captions.EndsAt), own);
        }
    }

    // ---- Plumbing ----

    /// <summary>
    /// Queues an event for its family's URL (or <paramref name="ownUrl"/>) and for the urls registered for its kind
    /// through the legacy callback API, each once; nothing at all when there is none, not even its body.
    /// </summary>
    private void Emit(CallbackFamily family, OpenTokEventKind kind, string? status, string sessionId, Func<byte[]> body, Uri? ownUrl = null)
    {
        var (url, secret) = _callbacks.Route(family);
        var registered = _registrations.UrlsFor(kind);
        IEnumerable<Uri> targets = (ownUrl ?? url) is { } configured ? [configured, .. registered] : registered;
        byte[]? bytes = null;
        foreach (var target in targets.Distinct())
        {
            _dispatcher.Enqueue(new CallbackMessage(family, kind, status, sessionId, target, bytes ??= body(), secret));
        }
    }

    /// <summary>Sets the timer for <paramref name="next"/> (or off), unless it is set for that time already.</summary>
    private void Arm(DateTimeOffset now, DateTimeOffset? next)
    {
        if (next == _armedFor)
        {
            return;
        }

        _armedFor = next;
        _timer.Change(next is { } due ? Max(due - now, TimeSpan.Zero) : Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    private static DateTimeOffset Earliest(DateTimeOffset? a, DateTimeOffset b) => a is { } earlier && earlier <= b ? earlier : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a >= b ? a : b;
}
