using OpenTok.Refit.Emulator.Areas.LiveSessions;
using OpenTok.Refit.Emulator.Pipeline;
using OpenTok.Refit.Emulator.State;
using OpenTok.Refit.Tokens;

namespace OpenTok.Refit.Emulator.Areas.ExperienceComposer;

/// <summary>
/// The project's Experience Composers, with the service's rules: the start body's rules are the SDK's
/// <see cref="RenderOptions.Validate"/> (400); the session must exist (404); the token must be one the service would let
/// connect to that very session and publish (400 otherwise). A render is <c>starting</c> for
/// <see cref="StartingDuration"/>, then <c>started</c> with a stream id, then <c>stopped</c> by a stop call
/// (<c>Stop Requested</c>) or when the emulator's clock passes its maximum duration (<c>Max Duration Exceeded</c>).
/// Stopping a stopped render changes nothing and succeeds again.
/// </summary>
/// <remarks>
/// In the session, through <see cref="LiveSessionStore"/> (so emulated clients and other observers see it): while
/// <c>starting</c> a render is loading its page and not in the session yet; when it is <c>started</c> it has a
/// connection of kind Experience Composer (with the token's connection data) publishing one stream with audio and video, named
/// <c>properties.name</c> (empty without one), of video type <c>camera</c> (the service documents none), whose id is
/// the render's <c>streamId</c>; when it stops, the connection ends and the stream is destroyed with it. A force
/// disconnect of its connection stops it as a stop call would (<c>Stop Requested</c>). Status is computed from the clock
/// on every read, and a <see cref="TimeProvider"/> timer per render (on the emulator's clock, so a
/// <c>FakeTimeProvider</c>'s <c>Advance</c> fires it) makes the session change at the moment the status does, with
/// nobody reading; a read also brings the session up to date first, so that what it answers and what the session holds
/// always agree. Timers are disposed when the render has stopped, and by a reset.
/// </remarks>
internal sealed class RenderStore : IAreaStore<RenderStore>
{
    /// <summary>How long a render is <c>starting</c> (loading its page, connecting) before it is <c>started</c>.</summary>
    public static readonly TimeSpan StartingDuration = TimeSpan.FromSeconds(2);

    /// <summary>The service's maximum duration when the request gives none (2 hours).</summary>
    public static readonly TimeSpan DefaultMaxDuration = TimeSpan.FromSeconds(7200);

    /// <summary>The service's resolution when the request gives none.</summary>
    public static readonly Resolution DefaultResolution = Resolution.Hd;

    private readonly EmulatorState _state;
    private readonly LiveSessionStore _live;
    private readonly Dictionary<Guid, RenderRecord> _renders = [];

    private RenderStore(EmulatorState state)
    {
        _state = state;
        _live = state.Store<LiveSessionStore>();
        _live.AddObserver(StopForcedOut);
    }

    public static RenderStore Create(EmulatorState state) => new(state);

    public Render StartRender(StartRenderRequest request)
    {
        ServerParticipantRules.RequireSessionAndToken(request.SessionId, request.Token);

        // The SDK's own rules for the url, duration, resolution and stream name: each fact once.
        ToOptions(request).Validate();

        lock (_state.Lock)
        {
            // The Experience Composer publishes into the session's media router: routed sessions only, as for SIP.
            var token = ServerParticipantRules.AdmitToRoutedSession(_state, request.SessionId, request.Token, "Experience Composers");
            if (token.Role == Role.Subscriber)
            {
                throw ApiErrorException.BadRequest("Invalid token: its role is subscriber, and the Experience Composer publishes a stream; use a publisher or moderator token.");
            }

            // The wire carries milliseconds: keep no finer time, so that what was sent is what is read back.
            var createdAt = DateTimeOffset.FromUnixTimeMilliseconds(_state.Now.ToUnixTimeMilliseconds());
            var render = new RenderRecord
            {
                Id = IdGenerator.NewResourceId(),
                Sequence = _state.Ids.NextSequence(),
                SessionId = request.SessionId,
                Url = request.Url,
                Resolution = request.Resolution ?? DefaultResolution,
                CreatedAt = createdAt,
                StartedAt = createdAt + StartingDuration,
                EndsAt = createdAt + (request.MaxDuration is { } seconds ? TimeSpan.FromSeconds(seconds) : DefaultMaxDuration),
                ConnectionData = token.ConnectionData,
                StreamName = request.Properties?.Name ?? "",
            };
            _renders.Add(render.Id, render);
            var now = _state.Now;
            Settle(render, now);
            return Project(render, now);
        }
    }

    public Render GetRender(Guid id)
    {
        lock (_state.Lock)
        {
            var render = Find(id);
            var now = _state.Now;
            Settle(render, now);
            return Project(render, now);
        }
    }

    public void StopRender(Guid id)
    {
        lock (_state.Lock)
        {
            var render = Find(id);
            var now = _state.Now;
            if (render.IsRunningAt(now))
            {
                render.EndsAt = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
                render.StopRequested = true;
            }

            Settle(render, now);
        }
    }

