using System.Net;
using System.Text.Json;
using OpenTok.Refit.Tokens;
using static OpenTok.Refit.Emulator.Tests.LiveSupport;
using static OpenTok.Refit.Emulator.Tests.Support;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>
/// The live-session endpoints straight on the wire, where the SDK's own checks cannot get in the way: the service's
/// status codes (400, 404, 413) and error body for every malformed request, and the answers' JSON as written.
/// </summary>
public sealed class LiveSessionWireTests : IAsyncLifetime
{
    private OpenTokEmulator _emulator = null!;
    private Session _session = null!;
    private EmulatedClient _alice = null!;
    private EmulatedPublication _camera = null!;

    public async ValueTask InitializeAsync()
    {
        _emulator = await StartAsync();
        using var opentok = _emulator.CreateClient();
        _session = await opentok.RoutedSessionAsync();
        _alice = await _emulator.JoinAsync(_session);
        _camera = await _alice.PublishAsync(Camera("cam"), Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _alice.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    public static TheoryData<string, string, string, string?, int> Violations() => new()
    {
        // name, method, path under the session (SESSION, CONNECTION, STREAM replaced), body, status
        { "signal body not JSON", "POST", "/signal", "{not json", 400 },
        { "signal body empty", "POST", "/signal", "", 400 },
        { "signal body an array", "POST", "/signal", "[]", 400 },
        { "signal without type", "POST", "/signal", """{"data":"x"}""", 400 },
        { "signal without data", "POST", "/signal", """{"type":"x"}""", 400 },
        { "signal type not a string", "POST", "/signal", """{"type":1,"data":"x"}""", 400 },
        { "signal data not a string", "POST", "/signal", """{"type":"x","data":{"a":1}}""", 400 },
        { "signal type null", "POST", "/signal", """{"type":null,"data":"x"}""", 400 },
        { "signal type with a space", "POST", "/signal", """{"type":"a b","data":"x"}""", 400 },
        { "signal type with a non-ASCII letter", "POST", "/signal", """{"type":"café","data":"x"}""", 400 },
        { "signal type of 129 bytes", "POST", "/signal", $$"""{"type":"{{new string('t', 129)}}","data":"x"}""", 413 },
        { "signal data over 8 kB", "POST", "/signal", $$"""{"type":"t","data":"{{new string('d', 8193)}}"}""", 413 },
        { "signal data over 8 kB in UTF-8 bytes", "POST", "/signal", $$"""{"type":"t","data":"{{new string('é', 4097)}}"}""", 413 },
        { "signal to a malformed session", "POST", "BAD_SESSION/signal", """{"type":"t","data":"x"}""", 400 },
        { "signal to an unknown session", "POST", "UNKNOWN_SESSION/signal", """{"type":"t","data":"x"}""", 404 },
        { "signal to a session with nobody", "POST", "EMPTY_SESSION/signal", """{"type":"t","data":"x"}""", 404 },
        { "signal to a connection id not a UUID", "POST", "/connection/abc/signal", """{"type":"t","data":"x"}""", 400 },
        { "signal to an unknown connection", "POST", "/connection/UNKNOWN_ID/signal", """{"type":"t","data":"x"}""", 404 },
        { "signal to a connection, data over 8 kB", "POST", "/connection/CONNECTION/signal", $$"""{"type":"t","data":"{{new string('d', 8193)}}"}""", 413 },
        { "force disconnect of a connection id not a UUID", "DELETE", "/connection/abc", null, 400 },
        { "force disconnect of an unknown connection", "DELETE", "/connection/UNKNOWN_ID", null, 404 },
        { "force disconnect in an unknown session", "DELETE", "UNKNOWN_SESSION/connection/CONNECTION", null, 404 },
        { "list connections of an unknown session", "GET", "UNKNOWN_SESSION/connection", null, 404 },
        { "list connections of a malformed session", "GET", "BAD_SESSION/connection", null, 400 },
        { "get a stream id not a UUID", "GET", "/stream/abc", null, 400 },
        { "get an unknown stream", "GET", "/stream/UNKNOWN_ID", null, 404 },
        { "get a stream of another session", "GET", "EMPTY_SESSION/stream/STREAM", null, 404 },
        { "list streams of an unknown session", "GET", "UNKNOWN_SESSION/stream", null, 404 },
        { "class lists without items", "PUT", "/stream", "{}", 400 },
        { "class lists with no items", "PUT", "/stream", """{"items":[]}""", 400 },
        { "class lists with items not an array", "PUT", "/stream", """{"items":"STREAM"}""", 400 },
        { "class lists with a null item", "PUT", "/stream", """{"items":[null]}""", 400 },
        { "class lists with an empty id", "PUT", "/stream", """{"items":[{"id":"","layoutClassList":["a"]}]}""", 400 },
        { "class lists without a class list", "PUT", "/stream", """{"items":[{"id":"STREAM"}]}""", 400 },
        { "class lists with a class holding a space", "PUT", "/stream", """{"items":[{"id":"STREAM","layoutClassList":["a b"]}]}""", 400 },
        { "class lists with a class not a string", "PUT", "/stream", """{"items":[{"id":"STREAM","layoutClassList":[1]}]}""", 400 },
        { "class lists of an unknown stream", "PUT", "/stream", """{"items":[{"id":"UNKNOWN_ID","layoutClassList":["a"]}]}""", 400 },
        { "class lists in an unknown session", "PUT", "UNKNOWN_SESSION/stream", """{"items":[{"id":"STREAM","layoutClassList":["a"]}]}""", 404 },
        { "mute a stream id not a UUID", "POST", "/stream/abc/mute", null, 400 },
        { "mute an unknown stream", "POST", "/stream/UNKNOWN_ID/mute", null, 404 },
        { "mute all without active", "POST", "/mute", "{}", 400 },
        { "mute all with active not a boolean", "POST", "/mute", """{"active":"true"}""", 400 },
        { "mute all with excluded ids not an array", "POST", "/mute", """{"active":true,"excludedStreamIds":"STREAM"}""", 400 },
        { "mute all with excluded ids not strings", "POST", "/mute", """{"active":true,"excludedStreamIds":[1]}""", 400 },
        { "mute all with a body not JSON", "POST", "/mute", "active=true", 400 },
        { "mute all in an unknown session", "POST", "UNKNOWN_SESSION/mute", """{"active":true}""", 404 },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public async Task Violations_get_the_service_status_and_error_body_and_change_nothing(string name, string method, string path, string? body, int status)
    {
        using var opentok = _emulator.CreateClient();
        var empty = await opentok.RoutedSessionAsync();
        var unknown = SessionId.Create(_emulator.ApiKey, "", DateTimeOffset.UtcNow, 0.5);
        string Fill(string text) => text
            .Replace("BAD_SESSION", "not-a-session", StringComparison.Ordinal)
            .Replace("UNKNOWN_SESSION", unknown, StringComparison.Ordinal)
            .Replace("EMPTY_SESSION", empty.SessionId, StringComparison.Ordinal)
            .Replace("CONNECTION", _alice.ConnectionId, StringComparison.Ordinal)
            .Replace("STREAM", _camera.StreamId, StringComparison.Ordinal)
            .Replace("UNKNOWN_ID", "00000000-0000-0000-0000-000000000001", StringComparison.Ordinal);
        var fullPath = path.StartsWith('/') ? _emulator.SessionPath(_session.SessionId, Fill(path)) : $"v2/project/{_emulator.ApiKey}/session/{Fill(path)}";

        using var response = await _emulator.SendAsync(new HttpMethod(method), fullPath, body is null ? null : Fill(body));

        Assert.True((int)response.StatusCode == status, $"{name}: expected {status}, got {(int)response.StatusCode}");
        var error = await response.ErrorAsync();
        Assert.Equal(status, error.Code);
        Assert.True(error.Message.Length <= 500, name);
        Assert.Empty(_alice.Signals.Drain());
        Assert.Equal((ConnectionState.Connected, false), (_alice.State, _camera.IsAudioMuted));
        Assert.Empty((await opentok.Streams.GetAsync(_session.SessionId, _camera.StreamId, Ct)).LayoutClassList);
    }

    [Fact]
    public async Task Signals_at_the_limits_are_delivered_with_204()
    {
        var type = new string('t', Signal.MaxTypeBytes);
        var data = new string('é', Signal.MaxDataBytes / 2);

        using var response = await _emulator.SendAsync(HttpMethod.Post, _emulator.SessionPath(_session.SessionId, $"/connection/{_alice.ConnectionId}/signal"),
            JsonSerializer.Serialize(new Dictionary<string, string> { ["type"] = type, ["data"] = data }));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal([new ReceivedSignal(type, data, null)], _alice.Signals.Drain());
    }

    [Fact]
    public async Task Muting_a_stream_needs_no_body_and_answers_200_with_the_projects_details()
    {
        foreach (var body in new[] { null, "{}" })
        {
            using var response = await _emulator.SendAsync(HttpMethod.Post, _emulator.SessionPath(_session.SessionId, $"/stream/{_camera.StreamId}/mute"), body);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var project = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            Assert.Equal(_emulator.ApiKey, project.RootElement.GetProperty("id").GetString());
            Assert.Equal("ACTIVE", project.RootElement.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Number, project.RootElement.GetProperty("createdAt").ValueKind);
        }

        Assert.True(_camera.IsAudioMuted);
    }

    [Fact]
    public async Task Mute_all_ignores_the_excludedStreams_name_one_SDK_sends_by_mistake()
    {
        using var response = await _emulator.SendAsync(HttpMethod.Post, _emulator.SessionPath(_session.SessionId, "/mute"),
            $$"""{"active":true,"excludedStreams":["{{_camera.StreamId}}"]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(_camera.IsAudioMuted);
    }

    [Fact]
    public async Task List_connections_names_the_project_and_the_session_with_millisecond_times()
    {
        using var response = await _emulator.SendAsync(HttpMethod.Get, _emulator.SessionPath(_session.SessionId, "/connection"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var root = list.RootElement;
        Assert.Equal((1, _emulator.ApiKey, _session.SessionId), (root.GetProperty("count").GetInt32(), root.GetProperty("projectId").GetString(), root.GetProperty("sessionId").GetString()));
        Assert.False(root.TryGetProperty("applicationId", out _));
        var item = Assert.Single(root.GetProperty("items").EnumerateArray().ToList());
        Assert.Equal((_alice.ConnectionId, "Connected"), (item.GetProperty("connectionId").GetString(), item.GetProperty("connectionState").GetString()));
        Assert.Equal(_alice.CreatedAt.ToUnixTimeMilliseconds(), item.GetProperty("createdAt").GetInt64());
    }

    [Fact]
    public async Task In_application_mode_list_connections_names_the_application_and_mute_answers_its_id()
    {
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Seed = 1, Application = EmulatedApplication.Generate() });
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        await using var client = await emulator.JoinAsync(session);
        using var http = emulator.RawClient();
        using var key = ApplicationTokens.ImportPrivateKey(emulator.PrivateKeyPem);

        async Task<JsonDocument> SendAsync(HttpMethod method, string rest, string? body)
        {
            var now = DateTimeOffset.UtcNow;
            using var request = new HttpRequestMessage(method, emulator.SessionPath(session.SessionId, rest));
            request.Headers.Authorization = new("Bearer", ApplicationTokens.CreateRestJwt(emulator.ApplicationId!, key, now, now.AddMinutes(3), Guid.NewGuid()));
            request.Content = body is null ? null : new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            using var response = await http.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        }

        using var list = await SendAsync(HttpMethod.Get, "/connection", null);
        using var project = await SendAsync(HttpMethod.Post, "/mute", """{"active":false}""");

        Assert.Equal(emulator.ApplicationId, list.RootElement.GetProperty("applicationId").GetString());
        Assert.False(list.RootElement.TryGetProperty("projectId", out _));
        Assert.Equal(emulator.ApplicationId, project.RootElement.GetProperty("applicationId").GetString());
    }
}
