using static OpenTok.Refit.Tests.TestCredentials;

namespace OpenTok.Refit.Tests.Rest;

/// <summary>Realistic answers of the SIP, Audio Connector and live captions endpoints, and an archive with the newer fields.</summary>
internal static class ConnectorFixtures
{
    public const string SipCallId = "b0a5a8c7-dc38-459f-a48d-a7f2008da853";

    public const string ConnectionId = "e9f8c166-6c67-440d-994a-04fb6dfed007";

    public const string StreamId = "482bce73-f882-40fd-8ca5-cb74ff416036";

    public const string CaptionsId = "7c0680fc-6274-4de5-a66f-d0648e8d3ac2";

    public const string AudioConnectorId = "b0a5a8c7-dc38-459f-a48d-a7f2008da854";

    /// <summary>A client token as passed through to the service; the SDK does not read it, so any fixed text keeps the snapshot stable.</summary>
    public const string ClientToken = "T1==cGFydG5lcl9pZD0xMjM0NTYmc2lnPWZpeGVkOnNlc3Npb25faWQ9Zml4ZWQ=";

    /// <summary>A SIP dial answer with a field the SDK does not know.</summary>
    public static readonly string SipCallJson = $$"""{ "id" : "{{SipCallId}}", "connectionId" : "{{ConnectionId}}", "streamId" : "{{StreamId}}", "someFutureField" : true }""";

    /// <summary>An Audio Connector answer; Python's SDK reads a <c>bidirectional</c> echo, which the model ignores.</summary>
    public static readonly string AudioConnectionJson = $$"""{ "id" : "{{AudioConnectorId}}", "connectionId" : "{{ConnectionId}}", "bidirectional" : true }""";

    public static readonly string CaptionsJson = $$"""{ "captionsId" : "{{CaptionsId}}" }""";

    /// <summary>An individual archive with a transcription, as the .NET SDK's fixture shows it, and the bit-rate cap echoed.</summary>
    public static readonly string TranscribedArchiveJson = $$"""
        {
          "createdAt" : 1384221730000,
          "duration" : 0,
          "hasAudio" : true,
          "hasVideo" : true,
          "id" : "{{RestFixtures.ArchiveId}}",
          "name" : "Call",
          "outputMode" : "individual",
          "projectId" : 123456,
          "reason" : "",
          "sessionId" : "{{ExampleSessionId}}",
          "size" : 0,
          "status" : "started",
          "streamMode" : "auto",
          "url" : null,
          "maxBitrate" : 2000000,
          "hasTranscription" : true,
          "transcription" : {
            "status" : "requested",
            "reason" : "",
            "url" : "https://example.com/transcription.json",
            "primaryLanguageCode" : "fr-CA",
            "hasSummary" : true,
            "someFutureField" : 1
          }
        }
        """;
}
