using OpenTok.Refit.Testing;
using static OpenTok.Refit.Tests.TestCredentials;

namespace OpenTok.Refit.Tests.Rest;

/// <summary>Clients pointed at a stub, and realistic bodies as the service writes them.</summary>
internal static class RestFixtures
{
    public const string ArchiveId = "b40ef09b-3811-4726-b508-e41a0f96c68f";

    public static OpenTokClient ClientFor(StubServer stub, Action<OpenTokOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new OpenTokOptions { ApiKey = ApiKey, ApiSecret = ApiSecret, BaseAddress = stub.BaseAddress };
        options.Resilience.BaseDelay = TimeSpan.FromMilliseconds(5);
        configure?.Invoke(options);
        return new OpenTokClient(options, time ?? TimeProvider.System);
    }

    /// <summary>An archive as the service returns it, with fields the SDK does not know and a size over 2 GB.</summary>
    public static string ArchiveJson(string id = ArchiveId, string status = "available", long size = 3_221_225_472) => $$"""
        {
          "createdAt" : 1384221730000,
          "duration" : 5049,
          "hasAudio" : true,
          "hasVideo" : true,
          "id" : "{{id}}",
          "name" : "Foo",
          "outputMode" : "composed",
          "projectId" : 123456,
          "reason" : "",
          "resolution" : "640x480",
          "sessionId" : "{{ExampleSessionId}}",
          "size" : {{size}},
          "status" : "{{status}}",
          "streamMode" : "auto",
          "url" : "https://tokbox.com.archive2.s3.amazonaws.com/123456/{{id}}/archive.mp4",
          "event" : "archive",
          "updatedAt" : 1384221731000,
          "someFutureField" : { "nested" : [1, 2, 3] }
        }
        """;

    public const string BroadcastId = "1748b707-0a81-464c-9759-c46ad10d3734";

    /// <summary>A broadcast as the service returns it: HLS with DVR, two RTMP targets, fields the SDK does not know.</summary>
    public static readonly string BroadcastJson = $$"""
        {
          "id" : "{{BroadcastId}}",
          "sessionId" : "{{ExampleSessionId}}",
          "projectId" : 123456,
          "createdAt" : 1437676551000,
          "updatedAt" : 1437676551029,
          "maxDuration" : 7200,
          "maxBitrate" : 2000000,
          "resolution" : "1280x720",
          "status" : "started",
          "broadcastUrls" : {
            "hls" : "https://cdn.example.com/hls/{{BroadcastId}}/index.m3u8?DVR",
            "hlsStatus" : "live",
            "rtmp" : [
              { "id" : "youtube", "serverUrl" : "rtmps://a.rtmp.youtube.com/live2", "streamName" : "key-1", "status" : "live" },
              { "serverUrl" : "rtmp://live.example.com/app", "streamName" : "key 2", "status" : "reconnecting" }
            ]
          },
          "settings" : { "hls" : { "lowLatency" : false, "dvr" : true } },
          "hasAudio" : true,
          "hasVideo" : false,
          "streamMode" : "manual",
          "streams" : [ { "streamId" : "stream-1", "hasAudio" : false, "hasVideo" : true } ],
          "multiBroadcastTag" : "second",
          "event" : "broadcast",
          "someFutureField" : [1, 2]
        }
        """;

    public static string ArchiveListJson(int total, IEnumerable<string> ids) =>
        $$"""{ "count" : {{total}}, "items" : [ {{string.Join(", ", ids.Select(id => ArchiveJson(id)))}} ] }""";

    /// <summary>
    /// Proves a call is refused locally: it throws <see cref="OpenTokArgumentException"/> naming
    /// <paramref name="parameter"/>, and the stub server sees no request at all.
    /// </summary>
    public static async Task AssertRefusedBeforeSendingAsync(string parameter, Func<OpenTokClient, Task> call)
    {
        await using var stub = await StubServer.StartAsync();
        using var client = ClientFor(stub);

        var error = await Assert.ThrowsAsync<OpenTokArgumentException>(() => call(client));

        Assert.Equal(parameter, error.ParamName);
        Assert.Empty(stub.Requests);
    }
}
