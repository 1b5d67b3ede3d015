using System.Net;
using System.Net.Http.Json;
using OpenTok.Refit.Tokens;
using static OpenTok.Refit.Emulator.Tests.Support;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>Rule violations straight on the wire (no SDK validation in between), with the service's status codes and error body.</summary>
public sealed class WireRuleTests : IAsyncLifetime
{
    private OpenTokEmulator _emulator = null!;
    private string _routed = "";
    private string _archiveId = "";

    public async ValueTask InitializeAsync()
    {
        _emulator = await StartAsync();
        using var client = _emulator.CreateClient();
        _routed = (await client.RoutedSessionAsync()).SessionId;
        _archiveId = (await client.Archives.StartAsync(_routed, cancellationToken: Ct)).Id;
    }

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();

    public static TheoryData<string, string, string, string?, int> Violations() => new()
    {
        // name, method, path (relative to v2/project/{apiKey}), body, status
        { "body not JSON", "POST", "/archive", "{not json", 400 },
        { "body empty", "POST", "/archive", "", 400 },
        { "sessionId missing", "POST", "/archive", """{"name":"x"}""", 400 },
        { "sessionId malformed", "POST", "/archive", """{"sessionId":"not-a-session"}""", 400 },
        { "session unknown", "POST", "/archive", "UNKNOWN_SESSION", 404 },
        { "resolution with individual", "POST", "/archive", """{"sessionId":"ROUTED","outputMode":"individual","resolution":"1280x720"}""", 400 },
        { "unknown resolution", "POST", "/archive", """{"sessionId":"ROUTED","resolution":"1x1"}""", 400 },
        { "no audio and no video", "POST", "/archive", """{"sessionId":"ROUTED","hasAudio":false,"hasVideo":false}""", 400 },
        { "custom layout without stylesheet", "POST", "/archive", """{"sessionId":"ROUTED","layout":{"type":"custom"}}""", 400 },
        { "already recording", "POST", "/archive", """{"sessionId":"ROUTED"}""", 409 },
        { "archive id not a UUID", "GET", "/archive/not-a-uuid", null, 400 },
        { "archive unknown", "GET", "/archive/00000000-0000-0000-0000-000000000001", null, 404 },
        { "stop unknown", "POST", "/archive/00000000-0000-0000-0000-000000000001/stop", null, 404 },
        { "delete while started", "DELETE", "/archive/ARCHIVE", null, 409 },
        { "count over 1000", "GET", "/archive?count=1001", null, 400 },
        { "count zero", "GET", "/archive?count=0", null, 400 },
        { "negative offset", "GET", "/archive?offset=-1", null, 400 },
        { "offset not a number", "GET", "/archive?offset=abc", null, 400 },
        { "layout with stylesheet but not custom", "PUT", "/archive/ARCHIVE/layout", """{"type":"pip","stylesheet":"x"}""", 400 },
        { "streams on an auto archive", "PATCH", "/archive/ARCHIVE/streams", """{"addStream":"s1"}""", 405 },
        { "streams with both add and remove", "PATCH", "/archive/ARCHIVE/streams", """{"addStream":"s1","removeStream":"s2"}""", 400 },
        { "storage of unknown type", "PUT", "/archive/storage", """{"type":"ftp","config":{}}""", 400 },
        { "storage missing bucket", "PUT", "/archive/storage", """{"type":"s3","config":{"accessKey":"a","secretKey":"b"}}""", 400 },
        { "unknown endpoint", "GET", "/broadcast-nope", null, 404 },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public async Task Violations_get_the_service_status_and_error_body(string name, string method, string path, string? body, int status)
    {
        var unknownSession = SessionId.Create(_emulator.ApiKey, "", DateTimeOffset.UtcNow, 0.5);
        body = body?.Replace("UNKNOWN_SESSION", $$"""{"sessionId":"{{unknownSession}}"}""", StringComparison.Ordinal)
            .Replace("ROUTED", _routed, StringComparison.Ordinal);
        path = path.Replace("ARCHIVE", _archiveId, StringComparison.Ordinal);

        using var response = await _emulator.SendAsync(new HttpMethod(method), $"v2/project/{_emulator.ApiKey}{path}", body);

        Assert.True(status == (int)response.StatusCode, $"{name}: expected {status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        var error = await response.ErrorAsync();
        Assert.Equal(status, error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    public static TheoryData<string, string> BadSessionForms() => new()
    {
        { "always needs routed", "p2p.preference=enabled&archiveMode=always" },
        { "e2ee needs routed", "p2p.preference=enabled&e2ee=true" },
        { "e2ee cannot be always archived", "p2p.preference=disabled&archiveMode=always&e2ee=true" },
        { "location not IPv4", "location=not-an-ip" },
        { "archiveName only with always", "archiveName=x" },
        { "unknown p2p value", "p2p.preference=sometimes" },
        { "unknown archive mode", "archiveMode=never" },
        { "bad e2ee", "e2ee=maybe" },
        { "unknown resolution", "p2p.preference=disabled&archiveMode=always&archiveResolution=1x1" },
    };

    [Theory]
    [MemberData(nameof(BadSessionForms))]
    public async Task Session_create_refuses_forms_that_break_the_rules(string name, string form)
    {
        using var client = _emulator.RawClient();
        using var request = _emulator.Request(HttpMethod.Post, "session/create");
        request.Content = new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await client.SendAsync(request, Ct);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: got {(int)response.StatusCode}");
        Assert.Equal(400, (await response.ErrorAsync()).Code);
    }

    [Fact]
    public async Task Session_create_defaults_to_routed_and_tolerates_the_empty_fields_older_SDKs_send()
    {
        using var client = _emulator.RawClient();
        using var request = _emulator.Request(HttpMethod.Post, "session/create");
        request.Content = new StringContent("location=&e2ee=False&archiveName=", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await client.SendAsync(request, Ct);

        response.EnsureSuccessStatusCode();
        var created = Assert.Single((await response.Content.ReadFromJsonAsync(OpenTokJsonContext.Default.CreatedSessionArray, Ct))!);
        Assert.Equal((_emulator.ApiKey, _emulator.ApiKey), (created.ProjectId, created.PartnerId));
        Assert.Equal(MediaMode.Routed, _emulator.Sessions.Single(s => s.SessionId == created.SessionId).MediaMode);
    }

    [Fact]
    public async Task Session_create_answers_XML_without_Accept_json_as_the_service_does()
    {
        using var client = _emulator.RawClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "session/create");
        request.Headers.TryAddWithoutValidation(Http.OpenTokAuthHandler.AuthHeaderName, _emulator.Jwt());
        request.Content = new FormUrlEncodedContent([new("p2p.preference", "disabled")]);

        using var response = await client.SendAsync(request, Ct);

        response.EnsureSuccessStatusCode();
        var xml = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var sessionId = xml.Root!.Element("Session")!.Element("session_id")!.Value;
        Assert.Equal(_emulator.ApiKey, SessionId.Decode(sessionId)!.ApiKey);
    }

    [Fact]
    public async Task Stop_accepts_the_empty_JSON_object_some_SDKs_send()
    {
        using var response = await _emulator.SendAsync(HttpMethod.Post, _emulator.ArchivePath($"/{_archiveId}/stop"), "{}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var archive = await response.Content.ReadFromJsonAsync(OpenTokJsonContext.Default.Archive, Ct);
        Assert.Equal(ArchiveStatus.Stopped, archive!.Status);
    }

    [Fact]
    public async Task A_minimal_start_body_gets_the_service_defaults()
    {
        var body = $$$"""{"sessionId":"{{{_routed}}}","multiArchiveTag":"minimal","layout":{"screenshareType":"pip"}}""";

        using var response = await _emulator.SendAsync(HttpMethod.Post, _emulator.ArchivePath(), body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var archive = (await response.Content.ReadFromJsonAsync(OpenTokJsonContext.Default.Archive, Ct))!;
        Assert.Equal((true, true, OutputMode.Composed, StreamMode.Auto), (archive.HasAudio, archive.HasVideo, archive.OutputMode, archive.StreamMode));
        Assert.Equal((Resolution?)Resolution.Sd, archive.Resolution);
        Assert.Equal("minimal", archive.MultiArchiveTag);
    }
}
