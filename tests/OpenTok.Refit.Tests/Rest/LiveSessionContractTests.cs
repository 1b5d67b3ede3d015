using OpenTok.Refit.Testing;
using static OpenTok.Refit.Tests.Rest.RestFixtures;
using static OpenTok.Refit.Tests.TestCredentials;

namespace OpenTok.Refit.Tests.Rest;

/// <summary>
/// What the signals, moderation, streams and connections areas put on a real socket, against committed golden files,
/// and how their answers are read.
/// </summary>
public class LiveSessionContractTests
{
    private const string StreamJson = """{"id":"8b732909-0a06-46a2-8ea8-074e64d43422","videoType":"screen","name":"Alice's screen","layoutClassList":["full","focus"]}""";

    private static StubResponse Answer(RecordedRequest request) => request switch
    {
        { Method: "GET" } when request.Path.EndsWith("/connection", StringComparison.Ordinal) => StubResponse.Json(
            """{"count":2,"projectId":"123456","sessionId":"s","items":[{"connectionId":"e9f8c166-6c67-440d-994a-04fb6dfed007","connectionState":"Connected","createdAt":1384221730000},{"connectionId":"b1963d15-537f-459a-be89-e00fc310b82b","connectionState":"Reconnecting","createdAt":1384221731000}]}"""),
        { Method: "GET" } when request.Path.EndsWith("/stream", StringComparison.Ordinal) => StubResponse.Json($$"""{"count":1,"items":[{{StreamJson}}]}"""),
        { Method: "GET" } => StubResponse.Json(StreamJson),
        // The mute endpoints answer with project details that the SDK does not read.
        { Method: "POST" } when request.Path.EndsWith("/mute", StringComparison.Ordinal) => StubResponse.Json("""{"applicationId":"123456","status":"ACTIVE","name":"Project","environment":"standard","createdAt":1414642898000}"""),
        { Method: "PUT" } => new StubResponse(200),
        _ => new StubResponse(204),
    };

    /// <summary>Every endpoint of the four areas once, some twice with other arguments, in a fixed order.</summary>
    private static async Task CallEveryEndpointAsync(OpenTokClient client, string sessionId)
    {
        await client.Signals.SendAsync(sessionId, new Signal { Type = "chat", Data = "Hello, \"everyone\" ☺" });
        await client.Signals.SendAsync(sessionId, new Signal.Builder().Data("untyped").Build());
        await client.Signals.SendToConnectionAsync(sessionId, "e9f8c166-6c67-440d-994a-04fb6dfed007", new Signal { Type = "private~1_a-b", Data = "" });
        await client.Moderation.ForceDisconnectAsync(sessionId, "e9f8c166-6c67-440d-994a-04fb6dfed007");
        await client.Moderation.ForceMuteStreamAsync(sessionId, "8b732909-0a06-46a2-8ea8-074e64d43422");
        await client.Moderation.ForceMuteAllAsync(sessionId);
        await client.Moderation.ForceMuteAllAsync(sessionId, ["8b732909-0a06-46a2-8ea8-074e64d43422", "stream-2"]);
        await client.Moderation.DisableForceMuteAsync(sessionId);
        await client.Streams.GetAsync(sessionId, "8b732909-0a06-46a2-8ea8-074e64d43422");
        await client.Streams.ListAsync(sessionId);
        await client.Streams.SetClassListsAsync(sessionId, [new StreamClassList("8b732909-0a06-46a2-8ea8-074e64d43422", ["full", "focus"]), new StreamClassList("stream-2", [])]);
        await client.Connections.ListAsync(sessionId);
    }

    [Fact]
    public async Task Every_signal_moderation_stream_and_connection_endpoint_sends_the_documented_request()
    {
        await using var stub = await StubServer.StartAsync(Answer);
        using var client = ClientFor(stub);

        await CallEveryEndpointAsync(client, ExampleSessionId);

        Snapshot.Match(string.Join("\n", stub.Requests.Select(r => r.ToSnapshot())));
    }

    [Fact]
    public async Task A_Vonage_application_sends_the_same_requests_under_its_application_id()
    {
        await using var stub = await StubServer.StartAsync(Answer);
        using var client = TestApplication.AppClient(DateTimeOffset.UtcNow, o => o.BaseAddress = stub.BaseAddress);

        await CallEveryEndpointAsync(client, TestApplication.AppSessionId);

        Assert.All(stub.Requests, r => Assert.NotNull(r.BearerJwt));
        Snapshot.Match(string.Join("\n", stub.Requests.Select(r => r.ToSnapshot())));
    }

    [Fact]
    public async Task Stream_mute_sends_no_body_and_no_content_type()
    {
        await using var stub = await StubServer.StartAsync(Answer);
        using var client = ClientFor(stub);

        await client.Moderation.ForceMuteStreamAsync(ExampleSessionId, "stream-1");

        var request = Assert.Single(stub.Requests);
        Assert.Equal("", request.Body);
        Assert.False(request.Headers.ContainsKey("content-type"));
    }

    [Fact]
    public async Task Streams_and_connections_are_read_with_their_states_and_unknown_states_kept()
    {
        await using var stub = await StubServer.StartAsync(Answer);
        using var client = ClientFor(stub);

        var stream = await client.Streams.GetAsync(ExampleSessionId, "8b732909-0a06-46a2-8ea8-074e64d43422");
        var streams = await client.Streams.ListAsync(ExampleSessionId);
        var connections = await client.Connections.ListAsync(ExampleSessionId);

        Assert.Equal(new SessionStream { Id = "8b732909-0a06-46a2-8ea8-074e64d43422", VideoType = VideoType.Screen, Name = "Alice's screen", LayoutClassList = stream.LayoutClassList }, stream);
        Assert.Equal(["full", "focus"], stream.LayoutClassList);
        Assert.Equal(stream.Id, Assert.Single(streams).Id);
        Assert.Equal(2, connections.Count);
        Assert.Equal(ConnectionState.Connected, connections[0].ConnectionState);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1384221730000), connections[0].CreatedAt);
        Assert.Equal("Reconnecting", connections[1].ConnectionState.ToString());
        Assert.False(connections[1].ConnectionState.IsKnown);
    }

    [Fact]
    public async Task A_missing_connection_is_a_not_found_error_naming_the_call()
    {
        await using var stub = await StubServer.StartAsync(_ => new StubResponse(404, """{"code":404,"message":"Not found. The client specified by the connectionId property is not connected to the session."}"""));
        using var client = ClientFor(stub);

        var error = await Assert.ThrowsAsync<OpenTokNotFoundException>(() => client.Signals.SendToConnectionAsync(ExampleSessionId, "gone", new Signal { Type = "t", Data = "d" }));

        Assert.Contains("/connection/gone/signal", error.Message, StringComparison.Ordinal);
        Assert.Contains("not connected", error.Message, StringComparison.Ordinal);
    }
}
