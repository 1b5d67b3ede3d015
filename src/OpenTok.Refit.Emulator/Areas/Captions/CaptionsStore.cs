using System.Text.Json;
using OpenTok.Refit.Emulator.Pipeline;
using OpenTok.Refit.Emulator.State;
using OpenTok.Refit.Tokens;

namespace OpenTok.Refit.Emulator.Areas.Captions;

/// <summary>
/// The project's live captions, with the service's rules: only routed sessions (409 otherwise); one running job per
/// session (409 for a second); a token of that session, valid now, with the moderator role (400 otherwise); the
/// SDK's <see cref="CaptionsOptions.Validate"/> rules for the body (400); a job ends by a stop call or when the
/// emulator's clock passes its maximum duration (4 hours unless given), after which stopping it is a 404 like
/// stopping an unknown one.
/// </summary>
internal sealed class CaptionsStore : IAreaStore<CaptionsStore>
{
    /// <summary>The language the service captions when the request names none.</summary>
    public const string DefaultLanguageCode = "en-US";

    private readonly EmulatorState _state;
    private readonly Dictionary<Guid, CaptionsRecord> _captions = [];

    private CaptionsStore(EmulatorState state) => _state = state;

    public static CaptionsStore Create(EmulatorState state) => new(state);

    /// <summary>Starts captioning a session.</summary>
    /// <param name="request">The parsed body.</param>
    /// <param name="body">The body as JSON, to tell a left-out <c>partialCaptions</c> (the service's default, true) from false.</param>
    public Refit.Captions StartCaptions(StartCaptionsRequest request, JsonElement body)
    {
        ServerParticipantRules.RequireSessionAndToken(request.SessionId, request.Token);

        // The SDK's own rules for the language, the duration and the callback URL: each fact once.
        var options = request.ToOptions() with { PartialCaptions = !body.HasField("partialCaptions") || request.PartialCaptions };
        options.Validate();

        lock (_state.Lock)
        {
            var now = _state.Now;
            var token = ServerParticipantRules.AdmitToRoutedSession(_state, request.SessionId, request.Token, "live captions");
            if (token.Role != Role.Moderator)
            {
                throw ApiErrorException.BadRequest($"Invalid token: live captions need a token with the moderator role, not {token.Role.ToWireValue()}.");
            }

            foreach (var running in _captions.Values)
            {
                if (running.SessionId == request.SessionId && running.IsRunningAt(now))
                {
                    throw ApiErrorException.Conflict($"Audio captioning is already enabled for this session (captions {running.Id:D}).");
                }
            }

            var startedAt = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
            var captions = new CaptionsRecord
            {
                Id = IdGenerator.NewResourceId(),
                SessionId = request.SessionId,
                StartedAt = startedAt,
                EndsAt = startedAt + (options.MaxDuration ?? CaptionsOptions.MaxMaxDuration),
                LanguageCode = options.LanguageCode ?? DefaultLanguageCode,
                PartialCaptions = options.PartialCaptions,
                StatusCallbackUrl = options.StatusCallbackUrl,
            };
            _captions.Add(captions.Id, captions);
            return new Refit.Captions { CaptionsId = captions.Id.ToString("D") };
        }
    }

    /// <summary>Stops captioning; 404 for an unknown job or one that has ended.</summary>
    public void StopCaptions(Guid id)
    {
        lock (_state.Lock)
        {
            var now = _state.Now;
            if (!_captions.TryGetValue(id, out var captions))
            {
                throw ApiErrorException.NotFound($"Captions not found: {id:D}.");
            }

            if (!captions.IsRunningAt(now))
            {
                throw ApiErrorException.NotFound($"Captions {id:D} are not running; they have stopped.");
            }

            captions.EndsAt = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
            captions.StopRequested = true;
        }
    }

    /// <summary>
    /// Every captions job as kept: what callback events compare with what they last reported, since a job also stops
    /// by itself as the clock passes <see cref="CaptionsRecord.EndsAt"/>. Read it under <see cref="EmulatorState.Lock"/>,
    /// and change nothing through it.
    /// </summary>
    public IEnumerable<CaptionsRecord> Records => _captions.Values;

    public void Clear() => _captions.Clear();
}
