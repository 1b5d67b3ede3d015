using System.Net;
using System.Net.Http.Json;
using static OpenTok.Refit.Emulator.Tests.LiveSupport;
using static OpenTok.Refit.Emulator.Tests.Support;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>
/// The Audio Connector end to end over real HTTP through the SDK: a connector is a connection of its session (no
/// stream) that clients see, <c>StopAsync</c> (a force disconnect) ends it, and refusals have the service's codes.
/// </summary>
public sealed class AudioConnectorTests
{
    private static readonly WebSocketOptions Socket = new() { Uri = "wss://transcriber.example.com/audio" };

    private static string ConnectPath(OpenTokEmulator emulator, string rest = "") => $"v2/project/{emulator.ApiKey}/connect{rest}";

    [Fact]
    public async Task A_connector_is_a_connection_without_a_stream_until_StopAsync_forces_it_out()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        await using var alice = await emulator.JoinAsync(session);
        await alice.PublishAsync(Camera("alice"), Ct);

        var connector = await opentok.AudioConnector.ConnectAsync(session.SessionId, session.GenerateToken(new TokenOptions { Data = "bot" }),
            Socket with { Bidirectional = true, AudioRate = AudioRate.Hz16000, AudioTransport = new AudioTransport { Transport = AudioTransportType.Json, Encoding = AudioEncoding.Base64 } }, Ct);

        Assert.True(Guid.TryParseExact(connector.Id, "D", out _));
        Assert.Equal(ConnectionState.Connected, (await opentok.Connections.ListAsync(session.SessionId, Ct)).Single(c => c.ConnectionId == connector.ConnectionId).ConnectionState);
        Assert.Single(await opentok.Streams.ListAsync(session.SessionId, Ct)); // alice's only: the connector publishes nothing
        Assert.Equal([new EmulatedClientEvent.ConnectionCreated(connector.ConnectionId, "bot")], alice.Events.Drain());

        await opentok.AudioConnector.StopAsync(session.SessionId, connector.ConnectionId, Ct);

        Assert.Equal(ConnectionState.Disconnected, (await opentok.Connections.ListAsync(session.SessionId, Ct)).Single(c => c.ConnectionId == connector.ConnectionId).ConnectionState);
        Assert.Equal([new EmulatedClientEvent.ConnectionDestroyed(connector.ConnectionId, EmulatedEndReason.ForceDisconnected)], alice.Events.Drain());
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => opentok.AudioConnector.StopAsync(session.SessionId, connector.ConnectionId, Ct));
    }

    [Fact]
    public async Task A_relayed_session_is_409_an_unknown_one_404_and_a_bad_token_400()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var relayed = await opentok.CreateSessionAsync(new SessionOptions { MediaMode = MediaMode.Relayed }, Ct);
        var session = await opentok.RoutedSessionAsync();
        var other = await opentok.RoutedSessionAsync();

        var conflict = await Assert.ThrowsAsync<OpenTokConflictException>(() => opentok.AudioConnector.ConnectAsync(relayed.SessionId, relayed.GenerateToken(), Socket, Ct));
        Assert.Equal(409, conflict.ErrorCode);
        Assert.Contains("routed", conflict.ServerMessage, StringComparison.Ordinal);

        var anotherSession = await Assert.ThrowsAsync<OpenTokApiException>(() => opentok.AudioConnector.ConnectAsync(session.SessionId, other.GenerateToken(), Socket, Ct));
        Assert.Equal(HttpStatusCode.BadRequest, anotherSession.StatusCode);
        Assert.Contains("is for session", anotherSession.ServerMessage, StringComparison.Ordinal);
        var garbage = await Assert.ThrowsAsync<OpenTokApiException>(() => opentok.AudioConnector.ConnectAsync(session.SessionId, "not-a-token", Socket, Ct));
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Empty(await opentok.Connections.ListAsync(session.SessionId, Ct));

        var token = session.GenerateToken();
        emulator.Reset();
        var unknown = await Assert.ThrowsAsync<OpenTokNotFoundException>(() => opentok.AudioConnector.ConnectAsync(session.SessionId, token, Socket, Ct));
        Assert.Equal(404, unknown.ErrorCode);
    }

    [Theory]
    [InlineData("""{"token":"TOKEN","websocket":{"uri":"wss://a.example.com"}}""", "sessionId")]
    [InlineData("""{"sessionId":"SESSION","websocket":{"uri":"wss://a.example.com"}}""", "token")]
    [InlineData("""{"sessionId":"SESSION","token":"TOKEN"}""", "websocket is required")]
    [InlineData("""{"sessionId":"SESSION","token":"TOKEN","websocket":{"uri":"https://a.example.com"}}""", "Uri")]
    [InlineData("""{"sessionId":"SESSION","token":"TOKEN","websocket":{"uri":"wss://a.example.com","audioRate":12345}}""", "AudioRate")]
    [InlineData("""{"sessionId":"SESSION","token":"TOKEN","websocket":{"uri":"wss://a.example.com","audioTransport":{"transport":"json"}}}""", "AudioTransport.Encoding")]
    [InlineData("""{"sessionId":"SESSION","token":"TOKEN","websocket":{"uri":"wss://a.example.com","streams":[""]}}""", "Streams")]
    [InlineData("""{"sessionId":"SESSION","token":"TOKEN","websocket":{"uri":"wss://a.example.com","bidirectional":"yes"}}""", "not valid JSON")]
    public async Task Bodies_that_break_the_rules_are_400_and_connect_nothing(string body, string mentioned)
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();

        using var response = await emulator.SendAsync(HttpMethod.Post, ConnectPath(emulator),
            body.Replace("SESSION", session.SessionId, StringComparison.Ordinal).Replace("TOKEN", session.GenerateToken(), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(mentioned, (await response.ErrorAsync()).Message, StringComparison.Ordinal);
        Assert.Empty(await opentok.Connections.ListAsync(session.SessionId, Ct));
    }

    [Fact]
    public async Task The_wire_answer_is_200_with_the_ids_and_the_deprecated_stop_path_is_not_served()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();

        using var connected = await emulator.SendAsync(HttpMethod.Post, ConnectPath(emulator),
            $$$"""{"sessionId":"{{{session.SessionId}}}","token":"{{{session.GenerateToken()}}}","websocket":{"uri":"ws://127.0.0.1:9/audio"}}""");
        Assert.Equal(HttpStatusCode.OK, connected.StatusCode);
        var connector = (await connected.Content.ReadFromJsonAsync(OpenTokJsonContext.Default.AudioConnection, Ct))!;

        using var stop = await emulator.SendAsync(HttpMethod.Post, ConnectPath(emulator, $"/{connector.ConnectionId}/stop"));
        Assert.Equal(HttpStatusCode.NotFound, stop.StatusCode);
        Assert.Equal(ConnectionState.Connected, (await opentok.Connections.ListAsync(session.SessionId, Ct)).Single().ConnectionState);
    }
}
