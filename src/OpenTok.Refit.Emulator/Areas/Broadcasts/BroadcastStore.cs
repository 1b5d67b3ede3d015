using OpenTok.Refit.Emulator.Areas.LiveSessions;
using OpenTok.Refit.Emulator.Pipeline;
using OpenTok.Refit.Emulator.State;
using OpenTok.Refit.Tokens;

namespace OpenTok.Refit.Emulator.Areas.Broadcasts;

/// <summary>
/// The project's broadcasts, with the service's rules: broadcasts only of routed sessions; one started broadcast
/// per session and <c>multiBroadcastTag</c>; <c>started</c> ▸ <c>stopped</c>, by a stop call or when the emulator's
/// clock passes the maximum duration; a stopped broadcast is gone for stop (404) and frozen for layout and streams
/// (409). The start body's rules are the SDK's <see cref="BroadcastOptions.Validate"/>, whose
/// <see cref="OpenTokArgumentException"/> the pipeline turns into a 400 like an <see cref="ApiErrorException"/>.
/// </summary>
internal sealed class BroadcastStore : IAreaStore<BroadcastStore>
{
    /// <summary>
    /// The route of a broadcast's HLS playlist. Not a REST path (so not in <c>ApiRoutes</c>): the service's HLS
    /// urls lead to its CDN, and the fault and authentication stages leave this one alone.
    /// </summary>
    public const string HlsRoute = "/hls/{broadcastId}/index.m3u8";

    /// <summary>The service's maximum duration when the request gives none (4 hours).</summary>
    public static readonly TimeSpan DefaultMaxDuration = TimeSpan.FromSeconds(14400);

    private readonly EmulatorState _state;
    private readonly LiveSessionStore _live;
    private readonly Dictionary<Guid, BroadcastRecord> _broadcasts = [];

    private BroadcastStore(EmulatorState state)
    {
        _state = state;
        _live = state.Store<LiveSessionStore>();
        _live.AddObserver(DropEndedStreams);
    }

    public static BroadcastStore Create(EmulatorState state) => new(state);

    public Broadcast StartBroadcast(StartBroadcastRequest request)
    {
        if (string.IsNullOrEmpty(request.SessionId))
        {
            throw ApiErrorException.BadRequest("sessionId is required.");
        }

        if (SessionId.Decode(request.SessionId) is null)
        {
            throw ApiErrorException.BadRequest($"Invalid session ID: {Arguments.Quote(request.SessionId)} is not an OpenTok session id.");
        }

        // The SDK's own rules for broadcast options, layouts, HLS settings and RTMP targets: each fact once.
        ToOptions(request).Validate();

        lock (_state.Lock)
        {
            var session = _state.Sessions.Find(request.SessionId)
                ?? throw ApiErrorException.NotFound($"Session not found: {Arguments.Quote(request.SessionId)}.");
            if (session.MediaMode != MediaMode.Routed)
            {
                throw ApiErrorException.Conflict("The session is relayed (peer-to-peer); only routed sessions can be broadcast.");
            }

            var now = _state.Now;
            foreach (var running in _broadcasts.Values)
            {
                if (running.SessionId == request.SessionId && running.IsStartedAt(now) && running.MultiBroadcastTag == request.MultiBroadcastTag)
                {
                    throw ApiErrorException.Conflict(request.MultiBroadcastTag is null
                        ? $"The session is already being broadcast (broadcast {running.Id:D}); start another broadcast with a distinct multiBroadcastTag."
                        : $"The session is already being broadcast with multiBroadcastTag {Arguments.Quote(request.MultiBroadcastTag)} (broadcast {running.Id:D}).");
                }
            }

            // The wire carries milliseconds: keep no finer time, so that what was sent is what is read back.
            var createdAt = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
            var maxDuration = request.MaxDuration is { } seconds ? TimeSpan.FromSeconds(seconds) : DefaultMaxDuration;
            var broadcast = new BroadcastRecord
            {
                Id = IdGenerator.NewResourceId(),
                Sequence = _state.Ids.NextSequence(),
                SessionId = request.SessionId,
                CreatedAt = createdAt,
                UpdatedAt = createdAt,
                MaxDuration = maxDuration,
                EndsAt = createdAt + maxDuration,
                MaxBitrate = request.MaxBitrate,
                Resolution = request.Resolution ?? Resolution.Sd,
                Hls = request.Outputs.Hls,
                Rtmp = [.. request.Outputs.Rtmp ?? []],
                Layout = request.Layout ?? new Layout(),
                StreamMode = request.StreamMode,
                HasAudio = request.HasAudio,
                HasVideo = request.HasVideo,
                MultiBroadcastTag = request.MultiBroadcastTag,
            };
            _broadcasts.Add(broadcast.Id, broadcast);
            return Project(broadcast, now, includeTag: true);
        }
    }

    public Broadcast StopBroadcast(Guid id)
    {
        lock (_state.Lock)
        {
            var now = _state.Now;
            var broadcast = Find(id);

            // The service answers 404, not 409, for a broadcast that has already stopped.
            if (!broadcast.IsStartedAt(now))
            {
                throw ApiErrorException.NotFound($"Broadcast {id:D} is not running; it has stopped.");
            }

            broadcast.EndsAt = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
            return Project(broadcast, now, includeTag: false);
        }
    }

    public Broadcast GetBroadcast(Guid id)
    {
        lock (_state.Lock)
        {
            return Project(Find(id), _state.Now, includeTag: false);
        }
    }

