using OpenTok.Refit.Testing;
using static OpenTok.Refit.Tests.Rest.RestFixtures;
using static OpenTok.Refit.Tests.TestCredentials;

namespace OpenTok.Refit.Tests.Rest;

/// <summary>The signals, moderation, streams and connections areas check every known rule before sending anything.</summary>
public class LiveSessionValidationTests
{
    private static readonly Signal Ok = new() { Type = "chat", Data = "hi" };

    public static TheoryData<string, Func<OpenTokClient, Task>> Cases => new()
    {
        { "sessionId", c => c.Signals.SendAsync("not-a-session", Ok) },
        { "sessionId", c => c.Signals.SendAsync(SessionFor("654321"), Ok) },
        { "Type", c => c.Signals.SendAsync(ExampleSessionId, new Signal { Type = new string('t', 129) }) },
        { "Type", c => c.Signals.SendAsync(ExampleSessionId, new Signal { Type = "chat message" }) },
        { "Type", c => c.Signals.SendAsync(ExampleSessionId, new Signal { Type = "café" }) },
        { "Type", c => c.Signals.SendAsync(ExampleSessionId, new Signal { Type = "a/b" }) },
        { "Data", c => c.Signals.SendAsync(ExampleSessionId, new Signal { Data = new string('d', 8 * 1024 + 1) }) },
        // 2,731 three-byte characters are 8,193 UTF-8 bytes: the limit is in bytes, not characters.
        { "Data", c => c.Signals.SendAsync(ExampleSessionId, new Signal { Data = new string('€', 2731) }) },
        { "connectionId", c => c.Signals.SendToConnectionAsync(ExampleSessionId, "", Ok) },
        { "connectionId", c => c.Signals.SendToConnectionAsync(ExampleSessionId, "../../archive", Ok) },
        { "sessionId", c => c.Signals.SendToConnectionAsync("x", "c", Ok) },
        { "connectionId", c => c.Moderation.ForceDisconnectAsync(ExampleSessionId, "c\r\nX: y") },
        { "sessionId", c => c.Moderation.ForceDisconnectAsync(SessionFor("654321"), "c") },
        { "streamId", c => c.Moderation.ForceMuteStreamAsync(ExampleSessionId, " ") },
        { "excludedStreamIds[1]", c => c.Moderation.ForceMuteAllAsync(ExampleSessionId, ["ok", "not ok"]) },
        { "excludedStreamIds[0]", c => c.Moderation.ForceMuteAllAsync(ExampleSessionId, [null!]) },
        { "sessionId", c => c.Moderation.DisableForceMuteAsync("") },
        { "streamId", c => c.Streams.GetAsync(ExampleSessionId, "a?b") },
        { "sessionId", c => c.Streams.ListAsync("garbage") },
        { "classLists", c => c.Streams.SetClassListsAsync(ExampleSessionId, []) },
        { "classLists", c => c.Streams.SetClassListsAsync(ExampleSessionId, [null!]) },
        { "classLists[0].Id", c => c.Streams.SetClassListsAsync(ExampleSessionId, [new StreamClassList("", ["a"])]) },
        { "classLists[1]", c => c.Streams.SetClassListsAsync(ExampleSessionId, [new StreamClassList("s1", ["a"]), new StreamClassList("s2", ["two words"])]) },
        { "classLists[0]", c => c.Streams.SetClassListsAsync(ExampleSessionId, [new StreamClassList("s1", [""])]) },
        { "classLists[0]", c => c.Streams.SetClassListsAsync(ExampleSessionId, [new StreamClassList("s1", null!)]) },
        { "sessionId", c => c.Connections.ListAsync(SessionFor("654321")) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Bad_input_is_a_typed_error_naming_what_was_wrong_and_nothing_is_sent(string parameter, Func<OpenTokClient, Task> call) =>
        AssertRefusedBeforeSendingAsync(parameter, call);

    [Fact]
    public async Task The_limits_themselves_are_allowed()
    {
        await using var stub = await StubServer.StartAsync();
        using var client = ClientFor(stub);

        await client.Signals.SendAsync(ExampleSessionId, new Signal { Type = new string('t', Signal.MaxTypeBytes), Data = new string('€', Signal.MaxDataBytes / 3) + "ab" });

        Assert.Equal(Signal.MaxDataBytes, System.Text.Encoding.UTF8.GetByteCount(System.Text.Json.JsonDocument.Parse(Assert.Single(stub.Requests).Body).RootElement.GetProperty("data").GetString()!));
    }

    [Fact]
    public void A_bad_type_names_the_character_and_its_position()
    {
        var error = Assert.Throws<OpenTokArgumentException>(() => new Signal { Type = "ok-so-far é" }.Validate());

        Assert.Contains("index 9 (U+0020)", error.Message, StringComparison.Ordinal);
    }
}
