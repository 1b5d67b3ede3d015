using OpenTok.Refit.Testing;
using static OpenTok.Refit.Tests.Rest.ConnectorFixtures;
using static OpenTok.Refit.Tests.Rest.RestFixtures;
using static OpenTok.Refit.Tests.TestCredentials;

namespace OpenTok.Refit.Tests.Rest;

/// <summary>What the SDK puts on a real socket for SIP, DTMF, the Audio Connector, live captions and the archive extras, against committed golden files.</summary>
public class ConnectorContractTests
{
    private static StubResponse Answer(RecordedRequest request) => request switch
    {
        { Method: "POST" } when request.Path.EndsWith("/dial", StringComparison.Ordinal) => StubResponse.Json(SipCallJson),
        { Method: "POST" } when request.Path.EndsWith("/play-dtmf", StringComparison.Ordinal) => new StubResponse(200),
        { Method: "POST" } when request.Path.EndsWith("/connect", StringComparison.Ordinal) => StubResponse.Json(AudioConnectionJson),
        { Method: "DELETE" } => new StubResponse(204),
        { Method: "POST" } when request.Path.EndsWith("/stop", StringComparison.Ordinal) => new StubResponse(202),
        { Method: "POST" } when request.Path.EndsWith("/captions", StringComparison.Ordinal) => new StubResponse(202, CaptionsJson),
        _ => StubResponse.Json(TranscribedArchiveJson),
    };

    [Fact]
    public async Task Every_connector_captions_and_archive_extras_request_is_the_documented_one()
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
        using var client = TestApplication.AppClient(DateTimeOffset.UtcNow, o => { o.BaseAddress = stub.BaseAddress; o.Resilience.BaseDelay = TimeSpan.FromMilliseconds(5); });

        await CallEveryEndpointAsync(client, TestApplication.AppSessionId);

        Assert.All(stub.Requests, r => Assert.StartsWith($"/v2/project/{TestApplication.AppId}/", r.Path, StringComparison.Ordinal));
        Assert.All(stub.Requests, r => Assert.NotNull(r.BearerJwt));
        Snapshot.Match(string.Join("\n", stub.Requests.Select(r => r.ToSnapshot())));
    }

    /// <summary>Every new endpoint once (dial and connect twice: every field, then the fewest), in a fixed order.</summary>
    private static async Task CallEveryEndpointAsync(OpenTokClient client, string sessionId)
    {
        await client.Sip.DialAsync(sessionId, ClientToken, new SipOptions.Builder()
            .Uri("sip:user@sip.partner.com;transport=tls")
            .From("14155550101@example.com")
            .AddHeader("X-Custom-Id", "42")
            .AddHeader("X-Tenant", "acme")
            .Auth(new SipAuth { Username = "alice", Password = "s3cret" })
            .Secure(true)
            .Video(true)
            .ObserveForceMute(true)
            .AddStream(StreamId)
            .AddStream("stream-2")
            .Build());
        await client.Sip.DialAsync(sessionId, ClientToken, new SipOptions { Uri = "sips:+14155550101@gateway.example.com" });
        await client.Sip.PlayDtmfAsync(sessionId, "1234#*p9");
        await client.Sip.PlayDtmfToConnectionAsync(sessionId, ConnectionId, "0p#");

        await client.AudioConnector.ConnectAsync(sessionId, ClientToken, new WebSocketOptions.Builder()
            .Uri("wss://ws.example.com/socket?room=1")
            .AddStream(StreamId)
            .AddHeader("authorization", "Bearer abc")
            .AudioRate(AudioRate.Hz24000)
            .Bidirectional(true)
            .AudioTransport(new AudioTransport.Builder()
                .Transport(AudioTransportType.Json)
                .Encoding(AudioEncoding.Base64)
                .AudioField("audio_out")
                .ReceiveAudioField("audio_in")
                .AddStaticField("event", "media")
                .Build())
            .Build());
        await client.AudioConnector.ConnectAsync(sessionId, ClientToken, new WebSocketOptions { Uri = "ws://127.0.0.1:8080/" });
        await client.AudioConnector.StopAsync(sessionId, ConnectionId);

        await client.Captions.StartAsync(sessionId, ClientToken, new CaptionsOptions.Builder()
            .LanguageCode("fr-CA")
            .MaxDuration(TimeSpan.FromMinutes(30))
            .PartialCaptions(false)
            .StatusCallbackUrl("https://example.com/captions/status")
            .Build());
        await client.Captions.StartAsync(sessionId, ClientToken);
        await client.Captions.StopAsync(CaptionsId);

        await client.Archives.StartAsync(sessionId, new ArchiveOptions { Name = "Capped", Resolution = Resolution.Hd, MaxBitrate = 2_000_000 });
        await client.Archives.StartAsync(sessionId, new ArchiveOptions
        {
            Name = "Call",
            OutputMode = OutputMode.Individual,
            HasTranscription = true,
            TranscriptionProperties = new TranscriptionProperties { PrimaryLanguageCode = "fr-CA", HasSummary = true },
        });
    }
}
