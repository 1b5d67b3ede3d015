using OpenTok.Refit.Testing;

namespace OpenTok.Refit.Tests.Events;

/// <summary>
/// Every payload the service's guides document (docs/callback-events.md), parsed: each snapshot lists every field the
/// event exposes, so a field read wrongly, or not at all, shows as a changed line.
/// </summary>
public sealed class EventPayloadTests
{
    private const string SessionId = "2_MX4xMzExMjU3MX5-MTQ3MDI1NzY3OTkxOH45QXRr";

    [Fact]
    public void Connection_created() => Match($$"""
        {
            "sessionId": "{{SessionId}}",
            "projectId": "123456",
            "event": "connectionCreated",
            "timestamp": 1470257688309,
            "connection": { "id": "c053fcc8-c681-41d5-8ec2-7a9e1434a21e", "createdAt": 1470257688143, "data": "TOKENDATA" }
        }
        """);

    [Fact]
    public void Connection_destroyed() => Match($$"""
        {
            "sessionId": "{{SessionId}}",
            "projectId": "123456",
            "event": "connectionDestroyed",
            "reason": "clientDisconnected",
            "timestamp": 1470258896953,
            "connection": { "id": "c053fcc8-c681-41d5-8ec2-7a9e1434a21e", "createdAt": 1470257688143, "data": "" }
        }
        """);

    [Fact]
    public void Stream_created() => Match($$"""
        {
            "sessionId": "{{SessionId}}",
            "projectId": "123456",
            "event": "streamCreated",
            "timestamp": 1470258860571,
            "stream": {
                "id": "63245362-e00e-4834-8371-9397deb3e452",
                "connection": { "id": "c053fcc8-c681-41d5-8ec2-7a9e1434a21e", "createdAt": 1470257688143, "data": "" },
                "createdAt": 1470258845416,
                "name": "",
                "videoType": "camera"
            }
        }
        """);

    [Fact]
    public void Stream_destroyed_when_a_screen_share_ended() => Match($$"""
        {
            "sessionId": "{{SessionId}}",
            "projectId": "123456",
            "event": "streamDestroyed",
            "reason": "mediaStopped",
            "timestamp": 1470258896953,
            "stream": {
                "id": "63245362-e00e-4834-8371-9397deb3e452",
                "connection": { "id": "c053fcc8-c681-41d5-8ec2-7a9e1434a21e", "createdAt": 1470257688143, "data": "name=Bob" },
                "createdAt": 1470258845416,
                "name": "Bob's screen",
                "videoType": "screen"
            }
        }
        """);

    [Fact]
    public void Audio_only_stream_has_no_video_type() => Match($$"""
        {
            "sessionId": "{{SessionId}}",
            "projectId": "123456",
            "event": "streamCreated",
            "timestamp": 1470258860571,
            "stream": { "id": "s-audio", "connection": { "id": "c-1", "createdAt": 1470257688143, "data": "" }, "createdAt": 1470258845416, "name": "" }
        }
        """);

    [Fact]
    public void Session_created() => Match($$"""
        { "sessionId": "{{SessionId}}", "projectId": "123456", "event": "sessionCreated", "timestamp": 1470257688309 }
        """);

    [Fact]
    public void Session_destroyed() => Match($$"""
        { "sessionId": "{{SessionId}}", "projectId": "123456", "event": "sessionDestroyed", "reason": "clientDisconnected", "timestamp": 1470258896953 }
        """);

    [Fact]
    public void Archive_available() => Match("""
        {
            "id" : "b40ef09b-3811-4726-b508-e41a0f96c68f",
            "event": "archive",
            "createdAt" : 1384221380000,
            "duration" : 328,
            "name" : "Foo",
            "partnerId" : 123456,
            "reason" : "",
            "resolution" : "640x480",
            "sessionId" : "2_MX40NzIwMzJ-flR1ZSBPY3QgMjkgMTI6MTM6MjMgUERUIDIwMTN-MC45NDQ2MzE2NH4",
            "size" : 18023312,
            "status" : "available",
            "url" : "https://tokbox.com.archive2.s3.amazonaws.com/123456/b40ef09b-3811-4726-b508-e41a0f96c68f/archive.mp4"
        }
        """);