    public BroadcastList ListBroadcasts(int offset, int count, string? sessionId)
    {
        lock (_state.Lock)
        {
            var now = _state.Now;

            // Newest first; the sequence breaks ties between broadcasts started in the same millisecond.
            var matching = _broadcasts.Values
                .Where(b => sessionId is null || b.SessionId == sessionId)
                .OrderByDescending(b => b.Sequence)
                .ToList();
            return new BroadcastList
            {
                Count = matching.Count,
                Items = [.. matching.Skip(offset).Take(count).Select(b => Project(b, now, includeTag: false))],
            };
        }
    }

    public void SetLayout(Guid id, Layout layout)
    {
        layout.Validate();
        lock (_state.Lock)
        {
            var now = _state.Now;
            var broadcast = FindStarted(id, now);
            broadcast.Layout = layout;
            broadcast.UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
        }
    }

    public void ChangeStreams(Guid id, StreamsChange change)
    {
        StreamsChangeRules.CheckBody(change);
        lock (_state.Lock)
        {
            var broadcast = Find(id);
            if (broadcast.StreamMode != StreamMode.Manual)
            {
                throw ApiErrorException.MethodNotAllowed($"Broadcast {id:D} has stream mode {Arguments.Quote(broadcast.StreamMode.ToString())}; streams can be added or removed only in manual stream mode.");
            }

            FindStarted(id, _state.Now);
            StreamsChangeRules.Apply(change, broadcast.Streams, $"broadcast {id:D}", _live, broadcast.SessionId);
        }
    }

    /// <summary>Whether the broadcast exists and is still streaming, for its HLS playlist; <see langword="null"/> when there is no such broadcast.</summary>
    public bool? IsLive(Guid id)
    {
        lock (_state.Lock)
        {
            return _broadcasts.TryGetValue(id, out var broadcast) ? broadcast.IsStartedAt(_state.Now) : null;
        }
    }

    /// <summary>
    /// Every broadcast as kept: what callback events compare with what they last reported, since a broadcast also
    /// stops by itself as the clock passes <see cref="BroadcastRecord.EndsAt"/>. Read it under
    /// <see cref="EmulatorState.Lock"/>, and change nothing through it.
    /// </summary>
    public IEnumerable<BroadcastRecord> Records => _broadcasts.Values;

    public void Clear() => _broadcasts.Clear();

    // A live broadcast streams only published streams.
    private void DropEndedStreams(SessionActivity activity)
    {
        var now = _state.Now;
        foreach (var broadcast in _broadcasts.Values)
        {
            if (broadcast.IsStartedAt(now))
            {
                StreamsChangeRules.DropEnded(activity, broadcast.SessionId, broadcast.Streams);
            }
        }
    }

    // Absent fields were given the service's defaults by the endpoint; what is left to check is the SDK's to say.
    private static BroadcastOptions ToOptions(StartBroadcastRequest request) => new()
    {
        Hls = request.Outputs.Hls,
        Rtmp = request.Outputs.Rtmp ?? [],
        Layout = request.Layout,
        MaxDuration = request.MaxDuration is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        MaxBitrate = request.MaxBitrate,
        Resolution = request.Resolution,
        StreamMode = request.StreamMode,
        MultiBroadcastTag = request.MultiBroadcastTag,
        HasAudio = request.HasAudio,
        HasVideo = request.HasVideo,
    };

    private Broadcast Project(BroadcastRecord broadcast, DateTimeOffset now, bool includeTag)
    {
        var started = broadcast.IsStartedAt(now);
        var hls = broadcast.Hls is { } settings
            ? $"{_state.BaseAddress.AbsoluteUri}{HlsRoute.Replace("{broadcastId}", broadcast.Id.ToString("D"), StringComparison.Ordinal).TrimStart('/')}{(settings.Dvr ? "?DVR" : "")}"
            : null;

        return new Broadcast
        {
            Id = broadcast.Id.ToString("D"),
            SessionId = broadcast.SessionId,
            ProjectId = _state.ApiKey,
            CreatedAt = broadcast.CreatedAt,

            // A stopped broadcast last changed when it ended, by a call or by its maximum duration.
            UpdatedAt = started ? broadcast.UpdatedAt : broadcast.EndsAt,
            MaxDuration = broadcast.MaxDuration,
            MaxBitrate = broadcast.MaxBitrate,
            Resolution = broadcast.Resolution,
            Status = started ? BroadcastStatus.Started : BroadcastStatus.Stopped,
            BroadcastUrls = new BroadcastUrls
            {
                Hls = hls,
                HlsStatus = hls is null ? null : started ? HlsStatus.Live : HlsStatus.Ended,
                Rtmp = [.. broadcast.Rtmp.Select(t => new RtmpStream
                {
                    Id = t.Id,
                    ServerUrl = t.ServerUrl,
                    StreamName = t.StreamName,
                    Status = started ? RtmpStatus.Live : RtmpStatus.Offline,
                })],
            },
            Settings = new BroadcastSettings { Hls = broadcast.Hls },
            HasAudio = broadcast.HasAudio,
            HasVideo = broadcast.HasVideo,
            StreamMode = broadcast.StreamMode,
            Streams = broadcast.StreamMode == StreamMode.Manual ? [.. broadcast.Streams] : [],
            MultiBroadcastTag = includeTag ? broadcast.MultiBroadcastTag : null,
        };
    }

    private BroadcastRecord Find(Guid id) =>
        _broadcasts.TryGetValue(id, out var broadcast) ? broadcast : throw ApiErrorException.NotFound($"Broadcast not found: {id:D}.");

    private BroadcastRecord FindStarted(Guid id, DateTimeOffset now)
    {
        var broadcast = Find(id);
        return broadcast.IsStartedAt(now)
            ? broadcast
            : throw ApiErrorException.Conflict($"Broadcast {id:D} has stopped; only a started broadcast can change.");
    }
}