    public RenderList ListRenders(int offset, int count)
    {
        lock (_state.Lock)
        {
            var now = _state.Now;

            // Newest first; the sequence breaks ties between renders started in the same millisecond.
            var all = _renders.Values.OrderByDescending(r => r.Sequence).ToList();
            all.ForEach(r => Settle(r, now));
            return new RenderList { Count = all.Count, Items = [.. all.Skip(offset).Take(count).Select(r => Project(r, now))] };
        }
    }

    public void Clear()
    {
        foreach (var render in _renders.Values)
        {
            render.Timer?.Dispose();
        }

        _renders.Clear();
    }

    /// <summary>
    /// Brings the render's connection and stream up to date with its status at <paramref name="now"/>, then sets its
    /// timer for the next change. Under the lock; changing nothing when nothing is due, so any read may call it, with
    /// the time it then projects the render at, so that the status it answers and the session agree.
    /// </summary>
    private void Settle(RenderRecord render, DateTimeOffset now)
    {
        if (render.Settling)
        {
            return;
        }

        render.Settling = true;
        try
        {
            // A render stopped before it started never joined (its status never was started).
            if (render.ConnectionId is null && render.EndsAt > render.StartedAt && now >= render.StartedAt)
            {
                render.ConnectionId = _live.AddServerConnection(render.SessionId, ConnectionKind.ExperienceComposer, render.ConnectionData);
                render.StreamId = _live.AddServerStream(render.SessionId, render.ConnectionId, render.StreamName, VideoType.Camera, hasAudio: true, hasVideo: true);
            }

            if (render.ConnectionId is not null && !render.ConnectionEnded && now >= render.EndsAt)
            {
                // Noted first: the live store's observers, this store's among them, hear of the end before it returns.
                render.ConnectionEnded = true;
                _live.EndConnection(render.SessionId, render.ConnectionId, EmulatedEndReason.ClientDisconnected);
            }

            DateTimeOffset? next = render.ConnectionEnded ? null
                : render.ConnectionId is not null ? render.EndsAt
                : render.EndsAt > render.StartedAt ? render.StartedAt
                : null;
            if (next is not { } due)
            {
                render.Timer?.Dispose();
                render.Timer = null;
                return;
            }

            // Whole milliseconds, rounded up: a system timer truncates to them and would wake a little early. Never zero:
            // what is due now was settled above, and a zero timer of a fake clock would fire inside this call.
            var dueIn = TimeSpan.FromMilliseconds(Math.Max(1, Math.Ceiling((due - now).TotalMilliseconds)));
            if (render.Timer is { } timer)
            {
                timer.Change(dueIn, Timeout.InfiniteTimeSpan);
            }
            else
            {
                render.Timer = _state.Clock.CreateTimer(_ => OnTimer(render), null, dueIn, Timeout.InfiniteTimeSpan);
            }
        }
        finally
        {
            render.Settling = false;
        }
    }

    // A timer's callback: settles the render unless a reset has forgotten it meanwhile.
    private void OnTimer(RenderRecord render)
    {
        lock (_state.Lock)
        {
            if (_renders.TryGetValue(render.Id, out var current) && ReferenceEquals(current, render))
            {
                Settle(render, _state.Now);
            }
        }
    }

    // Under the lock, from the live store: a render whose connection is forced out stops, as if asked to.
    private void StopForcedOut(SessionActivity activity)
    {
        if (activity is not ConnectionDestroyedActivity { Connection.Kind: ConnectionKind.ExperienceComposer } ended)
        {
            return;
        }

        var render = _renders.Values.FirstOrDefault(r => r.ConnectionId == ended.Connection.Id && r.SessionId == ended.SessionId);
        if (render is null || render.ConnectionEnded)
        {
            return;
        }

        render.ConnectionEnded = true;
        if (render.IsRunningAt(ended.At))
        {
            render.EndsAt = DateTimeOffset.FromUnixTimeMilliseconds(ended.At.ToUnixTimeMilliseconds());
            render.StopRequested = true;
        }

        render.Timer?.Dispose();
        render.Timer = null;
    }

    private static RenderOptions ToOptions(StartRenderRequest request) => new()
    {
        Url = request.Url,
        MaxDuration = request.MaxDuration is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        Resolution = request.Resolution,
        Properties = request.Properties,
    };

    private Render Project(RenderRecord render, DateTimeOffset now)
    {
        var running = render.IsRunningAt(now);
        // Started once it holds its stream: a read made while it is joining (an observer of its joining) sees it starting.
        var (status, updatedAt) = running
            ? now < render.StartedAt || render.StreamId is null ? (RenderStatus.Starting, render.CreatedAt) : (RenderStatus.Started, render.StartedAt)
            : (RenderStatus.Stopped, render.EndsAt);
        return new Render
        {
            Id = render.Id.ToString("D"),
            SessionId = render.SessionId,
            ProjectId = _state.ApiKey,
            CreatedAt = render.CreatedAt,
            UpdatedAt = updatedAt,
            Url = render.Url,
            Resolution = render.Resolution,
            Status = status,

            // Set once the render published (Settle ran before any projection); one stopped while starting never did.
            StreamId = render.StreamId,
            Reason = running ? null : render.StopRequested ? "Stop Requested" : "Max Duration Exceeded",
        };
    }

    private RenderRecord Find(Guid id) =>
        _renders.TryGetValue(id, out var render) ? render : throw ApiErrorException.NotFound($"Render not found: {id:D}.");
}
