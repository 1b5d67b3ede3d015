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

    public static string ArchiveListJson(int total, IEnumerable<string> ids) =>
        $$"""{ "count" : {{total}}, "items" : [ {{string.Join(", ", ids.Select(id => ArchiveJson(id)))}} ] }""";
}