    [Fact]
    public void Archive_started_in_manual_stream_mode_lists_its_streams() => Match("""
        {
            "id": "b40ef09b-3811-4726-b508-e41a0f96c68f",
            "event": "archive",
            "createdAt": 1384221380000,
            "duration": 0,
            "name": null,
            "partnerId": 123456,
            "reason": "",
            "sessionId": "2_MX40NzIwMzJ-flR1ZSBPY3QgMjkgMTI6MTM6MjMgUERUIDIwMTN-MC45NDQ2MzE2NH4",
            "size": 0,
            "status": "started",
            "url": null,
            "outputMode": "individual",
            "streamMode": "manual",
            "hasAudio": true,
            "hasVideo": true,
            "streams": [ { "streamId": "63245362-e00e-4834-8371-9397deb3e452", "hasAudio": true, "hasVideo": false } ]
        }
        """);

    [Fact]
    public void Archive_uploaded_has_no_url() => Match("""
        {
            "id": "b40ef09b-3811-4726-b508-e41a0f96c68f", "event": "archive", "createdAt": 1384221380000, "duration": 328,
            "name": "Foo", "partnerId": 123456, "reason": "", "resolution": "1280x720",
            "sessionId": "2_MX40NzIwMzJ-flR1ZSBPY3QgMjkgMTI6MTM6MjMgUERUIDIwMTN-MC45NDQ2MzE2NH4",
            "size": 18023312, "status": "uploaded", "url": null
        }
        """);

    [Fact]
    public void Archive_stopped_with_its_reason() => Match("""
        {
            "id": "b40ef09b-3811-4726-b508-e41a0f96c68f", "event": "archive", "createdAt": 1384221380000, "duration": 14400,
            "name": "Foo", "partnerId": 123456, "reason": "maximum duration exceeded",
            "sessionId": "2_MX40NzIwMzJ-flR1ZSBPY3QgMjkgMTI6MTM6MjMgUERUIDIwMTN-MC45NDQ2MzE2NH4",
            "size": 0, "status": "stopped", "url": null
        }
        """);

    [Fact]
    public void Archive_failed() => Match("""
        {
            "id": "b40ef09b-3811-4726-b508-e41a0f96c68f", "event": "archive", "createdAt": 1384221380000, "duration": 0,
            "name": "Foo", "partnerId": 123456, "reason": "failure",
            "sessionId": "2_MX40NzIwMzJ-flR1ZSBPY3QgMjkgMTI6MTM6MjMgUERUIDIwMTN-MC45NDQ2MzE2NH4",
            "size": 0, "status": "failed", "url": null
        }
        """);

    [Fact]
    public void Encrypted_archive_with_a_transcription_in_application_mode() => Match("""
        {
            "id": "b40ef09b-3811-4726-b508-e41a0f96c68f",
            "event": "archive",
            "applicationId": "78d335fa-323d-0114-9c3d-d6f0d48968cf",
            "createdAt": 1384221380000,
            "updatedAt": 1384221710000,
            "duration": 328,
            "name": "Interview",
            "reason": "user initiated",
            "sessionId": "1_MX43OGQzMzVmYS0zMjNkLTAxMTQtOWMzZC1kNmYwZDQ4OTY4Y2Z-fjE2NTEwODQwMjAwMDB-",
            "size": 18023312,
            "status": "available",
            "url": "https://example.com/archive.mp4",
            "outputMode": "individual",
            "streamMode": "auto",
            "hasAudio": true,
            "hasVideo": false,
            "password": "aGVsbG8tZW5jcnlwdGVkLXBhc3N3b3Jk",
            "hasTranscription": true,
            "transcription": { "status": "available", "url": "https://example.com/transcription.json", "reason": "", "primaryLanguageCode": "en-US", "hasSummary": true },
            "maxBitrate": 2000000
        }
        """);

    [Fact]
    public void Broadcast_started() => Match("""
        {
            "id": "1748b7070a81464c9759c46ad10d3734",
            "event": "broadcast",
            "sessionId": "2_MX4xMDBfjE0Mzc2NzY1NDgwMTJ-TjMzfn4",
            "projectId": 123456,
            "createdAt": 1437676551000,
            "updatedAt": 1437676551000,
            "resolution": "1280x720",
            "maxDuration": 7200,
            "maxBitrate": 2000000,
            "status": "started",
            "broadcastUrls": {
                "hls": "http://server/fakepath/playlist.m3u8",
                "hlsStatus": "live",
                "rtmp": [ { "id": "foo", "serverUrl": "rtmps://myfooserver/myfooapp", "streamName": "myfoostream", "status": "live" } ]
            },
            "settings": { "hls": { "lowLatency": false, "dvr": true } },
            "hasAudio": true,
            "hasVideo": true,
            "streamMode": "auto"
        }
        """);

