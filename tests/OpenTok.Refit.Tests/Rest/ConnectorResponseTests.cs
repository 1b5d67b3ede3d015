using System.Net;
using System.Text.Json;
using OpenTok.Refit.Testing;
using static OpenTok.Refit.Tests.Rest.ConnectorFixtures;
using static OpenTok.Refit.Tests.Rest.RestFixtures;
using static OpenTok.Refit.Tests.TestCredentials;

namespace OpenTok.Refit.Tests.Rest;

/// <summary>The answers of SIP, the Audio Connector, live captions and an archive's transcription read into the models, unknown fields ignored, absent ones non-null.</summary>
public class ConnectorResponseTests
{
    private static readonly SipOptions Sip = new() { Uri = "sip:user@sip.example.com" };

    [Fact]
    public async Task A_SIP_call_reads_its_id_connection_and_stream()
    {
        await using var stub = await StubServer.StartAsync(_ => StubResponse.Json(SipCallJson));
        using var client = ClientFor(stub);

        var call = await client.Sip.DialAsync(ExampleSessionId, ClientToken, Sip);

        Assert.Equal(new SipCall { Id = SipCallId, ConnectionId = ConnectionId, StreamId = StreamId }, call);
    }

    [Fact]
    public async Task An_audio_connection_reads_its_id_and_connection()
    {
        await using var stub = await StubServer.StartAsync(_ => StubResponse.Json(AudioConnectionJson));
        using var client = ClientFor(stub);

        var connection = await client.AudioConnector.ConnectAsync(ExampleSessionId, ClientToken, new WebSocketOptions { Uri = "wss://ws.example.com" });

        Assert.Equal(new AudioConnection { Id = AudioConnectorId, ConnectionId = ConnectionId }, connection);
    }

    [Fact]
    public async Task Captions_started_with_202_read_their_id_and_stop_accepts_an_empty_202()
    {
        await using var stub = await StubServer.StartAsync(r => r.Path.EndsWith("/stop", StringComparison.Ordinal) ? new StubResponse(202) : new StubResponse(202, CaptionsJson));
        using var client = ClientFor(stub);

        var captions = await client.Captions.StartAsync(ExampleSessionId, ClientToken);
        await client.Captions.StopAsync(captions.CaptionsId);

        Assert.Equal(CaptionsId, captions.CaptionsId);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task A_second_captions_job_is_a_conflict_and_stopping_an_unknown_one_is_not_found()
    {
        await using var stub = await StubServer.StartAsync(r => r.Path.EndsWith("/stop", StringComparison.Ordinal)
            ? new StubResponse(404, """{"code":404,"message":"Captions not found"}""")
            : new StubResponse(409, """{"code":409,"message":"Audio captioning is already enabled for this session"}"""));
        using var client = ClientFor(stub);

        var conflict = await Assert.ThrowsAsync<OpenTokConflictException>(() => client.Captions.StartAsync(ExampleSessionId, ClientToken));
        var missing = await Assert.ThrowsAsync<OpenTokNotFoundException>(() => client.Captions.StopAsync(CaptionsId));

        Assert.Equal((HttpStatusCode.Conflict, "Audio captioning is already enabled for this session"), (conflict.StatusCode, conflict.ServerMessage));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task An_archive_reads_its_transcription_and_bit_rate_cap()
    {
        await using var stub = await StubServer.StartAsync(_ => StubResponse.Json(TranscribedArchiveJson));
        using var client = ClientFor(stub);

        var archive = await client.Archives.GetAsync(ArchiveId);

        Assert.Equal((2_000_000, (int?)null, true), (archive.MaxBitrate, archive.QuantizationParameter, archive.HasTranscription));
        Assert.Equal(
            new Transcription { Status = "requested", Reason = "", Url = "https://example.com/transcription.json", PrimaryLanguageCode = "fr-CA", HasSummary = true },
            archive.Transcription);
    }

    [Fact]
    public void Answers_without_their_fields_read_as_empty_not_null()
    {
        // Compared by property: record equality compares the backing fields, null where the getter says "".
        var call = JsonSerializer.Deserialize("{}", OpenTokJsonContext.Default.SipCall)!;
        Assert.Equal(("", "", ""), (call.Id, call.ConnectionId, call.StreamId));
        Assert.Equal("", JsonSerializer.Deserialize("{}", OpenTokJsonContext.Default.AudioConnection)!.ConnectionId);
        Assert.Equal("", JsonSerializer.Deserialize("{}", OpenTokJsonContext.Default.Captions)!.CaptionsId);
        Assert.Null(JsonSerializer.Deserialize("""{"status":"started"}""", OpenTokJsonContext.Default.Archive)!.Transcription);
    }

    [Fact]
    public async Task A_malformed_answer_is_an_api_exception_not_a_JsonException()
    {
        await using var stub = await StubServer.StartAsync(_ => StubResponse.Json("""{"id":"""));
        using var client = ClientFor(stub);

        var error = await Assert.ThrowsAsync<OpenTokApiException>(() => client.Sip.DialAsync(ExampleSessionId, ClientToken, Sip));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
    }
}
