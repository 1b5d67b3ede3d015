using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using static OpenTok.Refit.Emulator.Tests.Support;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>
/// Emulated clients driven over <c>/_emulator/clients</c> as a test in any language would: plain HTTP and JSON, no
/// JWT. Only the session and its tokens come from the SDK, standing in for the app's own server.
/// </summary>
public sealed class ClientControlEndpointTests : IAsyncLifetime
{
    private OpenTokEmulator _emulator = null!;
    private OpenTokClient _opentok = null!;
    private HttpClient _http = null!;
    private Session _session = null!;

    public async ValueTask InitializeAsync()
    {
        _emulator = await StartAsync();
        _opentok = _emulator.CreateClient();
        _http = new HttpClient { BaseAddress = _emulator.BaseAddress };
        _session = await _opentok.RoutedSessionAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        _opentok.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Clients_connect_publish_signal_read_and_leave_over_HTTP()
    {
        var alice = await ConnectAsync(_session.GenerateToken(new TokenOptions { Role = Role.Moderator, Data = "name=alice" }));
        var bob = await ConnectAsync(_session.GenerateToken());
        var aliceId = alice.GetProperty("connectionId").GetString()!;
        var bobId = bob.GetProperty("connectionId").GetString()!;
        Assert.Equal(("moderator", "name=alice", "Connected", _session.SessionId),
            (alice.GetProperty("role").GetString(), alice.GetProperty("data").GetString(), alice.GetProperty("state").GetString(), alice.GetProperty("sessionId").GetString()));
        Assert.Equal(JsonValueKind.Null, bob.GetProperty("data").ValueKind);

        // Alice publishes; the REST API and Bob see the stream.
        var stream = await SendOkAsync(HttpMethod.Post, $"_emulator/clients/{aliceId}/streams", """{"name":"cam","videoType":"screen","hasAudio":false}""");
        var streamId = stream.GetProperty("streamId").GetString()!;
        Assert.Equal(("cam", "screen", false, true, false),
            (stream.GetProperty("name").GetString(), stream.GetProperty("videoType").GetString(), stream.GetProperty("hasAudio").GetBoolean(),
                stream.GetProperty("hasVideo").GetBoolean(), stream.GetProperty("audioMuted").GetBoolean()));
        Assert.Equal(streamId, Assert.Single(await _opentok.Streams.ListAsync(_session.SessionId, Ct)).Id);
        var bobEvents = await DrainAsync(bobId, "events");
        Assert.Equal(["connectionCreated", "streamCreated"], bobEvents.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal((streamId, aliceId, "screen"), (bobEvents[1].GetProperty("streamId").GetString(), bobEvents[1].GetProperty("connectionId").GetString(), bobEvents[1].GetProperty("videoType").GetString()));

        // A server signal and a client signal reach Bob; reading drains.
        await _opentok.Signals.SendToConnectionAsync(_session.SessionId, bobId, new Signal { Type = "from-server", Data = "1" }, Ct);
        await SendAsync(HttpMethod.Post, $"_emulator/clients/{aliceId}/signals", $$"""{"type":"from-alice","data":"2","to":"{{bobId}}"}""", HttpStatusCode.NoContent);
        var signals = await DrainAsync(bobId, "signals");
        Assert.Equal([("from-server", "1", (string?)null), ("from-alice", "2", aliceId)],
            signals.Select(s => (s.GetProperty("type").GetString(), s.GetProperty("data").GetString(), s.GetProperty("from").GetString())));
        Assert.Empty(await DrainAsync(bobId, "signals"));

        // The server mutes Alice's stream: her state and events say so.
        await _opentok.Moderation.ForceMuteStreamAsync(_session.SessionId, streamId, Ct);
        var aliceNow = await SendOkAsync(HttpMethod.Get, $"_emulator/clients/{aliceId}", null);
        Assert.True(Assert.Single(aliceNow.GetProperty("streams").EnumerateArray().ToList()).GetProperty("audioMuted").GetBoolean());
        Assert.Contains(await DrainAsync(aliceId, "events"), e => e.GetProperty("type").GetString() == "muteForced" && e.GetProperty("streamId").GetString() == streamId);

        // Alice unpublishes, then leaves; Bob sees both; leaving again is fine.
        await SendAsync(HttpMethod.Delete, $"_emulator/clients/{aliceId}/streams/{streamId}", null, HttpStatusCode.NoContent);
        Assert.Empty(await _opentok.Streams.ListAsync(_session.SessionId, Ct));
        await SendAsync(HttpMethod.Delete, $"_emulator/clients/{aliceId}", null, HttpStatusCode.NoContent);
        await SendAsync(HttpMethod.Delete, $"_emulator/clients/{aliceId}", null, HttpStatusCode.NoContent);
        var left = await SendOkAsync(HttpMethod.Get, $"_emulator/clients/{aliceId}", null);
        Assert.Equal(("Disconnected", "clientDisconnected", 0), (left.GetProperty("state").GetString(), left.GetProperty("endReason").GetString(), left.GetProperty("streams").GetArrayLength()));
        var aliceLast = await DrainAsync(aliceId, "events");
        Assert.Equal(("disconnected", "clientDisconnected"), (aliceLast[^1].GetProperty("type").GetString(), aliceLast[^1].GetProperty("reason").GetString()));
        var bobLast = await DrainAsync(bobId, "events");
        Assert.Equal(
            [("streamDestroyed", "unpublished"), ("connectionDestroyed", "clientDisconnected")],
            bobLast.Select(e => (e.GetProperty("type").GetString(), e.GetProperty("reason").GetString())));
    }

    [Fact]
    public async Task A_client_connected_in_process_is_reachable_over_HTTP_and_the_reverse()
    {
        await using var inProcess = await _emulator.ConnectAsync(_session.SessionId, _session.GenerateToken(), Ct);
        var overHttp = (await ConnectAsync(_session.GenerateToken())).GetProperty("connectionId").GetString()!;

        await SendAsync(HttpMethod.Post, $"_emulator/clients/{overHttp}/signals", $$"""{"type":"t","data":"hello","to":"{{inProcess.ConnectionId}}"}""", HttpStatusCode.NoContent);
        await inProcess.SendSignalAsync("t", "back", overHttp, Ct);

        Assert.Equal(new ReceivedSignal("t", "hello", overHttp), await inProcess.Signals.ReadAsync(Ct));
        Assert.Equal("back", Assert.Single(await DrainAsync(overHttp, "signals")).GetProperty("data").GetString());
        Assert.Equal("Connected", (await SendOkAsync(HttpMethod.Get, $"_emulator/clients/{inProcess.ConnectionId}", null)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Refused_tokens_and_actions_name_their_reason()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Seed = 1, TimeProvider = clock });
        using var opentok = emulator.CreateClient();
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        var session = await opentok.RoutedSessionAsync();
        var other = await opentok.RoutedSessionAsync();
        var unknown = Tokens.SessionId.Create(emulator.ApiKey, "", DateTimeOffset.UtcNow, 0.5);
        var expiring = session.GenerateToken(new TokenOptions { ExpireTime = clock.GetUtcNow().AddMinutes(5) });
        using var foreign = new OpenTokClient(emulator.ApiKey, "another-secret-0123456789abcdef01234567");

        async Task<(HttpStatusCode, int, string?)> ConnectWithAsync(string sessionId, string token)
        {
            using var response = await PostAsync(http, "_emulator/clients", JsonSerializer.Serialize(new Dictionary<string, string> { ["sessionId"] = sessionId, ["token"] = token }));
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            return (response.StatusCode, body.RootElement.GetProperty("code").GetInt32(), body.RootElement.GetProperty("error").GetString());
        }

        Assert.Equal((HttpStatusCode.Forbidden, 403, "invalidToken"), await ConnectWithAsync(session.SessionId, foreign.GenerateToken(session.SessionId)));
        Assert.Equal((HttpStatusCode.Forbidden, 403, "tokenForAnotherSession"), await ConnectWithAsync(other.SessionId, session.GenerateToken()));
        Assert.Equal((HttpStatusCode.NotFound, 404, "unknownSession"), await ConnectWithAsync(unknown, opentok.GenerateToken(unknown)));
        Assert.Equal((HttpStatusCode.Forbidden, 403, "invalidToken"), await ConnectWithAsync(session.SessionId, new string('x', 60_000)));
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal((HttpStatusCode.Forbidden, 403, "expiredToken"), await ConnectWithAsync(session.SessionId, expiring));

        var subscriber = await emulator.ConnectAsync(session.SessionId, session.GenerateToken(new TokenOptions { Role = Role.Subscriber }), Ct);
        using (var publish = await PostAsync(http, $"_emulator/clients/{subscriber.ConnectionId}/streams", "{}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, publish.StatusCode);
            Assert.Equal("notPermitted", await ErrorOfAsync(publish));
        }

        using (var toNobody = await PostAsync(http, $"_emulator/clients/{subscriber.ConnectionId}/signals", $$"""{"type":"t","data":"x","to":"{{Guid.NewGuid()}}"}"""))
        {
            Assert.Equal(HttpStatusCode.NotFound, toNobody.StatusCode);
            Assert.Equal("notFound", await ErrorOfAsync(toNobody));
        }

        await subscriber.LeaveAsync(Ct);
        using var afterLeaving = await PostAsync(http, $"_emulator/clients/{subscriber.ConnectionId}/signals", """{"type":"t","data":"x"}""");
        Assert.Equal(HttpStatusCode.Conflict, afterLeaving.StatusCode);
        Assert.Equal("notConnected", await ErrorOfAsync(afterLeaving));
    }

    [Fact]
    public async Task A_reset_forgets_the_clients()
    {
        var id = (await ConnectAsync(_session.GenerateToken())).GetProperty("connectionId").GetString()!;

        using (var reset = await _http.PostAsync("_emulator/reset", null, Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        }

        using var gone = await _http.GetAsync($"_emulator/clients/{id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    public static TheoryData<string, string, string, string?, int> Malformed() => new()
    {
        // name, method, path (CLIENT replaced by a connected client's id), body, status
        { "connect: empty body", "POST", "_emulator/clients", "", 400 },
        { "connect: not JSON", "POST", "_emulator/clients", "{nope", 400 },
        { "connect: an array", "POST", "_emulator/clients", "[]", 400 },
        { "connect: no fields", "POST", "_emulator/clients", "{}", 400 },
        { "connect: no token", "POST", "_emulator/clients", """{"sessionId":"SESSION"}""", 400 },
        { "connect: sessionId a number", "POST", "_emulator/clients", """{"sessionId":1,"token":"TOKEN"}""", 400 },
        { "connect: token null", "POST", "_emulator/clients", """{"sessionId":"SESSION","token":null}""", 400 },
        { "connect: an unknown field", "POST", "_emulator/clients", """{"sessionId":"SESSION","token":"TOKEN","role":"moderator"}""", 400 },
        { "connect: a malformed session id", "POST", "_emulator/clients", """{"sessionId":"nope","token":"TOKEN"}""", 403 },
        { "client: id not a UUID", "GET", "_emulator/clients/abc", null, 400 },
        { "client: unknown id", "GET", "_emulator/clients/00000000-0000-0000-0000-000000000001", null, 404 },
        { "leave: unknown id", "DELETE", "_emulator/clients/00000000-0000-0000-0000-000000000001", null, 404 },
        { "publish: empty body", "POST", "_emulator/clients/CLIENT/streams", "", 400 },
        { "publish: unknown video type", "POST", "_emulator/clients/CLIENT/streams", """{"videoType":"webcam"}""", 400 },
        { "publish: hasAudio a string", "POST", "_emulator/clients/CLIENT/streams", """{"hasAudio":"yes"}""", 400 },
        { "publish: name a number", "POST", "_emulator/clients/CLIENT/streams", """{"name":5}""", 400 },
        { "publish: a misspelt field", "POST", "_emulator/clients/CLIENT/streams", """{"nmae":"cam"}""", 400 },
        { "publish: for an unknown client", "POST", "_emulator/clients/00000000-0000-0000-0000-000000000001/streams", "{}", 404 },
        { "unpublish: stream id not a UUID", "DELETE", "_emulator/clients/CLIENT/streams/abc", null, 400 },
        { "unpublish: a stream it never published", "DELETE", "_emulator/clients/CLIENT/streams/00000000-0000-0000-0000-000000000001", null, 404 },
        { "signal: no data", "POST", "_emulator/clients/CLIENT/signals", """{"type":"t"}""", 400 },
        { "signal: a bad type", "POST", "_emulator/clients/CLIENT/signals", """{"type":"a b","data":""}""", 400 },
        { "signal: a type too long", "POST", "_emulator/clients/CLIENT/signals", $$"""{"type":"{{new string('t', 129)}}","data":""}""", 413 },
        { "signal: data too large", "POST", "_emulator/clients/CLIENT/signals", $$"""{"type":"t","data":"{{new string('d', 8193)}}"}""", 413 },
        { "signal: to a number", "POST", "_emulator/clients/CLIENT/signals", """{"type":"t","data":"x","to":5}""", 400 },
        { "signal: a misspelt field", "POST", "_emulator/clients/CLIENT/signals", """{"type":"t","data":"x","too":"y"}""", 400 },
        { "signal: text/plain", "POST", "_emulator/clients/CLIENT/signals", "TEXT", 400 },
        { "signals: id not a UUID", "GET", "_emulator/clients/abc/signals", null, 400 },
        { "events: unknown id", "GET", "_emulator/clients/00000000-0000-0000-0000-000000000001/events", null, 404 },
        { "an unknown control path", "GET", "_emulator/clients/CLIENT/nothing", null, 404 },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Every_malformed_control_request_is_a_4xx_with_the_error_body(string name, string method, string path, string? body, int status)
    {
        await using var client = await _emulator.ConnectAsync(_session.SessionId, _session.GenerateToken(), Ct);
        string Fill(string text) => text
            .Replace("CLIENT", client.ConnectionId, StringComparison.Ordinal)
            .Replace("SESSION", _session.SessionId, StringComparison.Ordinal)
            .Replace("TOKEN", _session.GenerateToken(), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(method), Fill(path));
        if (body is not null)
        {
            request.Content = body == "TEXT" ? new StringContent("type=t", Encoding.UTF8, "text/plain") : new StringContent(Fill(body), Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request, Ct);

        Assert.True((int)response.StatusCode == status, $"{name}: expected {status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(status, error.RootElement.GetProperty("code").GetInt32());
        Assert.Equal(ConnectionState.Connected, client.State);
        Assert.Empty(client.Publications);
        Assert.Empty(LiveSupport.Drain(client.Signals));
    }

    private async Task<JsonElement> ConnectAsync(string token) =>
        await SendOkAsync(HttpMethod.Post, "_emulator/clients", JsonSerializer.Serialize(new Dictionary<string, string> { ["sessionId"] = _session.SessionId, ["token"] = token }));

    private async Task<List<JsonElement>> DrainAsync(string connectionId, string what)
    {
        var list = await SendOkAsync(HttpMethod.Get, $"_emulator/clients/{connectionId}/{what}", null);
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(items.Count, list.GetProperty("count").GetInt32());
        return items;
    }

    private async Task<JsonElement> SendOkAsync(HttpMethod method, string path, string? body) =>
        (await SendAsync(method, path, body, HttpStatusCode.OK))!.Value;

    private async Task<JsonElement?> SendAsync(HttpMethod method, string path, string? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{method} {path}: {(int)response.StatusCode} {text}");
        if (text.Length == 0)
        {
            return null;
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static async Task<string?> ErrorOfAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return body.RootElement.GetProperty("error").GetString();
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string json) =>
        http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), Ct);
}
