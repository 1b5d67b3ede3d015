using System.Text.Json;
using OpenTok.Refit.Emulator.Areas.LiveSessions;
using OpenTok.Refit.Emulator.Pipeline;
using OpenTok.Refit.Emulator.State;
using OpenTok.Refit.Tokens;

namespace OpenTok.Refit.Emulator.Areas.Sip;

/// <summary>
/// The project's SIP calls, with the service's rules. Dialling: the body's rules are the SDK's
/// <see cref="SipOptions.Validate"/> (400); the session must exist (404) and be routed (409); the token must let a
/// client join that session now (400). The call then rings (a <c>Connecting</c> connection of kind SIP), is answered
/// at once (<c>Connected</c>), and publishes one stream: audio always, video only with <c>sip.video</c>. The service
/// documents that stream as "the audio-only stream" of a call without video, so a call without video still has one
/// (with <c>hasVideo</c> false), and the answer always carries its id. The stream is named after <c>sip.from</c>, or
/// the SIP uri when there is no caller, and its video type is <c>camera</c>. Forced mute (of the stream, or of the
/// whole session) applies to it only when the call was dialled with <c>observeForceMute</c>; otherwise the phone keeps
/// talking and the mute call still succeeds. Every change goes through <see cref="LiveSessionStore"/>, so emulated
/// clients and other observers see the call join, publish and leave. A call ends by a force disconnect of its
/// connection (the moderation endpoint), which this store hears of to note when it hung up.
/// </summary>
/// <remarks>
/// DTMF: digits by the SDK's <see cref="DtmfDigits"/> rule (400). To a session: played to every SIP call connected to
/// it (none is fine: 200), 400 for a malformed session id, 404 for an unknown one. To one connection: 404 when it is
/// not connected to the session, 400 when it is connected but not a SIP call. Every play is noted on the calls it
/// reached (<see cref="EmulatedSipCall.PlayedDtmf"/>).
/// </remarks>
internal sealed class SipStore : IAreaStore<SipStore>
{
    private readonly EmulatorState _state;
    private readonly LiveSessionStore _live;

    // Oldest first, and by connection id for DTMF and hang-ups.
    private readonly List<SipCallRecord> _calls = [];
    private readonly Dictionary<string, SipCallRecord> _callsByConnection = new(StringComparer.Ordinal);

    private SipStore(EmulatorState state)
    {
        _state = state;
        _live = state.Store<LiveSessionStore>();
        _live.AddObserver(NoteHangUps);
    }

    public static SipStore Create(EmulatorState state) => new(state);

    /// <summary>Dials a SIP endpoint into a session.</summary>
    /// <param name="request">The parsed body.</param>
    /// <param name="body">The body as JSON, to tell a missing <c>sip</c> object from an empty one.</param>
    public SipCall Dial(SipDialRequest request, JsonElement body)
    {
        ServerParticipantRules.RequireSessionAndToken(request.SessionId, request.Token);
        if (!body.TryGetField("sip", out var sip) || sip.ValueKind != JsonValueKind.Object)
        {
            throw ApiErrorException.BadRequest("sip is required: an object with at least the uri to call.");
        }

        // The SDK's own rules for the uri, caller, headers, credentials and streams: each fact once.
        var options = ToOptions(request.Sip);
        options.Validate();

        lock (_state.Lock)
        {
            var token = ServerParticipantRules.AdmitToRoutedSession(_state, request.SessionId, request.Token, "SIP calls");

            // Rings, is answered, publishes: the order in which the session's clients hear of it. The call's id rides on
            // its connection, so the SIP callback events (callCreated, …) carry it as the service's do.
            var callId = IdGenerator.NewResourceId().ToString("D");
            var connectionId = _live.AddServerConnection(request.SessionId, ConnectionKind.Sip, token.ConnectionData, ConnectionState.Connecting, resourceId: callId);
            _live.MarkServerConnectionConnected(request.SessionId, connectionId);
            var streamId = _live.AddServerStream(
                request.SessionId, connectionId, options.From ?? options.Uri, VideoType.Camera,
                hasAudio: true, hasVideo: options.Video, observesForceMute: options.ObserveForceMute);

            var call = new SipCallRecord
            {
                Id = callId,
                SessionId = request.SessionId,
                ConnectionId = connectionId,
                StreamId = streamId,
                Options = options,
                CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(_state.Now.ToUnixTimeMilliseconds()),
            };
            _calls.Add(call);
            _callsByConnection.Add(connectionId, call);
            return new SipCall { Id = call.Id, ConnectionId = connectionId, StreamId = streamId };
        }
    }

