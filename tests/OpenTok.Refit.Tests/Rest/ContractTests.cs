using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenTok.Refit.Testing;
using static OpenTok.Refit.Tests.Rest.RestFixtures;
using static OpenTok.Refit.Tests.TestCredentials;

namespace OpenTok.Refit.Tests.Rest;

/// <summary>What the SDK puts on a real socket for every endpoint, against a committed golden file.</summary>
public class ContractTests
{
    private static StubResponse Answer(RecordedRequest request) => request switch
    {
        { Method: "GET" } when request.Path.EndsWith("/broadcast", StringComparison.Ordinal) => StubResponse.Json($"{{\"count\":1,\"items\":[{BroadcastJson}]}}"),
        { Method: "POST" or "GET" } when request.Path.Contains("/broadcast", StringComparison.Ordinal) => StubResponse.Json(BroadcastJson),
        { Path: "/session/create" } => StubResponse.Json($$"""[{"session_id":"{{ExampleSessionId}}","project_id":"123456","partner_id":"123456","create_dt":"Fri Nov 21 2026","media_server_url":"","properties":null}]"""),
        { Method: "GET" } when request.Path.EndsWith("/archive", StringComparison.Ordinal) => StubResponse.Json(ArchiveListJson(1, [ArchiveId])),
        { Method: "DELETE" } or { Method: "PATCH" } => new StubResponse(204),
        { Method: "PUT" } when request.Path.EndsWith("/archive/storage", StringComparison.Ordinal) => StubResponse.Json(request.Body),
        { Method: "PUT" } => new StubResponse(200),
        _ => StubResponse.Json(ArchiveJson()),
    };

    [Fact]
    public async Task Every_session_and_archive_endpoint_sends_the_documented_request()
    {
        await using var stub = await StubServer.StartAsync(Answer);
        using var client = ClientFor(stub);

        await CallEveryEndpointAsync(client, ExampleSessionId);

        Snapshot.Match(string.Join("\n", stub.Requests.Select(r => r.ToSnapshot())));
    }

    /// <summary>Every session and archive endpoint once (some twice, with other options), in a fixed order.</summary>
    private static async Task CallEveryEndpointAsync(OpenTokClient client, string sessionId)
    {
        await client.CreateSessionAsync();
        await client.CreateSessionAsync(new SessionOptions { MediaMode = MediaMode.Routed, ArchiveMode = ArchiveMode.Always, ArchiveName = "Room 1", ArchiveResolution = Resolution.Hd, Location = "10.1.2.3", });
        await client.CreateSessionAsync(new SessionOptions { MediaMode = MediaMode.Routed, EndToEndEncryption = true });
        await client.Archives.StartAsync(sessionId);
        await client.Archives.StartAsync(sessionId, new ArchiveOptions
        {
            Name = "Room 1",
            HasVideo = false,
            StreamMode = StreamMode.Manual,
            MultiArchiveTag = "second",
            Layout = new Layout { Type = LayoutType.BestFit, ScreenshareType = LayoutType.Pip },
            Resolution = Resolution.FullHd,
            QuantizationParameter = 20,
            HasTranscription = true,
            TranscriptionProperties = new TranscriptionProperties { PrimaryLanguageCode = "en-US", HasSummary = true },
        });
        await client.Archives.StopAsync(ArchiveId);
        await client.Archives.GetAsync(ArchiveId);
        await client.Archives.DeleteAsync(ArchiveId);
        await client.Archives.ListAsync().AsPages(pageSize: 50).FirstAsync();
        await client.Archives.ListAsync(sessionId).FirstAsync();
        await client.Archives.SetLayoutAsync(ArchiveId, new Layout { Type = LayoutType.Custom, Stylesheet = "stream.instructor {position: absolute;}" });
        await client.Archives.AddStreamAsync(ArchiveId, "stream-1", hasVideo: false);
        await client.Archives.RemoveStreamAsync(ArchiveId, "stream-1");
        await client.Archives.SetStorageAsync(ArchiveStorage.S3("AKIA", "s3-secret", "bucket", "https://s3.example.com", "s3", "opentok"));
        await client.Archives.DeleteStorageAsync();
    }

    [Fact]
    public async Task Every_endpoint_of_a_Vonage_application_sends_the_documented_request()
    {
        await using var stub = await StubServer.StartAsync(Answer);
        using var client = TestApplication.AppClient(DateTimeOffset.UtcNow, o => { o.BaseAddress = stub.BaseAddress; o.Resilience.BaseDelay = TimeSpan.FromMilliseconds(5); });

        await CallEveryEndpointAsync(client, TestApplication.AppSessionId);

        Assert.All(stub.Requests, r => Assert.Null(r.AuthJwt));
        Snapshot.Match(string.Join("\n", stub.Requests.Select(r => r.ToSnapshot())));
    }

