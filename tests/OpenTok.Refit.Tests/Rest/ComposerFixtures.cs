using static OpenTok.Refit.Tests.TestCredentials;

namespace OpenTok.Refit.Tests.Rest;

/// <summary>Experience Composer, callback and project bodies as the service writes them, with fields the SDK does not know.</summary>
internal static class ComposerFixtures
{
    public const string RenderId = "80abaf0d-25a3-4efc-968f-6268d620668d";

    public const string CallbackId = "3c1f2c5d-6f1e-4a8b-9d2e-1f0e9b3e4f6a";

    public const string ProjectApiKey = "654321";

    /// <summary>A render as the service answers a start (202) or a read, with an unknown field.</summary>
    public static string RenderJson(string id = RenderId, string status = "started") => $$"""
        {
          "id" : "{{id}}",
          "sessionId" : "{{ExampleSessionId}}",
          "projectId" : 123456,
          "createdAt" : 1437676551000,
          "updatedAt" : 1437676552000,
          "url" : "https://webapp.example.com/room/1",
          "resolution" : "1280x720",
          "status" : "{{status}}",
          "streamId" : "e32445b743678c98230f238",
          "event" : "render",
          "someFutureField" : { "nested" : true }
        }
        """;

    public static string RenderListJson(int total, IEnumerable<string> ids) =>
        $$"""{ "count" : {{total}}, "items" : [ {{string.Join(", ", ids.Select(id => RenderJson(id)))}} ] }""";

    public static readonly string CallbackJson = $$"""
        { "id" : "{{CallbackId}}", "group" : "connection", "event" : "created", "url" : "https://example.com/events", "createdAt" : 1437676551000, "partnerId" : 123456 }
        """;

    /// <summary>Projects as the service writes them: the key as a number, the read-only status VALID, an unknown field.</summary>
    public static string ProjectJson(string id = ProjectApiKey, string status = "VALID", string secret = "0123456789abcdef0123456789abcdef01234567") => $$"""
        {
          "id" : {{id}},
          "secret" : "{{secret}}",
          "status" : "{{status}}",
          "name" : "Staging",
          "createdAt" : 1437676551000,
          "environment" : "standard",
          "environmentName" : "default",
          "environmentDescription" : "Standard Environment",
          "someFutureField" : 1
        }
        """;
}