    /// <summary>Plays DTMF digits to every SIP call connected to a session.</summary>
    /// <exception cref="ApiErrorException">400: a malformed session id or bad digits; 404: no such session.</exception>
    public void PlayDtmf(string sessionId, string? digits)
    {
        lock (_state.Lock)
        {
            RequireSession(sessionId);
            RequireDigits(digits);
            foreach (var call in _calls.Where(c => c.SessionId == sessionId && c.EndedAt is null))
            {
                call.PlayedDtmf.Add(digits!);
            }
        }
    }

    /// <summary>Plays DTMF digits to one SIP call.</summary>
    /// <exception cref="ApiErrorException">400: a malformed session id, bad digits, or a connection that is not a SIP call; 404: no such session, or the connection is not connected to it.</exception>
    public void PlayDtmfToConnection(string sessionId, string connectionId, string? digits)
    {
        lock (_state.Lock)
        {
            RequireSession(sessionId);
            RequireDigits(digits);
            if (_callsByConnection.TryGetValue(connectionId, out var call) && call.SessionId == sessionId && call.EndedAt is null)
            {
                call.PlayedDtmf.Add(digits!);
                return;
            }

            var connected = _live.ListConnections(sessionId).Items.Any(c => c.ConnectionId == connectionId && c.ConnectionState == ConnectionState.Connected);
            throw connected
                ? ApiErrorException.BadRequest($"Connection {connectionId} is not a SIP call; DTMF tones play to SIP participants only.")
                : ApiErrorException.NotFound($"Connection {connectionId} is not connected to session {Arguments.Quote(sessionId)}.");
        }
    }

    /// <summary>Every SIP call, oldest first, hung-up ones included (until a reset).</summary>
    public IReadOnlyList<EmulatedSipCall> Snapshot()
    {
        lock (_state.Lock)
        {
            return [.. _calls.Select(c => c.Snapshot())];
        }
    }

    public void Clear()
    {
        _calls.Clear();
        _callsByConnection.Clear();
    }

    private static SipOptions ToOptions(SipDialSettings sip) => new()
    {
        Uri = sip.Uri,
        From = sip.From,
        Headers = sip.Headers ?? new Dictionary<string, string>(),
        Auth = sip.Auth,
        Secure = sip.Secure,
        Video = sip.Video,
        ObserveForceMute = sip.ObserveForceMute,
        Streams = sip.Streams ?? [],
    };

    private static void RequireDigits(string? digits)
    {
        if (DtmfDigits.Problem(digits, "digits") is { } problem)
        {
            throw ApiErrorException.BadRequest(problem);
        }
    }

    private void RequireSession(string sessionId)
    {
        if (string.IsNullOrEmpty(sessionId) || SessionId.Decode(sessionId) is null)
        {
            throw ApiErrorException.BadRequest($"Invalid session ID: {Arguments.Quote(sessionId)} is not an OpenTok session id.");
        }

        if (_state.Sessions.Find(sessionId) is null)
        {
            throw ApiErrorException.NotFound($"Session not found: {Arguments.Quote(sessionId)}.");
        }
    }

    // Under the lock, from the live store; it changes only this store's records.
    private void NoteHangUps(SessionActivity activity)
    {
        if (activity is ConnectionDestroyedActivity ended && _callsByConnection.TryGetValue(ended.Connection.Id, out var call) && call.EndedAt is null)
        {
            call.EndedAt = ended.At;
        }
    }
}