    [Fact]
    public async Task Every_attempt_of_a_Vonage_application_carries_a_fresh_RS256_bearer_JWT_that_an_independent_library_accepts()
    {
        await using var stub = await StubServer.StartAsync(Answer);
        using var client = TestApplication.AppClient(DateTimeOffset.UtcNow, o => o.BaseAddress = stub.BaseAddress);

        await client.Archives.GetAsync(ArchiveId);
        await client.Archives.GetAsync(ArchiveId);

        var ids = new List<string>();
        foreach (var request in stub.Requests)
        {
            Assert.StartsWith($"/v2/project/{TestApplication.AppId}/archive/", request.Path, StringComparison.Ordinal);
            var jwt = await Tokens.ApplicationTokenTests.ValidateWithIdentityModel(request.BearerJwt!, DateTimeOffset.UtcNow);
            Assert.Equal(TestApplication.AppId, jwt.GetClaim("application_id").Value);
            Assert.InRange(jwt.GetPayloadValue<long>("exp") - jwt.GetPayloadValue<long>("iat"), 1, 300);
            Assert.False(jwt.TryGetClaim("acl", out _));
            ids.Add(jwt.Id);
        }

        Assert.Equal(2, ids.Distinct().Count());
    }

    [Fact]
    public async Task Every_broadcast_endpoint_sends_the_documented_request()
    {
        await using var stub = await StubServer.StartAsync(Answer);
        using var client = ClientFor(stub);

        await client.Broadcasts.StartAsync(ExampleSessionId, new BroadcastOptions { Hls = new HlsOptions() });
        await client.Broadcasts.StartAsync(ExampleSessionId, new BroadcastOptions.Builder()
            .Hls(new HlsOptions { Dvr = true })
            .AddRtmp(new RtmpTarget { Id = "youtube", ServerUrl = "rtmps://a.rtmp.youtube.com/live2", StreamName = "key-1" })
            .AddRtmp(new RtmpTarget { ServerUrl = "rtmp://live.example.com/app", StreamName = "key 2" })
            .Layout(new Layout { Type = LayoutType.BestFit, ScreenshareType = LayoutType.VerticalPresentation })
            .MaxDuration(TimeSpan.FromHours(2))
            .MaxBitrate(2_000_000)
            .Resolution(Resolution.Hd)
            .StreamMode(StreamMode.Manual)
            .MultiBroadcastTag("second")
            .HasVideo(false)
            .Build());
        await client.Broadcasts.StopAsync(BroadcastId);
        await client.Broadcasts.GetAsync(BroadcastId);
        await client.Broadcasts.ListAsync().AsPages(pageSize: 50).FirstAsync();
        await client.Broadcasts.ListAsync(ExampleSessionId).FirstAsync();
        await client.Broadcasts.SetLayoutAsync(BroadcastId, new Layout { Type = LayoutType.Custom, Stylesheet = "stream.main {width: 100%;}" });
        await client.Broadcasts.AddStreamAsync(BroadcastId, "stream-1", hasAudio: false);
        await client.Broadcasts.RemoveStreamAsync(BroadcastId, "stream-1");

        Snapshot.Match(string.Join("\n", stub.Requests.Select(r => r.ToSnapshot())));
    }

    [Fact]
    public async Task Every_attempt_carries_a_fresh_project_JWT_that_an_independent_library_accepts()
    {
        await using var stub = await StubServer.StartAsync(Answer);
        using var client = ClientFor(stub);

        await client.Archives.GetAsync(ArchiveId);
        await client.Archives.GetAsync(ArchiveId);

        var ids = new List<string>();
        foreach (var request in stub.Requests)
        {
            Assert.StartsWith("OpenTok-Refit/", request.Headers["user-agent"], StringComparison.Ordinal);
            Assert.Equal("application/json", request.Headers["accept"]);
            Assert.False(request.Headers.ContainsKey("content-type"), "no body, so no Content-Type");
            var result = await new JsonWebTokenHandler().ValidateTokenAsync(request.AuthJwt, new TokenValidationParameters
            {
                IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(ApiSecret)),
                ValidIssuer = ApiKey,
                ValidateAudience = false,
            });
            Assert.True(result.IsValid, result.Exception?.ToString());
            var jwt = (JsonWebToken)result.SecurityToken;
            Assert.Equal("project", jwt.GetClaim("ist").Value);
            Assert.InRange(jwt.GetPayloadValue<long>("exp") - jwt.GetPayloadValue<long>("iat"), 1, 300);
            ids.Add(jwt.Id);
        }

        Assert.Equal(2, ids.Distinct().Count());
    }

    [Fact]
    public async Task The_user_agent_carries_the_configured_suffix()
    {
        await using var stub = await StubServer.StartAsync(Answer);
        using var client = ClientFor(stub, o => o.UserAgentSuffix = "my-app/4.5");

        await client.Archives.GetAsync(ArchiveId);

        Assert.EndsWith(" my-app/4.5", stub.Requests[0].Headers["user-agent"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_base_address_with_a_path_prefix_keeps_it()
    {
        await using var stub = await StubServer.StartAsync(Answer);
        using var client = ClientFor(stub, o => o.BaseAddress = new Uri(stub.BaseAddress, "prefix"));

        await client.Archives.GetAsync(ArchiveId);

        Assert.Equal($"/prefix/v2/project/123456/archive/{ArchiveId}", stub.Requests[0].Path);
    }
}