    [Fact]
    public void Broadcast_without_an_event_field_is_read_by_its_urls() => Match("""
        { "id": "b-1", "sessionId": "2_MX4xMDBfjE0Mzc2NzY1NDgwMTJ-TjMzfn4", "applicationId": "app-1", "status": "stopped", "updatedAt": 1437680151000, "broadcastUrls": { "rtmp": [] } }
        """);

    [Fact]
    public void Sip_call_created() => Match($$"""
        {
          "sessionId": "{{SessionId}}",
          "projectId": "123456",
          "event": "callCreated",
          "timestamp": 1470257688309,
          "call": { "id": "<conference-id>", "connectionId": "<sip-ot-connection-id>", "createdAt": 1470257688143 }
        }
        """);

    [Fact]
    public void Sip_call_updated() => Match($$"""
        {
          "sessionId": "{{SessionId}}",
          "projectId": "123456",
          "event": "callUpdated",
          "state": "HANGUP",
          "timestamp": 1470257688309,
          "call": { "id": "<conference-id>", "connectionId": "<sip-ot-connection-id>", "createdAt": 1470257688143 }
        }
        """);

    [Fact]
    public void Sip_call_destroyed() => Match($$"""
        {
          "sessionId": "{{SessionId}}",
          "projectId": "123456",
          "event": "callDestroyed",
          "reason_code": "400",
          "reason_message": "Bad Request",
          "timestamp": 1470257688309,
          "call": { "id": "<conference-id>", "connectionId": "<sip-ot-connection-id>", "createdAt": 1470257688143 }
        }
        """);

    [Fact]
    public void Sip_mute_forced() => Match($$"""
        {
          "sessionId": "{{SessionId}}",
          "projectId": "123456",
          "event": "muteForced",
          "timestamp": 1470257688309,
          "call": { "id": "<conference-id>", "connectionId": "<sip-ot-connection-id>", "createdAt": 1470257688143 }
        }
        """);

    [Fact]
    public void Experience_composer_stopped() => Match("""
        { "id": "80abaf0d-25a3-4efc-968f-6268d620668d", "sessionId": "2_MX4xMDBfjE0Mzc2NzY1NDgwMTJ-TjMzfn4", "streamId": "e32445b743678c98230f238", "status": "stopped", "reason": "Max duration exceeded." }
        """);

    [Fact]
    public void Experience_composer_failed_without_a_stream() => Match("""
        { "id": "80abaf0d-25a3-4efc-968f-6268d620668d", "sessionId": "2_MX4xMDBfjE0Mzc2NzY1NDgwMTJ-TjMzfn4", "status": "failed", "reason": "Could not load the page." }
        """);

    [Fact]
    public void Experience_composer_started_with_the_newer_fields() => Match("""
        {
          "id": "80abaf0d-25a3-4efc-968f-6268d620668d",
          "sessionId": "2_MX4xMDBfjE0Mzc2NzY1NDgwMTJ-TjMzfn4",
          "applicationId": "78d335fa-323d-0114-9c3d-d6f0d48968cf",
          "createdAt": 1437676551000,
          "updatedAt": 1437676552000,
          "name": "Composed stream",
          "url": "https://webapp.customer.com",
          "resolution": "1280x720",
          "status": "started",
          "streamId": "e32445b743678c98230f238"
        }
        """);

    [Fact]
    public void Live_captions_stopped() => Match("""
        {
          "captionId": "7c0680fc-6274-4de5-a66f-d0648e8d3ac2",
          "applicationId": "78d335fa-323d-0114-9c3d-d6f0d48968cf",
          "sessionId": "2_MX4xMDBfjE0Mzc2NzY1NDgwMTJ-TjMzfn4",
          "status": "stopped",
          "createdAt": 1651084020000,
          "updatedAt": 1651084080000,
          "duration": 60,
          "languageCode": "en-US",
          "provider": "aws-transcribe",
          "reason": "Maximum duration exceeded",
          "group": "captions"
        }
        """);

    [Fact]
    public void An_unknown_kind_keeps_its_kind_and_common_fields() => Match($$"""
        { "sessionId": "{{SessionId}}", "projectId": "123456", "event": "streamPropertyChanged", "timestamp": 1470257688309, "stream": { "id": "s" } }
        """);

    private static void Match(string json, [System.Runtime.CompilerServices.CallerMemberName] string name = "") =>
        Snapshot.Match(EventDump.Of(OpenTokEvent.Parse(json)), name: name);
}
