using System.Text.Json;
using OpenTok.Refit.Emulator.Areas.LiveSessions;
using OpenTok.Refit.Emulator.Pipeline;
using OpenTok.Refit.Emulator.State;

namespace OpenTok.Refit.Emulator.Areas.AudioConnector;

/// <summary>
/// The project's Audio Connectors, with the service's rules: the body's rules are the SDK's
/// <see cref="WebSocketOptions.Validate"/> (400); the session must exist (404) and be routed (409); the token must let
/// a client join that session now (400). A connector is a connection of kind Audio Connector in the session, connected
/// at once (no WebSocket is opened: no media flows in the emulator), and publishes no stream, even when
/// <c>bidirectional</c> (the audio it would send back is media the emulator does not carry). It stops by a force
/// disconnect of its connection through the moderation endpoint; the deprecated <c>POST …/connect/{id}/stop</c> is not
/// served (404). Every change goes through <see cref="LiveSessionStore"/>, so emulated clients see it come and go.
/// </summary>
internal sealed class AudioConnectorStore : IAreaStore<AudioConnectorStore>
{
    private readonly EmulatorState _state;
    private readonly LiveSessionStore _live;
    private readonly List<AudioConnectorRecord> _connectors = [];

    private AudioConnectorStore(EmulatorState state)
    {
        _state = state;
        _live = state.Store<LiveSessionStore>();
    }

    public static AudioConnectorStore Create(EmulatorState state) => new(state);

    /// <summary>Connects a session's audio to a WebSocket server.</summary>
    /// <param name="request">The parsed body.</param>
    /// <param name="body">The body as JSON, to tell a missing <c>websocket</c> object from an empty one.</param>
    public AudioConnection Connect(AudioConnectRequest request, JsonElement body)
    {
        ServerParticipantRules.RequireSessionAndToken(request.SessionId, request.Token);
        if (!body.TryGetField("websocket", out var websocket) || websocket.ValueKind != JsonValueKind.Object)
        {
            throw ApiErrorException.BadRequest("websocket is required: an object with at least the uri to send audio to.");
        }

        // The SDK's own rules for the uri, streams, headers, audio rate and transport: each fact once.
        var options = ToOptions(request.Websocket);
        options.Validate();

        lock (_state.Lock)
        {
            var token = ServerParticipantRules.AdmitToRoutedSession(_state, request.SessionId, request.Token, "Audio Connector connections");
            var connector = new AudioConnectorRecord
            {
                Id = IdGenerator.NewResourceId().ToString("D"),
                SessionId = request.SessionId,
                ConnectionId = _live.AddServerConnection(request.SessionId, ConnectionKind.AudioConnector, token.ConnectionData),
                Options = options,
                CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(_state.Now.ToUnixTimeMilliseconds()),
            };
            _connectors.Add(connector);
            return new AudioConnection { Id = connector.Id, ConnectionId = connector.ConnectionId };
        }
    }

    /// <summary>Every connector made, oldest first (until a reset), stopped ones included.</summary>
    public IReadOnlyList<AudioConnectorRecord> Snapshot()
    {
        lock (_state.Lock)
        {
            return [.. _connectors];
        }
    }

    public void Clear() => _connectors.Clear();

    private static WebSocketOptions ToOptions(AudioConnectWebSocket websocket) => new()
    {
        Uri = websocket.Uri,
        Streams = websocket.Streams ?? [],
        Headers = websocket.Headers ?? new Dictionary<string, string>(),
        AudioRate = websocket.AudioRate,
        Bidirectional = websocket.Bidirectional,
        AudioTransport = websocket.AudioTransport,
    };
}
