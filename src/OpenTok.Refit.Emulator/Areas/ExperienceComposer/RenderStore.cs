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
/// Stopping a stopped render changes nothing and succeeds again. The stream it publishes is not added to the session's streams.
/// </summary>
internal sealed class RenderStore : IAreaStore<RenderStore>
{
    /// <summary>How long a render is <c>starting</c> (loading its page, connecting) before it is <c>started</c>.</summary>
    public static readonly TimeSpan StartingDuration = TimeSpan.FromSeconds(2);

    /// <summary>The service's maximum duration when the request gives none (2 hours).</summary>
    public static readonly TimeSpan DefaultMaxDuration = TimeSpan.FromSeconds(7200);

    /// <summary>The service's resolution when the request gives none.</summary>
    public static readonly Resolution DefaultResolution = Resolution.Hd;

    private readonly EmulatorState _state;
    private readonly Dictionary<Guid, RenderRecord> _renders = [];

    private RenderStore(EmulatorState state) => _state = state;

    public static RenderStore Create(EmulatorState state) => new(state);

    public Render StartRender(StartRenderRequest request)
    {
        if (string.IsNullOrEmpty(request.SessionId))
        {
            throw ApiErrorException.BadRequest("sessionId is required.");
        }

        if (SessionId.Decode(request.SessionId) is null)
        {
            throw ApiErrorException.BadRequest($"Invalid session ID: {Arguments.Quote(request.SessionId)} is not an OpenTok session id.");
        }

        if (string.IsNullOrEmpty(request.Token))
        {
            throw ApiErrorException.BadRequest("token is required.");
        }

        // The SDK's own rules for the url, duration, resolution and stream name: each fact once.
        ToOptions(request).Validate();

        lock (_state.Lock)
        {
            _ = _state.Sessions.Find(request.SessionId)
                ?? throw ApiErrorException.NotFound($"Session not found: {Arguments.Quote(request.SessionId)}.");
            CheckToken(request.Token, request.SessionId);

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
                StreamId = IdGenerator.NewResourceId().ToString("D"),
            };
            _renders.Add(render.Id, render);
            return Project(render, _state.Now);
        }
    }

    public Render GetRender(Guid id)
    {
        lock (_state.Lock)
        {
            return Project(Find(id), _state.Now);
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
        }
    }

    public RenderList ListRenders(int offset, int count)
    {
        lock (_state.Lock)
        {
            var now = _state.Now;

            // Newest first; the sequence breaks ties between renders started in the same millisecond.
            var all = _renders.Values.OrderByDescending(r => r.Sequence).ToList();
            return new RenderList { Count = all.Count, Items = [.. all.Skip(offset).Take(count).Select(r => Project(r, now))] };
        }
    }

    public void Clear() => _renders.Clear();

    /// <summary>The token must let a client join this session and publish, as the Experience Composer does with it.</summary>
    private void CheckToken(string token, string sessionId)
    {
        var verified = _state.VerifyClientToken(token);
        if (verified.Claims is not { } claims)
        {
            throw ApiErrorException.BadRequest($"Invalid token: {verified.Failure}");
        }

        if (claims.SessionId != sessionId)
        {
            throw ApiErrorException.BadRequest($"Invalid token: it is for session {Arguments.Quote(claims.SessionId)}, not {Arguments.Quote(sessionId)}.");
        }

        if (claims.Role == Role.Subscriber)
        {
            throw ApiErrorException.BadRequest("Invalid token: its role is subscriber, and the Experience Composer publishes a stream; use a publisher or moderator token.");
        }
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
        var everStarted = render.EndsAt > render.StartedAt;
        var (status, updatedAt) = running
            ? now < render.StartedAt ? (RenderStatus.Starting, render.CreatedAt) : (RenderStatus.Started, render.StartedAt)
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

            // The stream exists from the moment the page is rendering; one stopped while starting never published.
            StreamId = status == RenderStatus.Starting || !everStarted ? null : render.StreamId,
            Reason = running ? null : render.StopRequested ? "Stop Requested" : "Max Duration Exceeded",
        };
    }

    private RenderRecord Find(Guid id) =>
        _renders.TryGetValue(id, out var render) ? render : throw ApiErrorException.NotFound($"Render not found: {id:D}.");
}
