using OpenTok.Refit.Testing;
using static OpenTok.Refit.Tests.Rest.ConnectorFixtures;
using static OpenTok.Refit.Tests.Rest.RestFixtures;
using static OpenTok.Refit.Tests.TestCredentials;

namespace OpenTok.Refit.Tests.Rest;

/// <summary>Every local rule of SIP, DTMF, the Audio Connector, live captions and the archive extras is checked before anything is sent.</summary>
public class ConnectorValidationTests
{
    private static readonly SipOptions Sip = new() { Uri = "sip:user@sip.example.com" };

    private static readonly WebSocketOptions Socket = new() { Uri = "wss://ws.example.com/socket" };

    private static AudioTransport Json => new() { Transport = AudioTransportType.Json, Encoding = AudioEncoding.Base64 };

    public static TheoryData<string, Func<OpenTokClient, Task>> Cases => new()
    {
        // SIP dial.
        { "sessionId", c => c.Sip.DialAsync(SessionFor("654321"), ClientToken, Sip) },
        { "sessionId", c => c.Sip.DialAsync("not-a-session", ClientToken, Sip) },
        { "token", c => c.Sip.DialAsync(ExampleSessionId, " ", Sip) },
        { "Uri", c => c.Sip.DialAsync(ExampleSessionId, ClientToken, new SipOptions()) },
        { "Uri", c => c.Sip.DialAsync(ExampleSessionId, ClientToken, new SipOptions { Uri = "https://sip.example.com" }) },
        { "Uri", c => c.Sip.DialAsync(ExampleSessionId, ClientToken, new SipOptions { Uri = "sip:" }) },
        { "Uri", c => c.Sip.DialAsync(ExampleSessionId, ClientToken, new SipOptions { Uri = "sip:user@host\r\nX-Evil: 1" }) },
        { "From", c => c.Sip.DialAsync(ExampleSessionId, ClientToken, Sip with { From = "caller" }) },
        { "From", c => c.Sip.DialAsync(ExampleSessionId, ClientToken, Sip with { From = "a@b@c" }) },
        { "From", c => c.Sip.DialAsync(ExampleSessionId, ClientToken, Sip with { From = "@example.com" }) },
        { "Headers", c => c.Sip.DialAsync(ExampleSessionId, ClientToken, Sip with { Headers = new Dictionary<string, string> { ["Custom"] = "1" } }) },
        { "Headers", c => c.Sip.DialAsync(ExampleSessionId, ClientToken, Sip with { Headers = new Dictionary<string, string> { ["X-"] = "1" } }) },
        { "Headers", c => c.Sip.DialAsync(ExampleSessionId, ClientToken, Sip with { Headers = new Dictionary<string, string> { ["X-Id"] = "1\r\nX-Evil: 2" } }) },
        { "Auth.Username", c => c.Sip.DialAsync(ExampleSessionId, ClientToken, Sip with { Auth = new SipAuth { Password = "p" } }) },
        { "Auth.Password", c => c.Sip.DialAsync(ExampleSessionId, ClientToken, Sip with { Auth = new SipAuth { Username = "u" } }) },
        { "Streams", c => c.Sip.DialAsync(ExampleSessionId, ClientToken, Sip with { Streams = ["ok", ""] }) },

        // DTMF.
        { "digits", c => c.Sip.PlayDtmfAsync(ExampleSessionId, "") },
        { "digits", c => c.Sip.PlayDtmfAsync(ExampleSessionId, "12a") },
        { "digits", c => c.Sip.PlayDtmfToConnectionAsync(ExampleSessionId, ConnectionId, "1 2") },
        { "digits", c => c.Sip.PlayDtmfToConnectionAsync(ExampleSessionId, ConnectionId, "P") },
        { "sessionId", c => c.Sip.PlayDtmfAsync(SessionFor("654321"), "1") },
        { "connectionId", c => c.Sip.PlayDtmfToConnectionAsync(ExampleSessionId, "../../dial", "1") },
        { "connectionId", c => c.Sip.PlayDtmfToConnectionAsync(ExampleSessionId, "", "1") },

        // Audio Connector.
        { "sessionId", c => c.AudioConnector.ConnectAsync("garbage", ClientToken, Socket) },
        { "token", c => c.AudioConnector.ConnectAsync(ExampleSessionId, "", Socket) },
        { "Uri", c => c.AudioConnector.ConnectAsync(ExampleSessionId, ClientToken, new WebSocketOptions()) },
        { "Uri", c => c.AudioConnector.ConnectAsync(ExampleSessionId, ClientToken, new WebSocketOptions { Uri = "https://ws.example.com/socket" }) },
        { "Uri", c => c.AudioConnector.ConnectAsync(ExampleSessionId, ClientToken, new WebSocketOptions { Uri = "/socket" }) },
        { "Streams", c => c.AudioConnector.ConnectAsync(ExampleSessionId, ClientToken, Socket with { Streams = [" "] }) },
        { "Headers", c => c.AudioConnector.ConnectAsync(ExampleSessionId, ClientToken, Socket with { Headers = new Dictionary<string, string> { ["h"] = new string('v', 512) } }) },
        { "Headers", c => c.AudioConnector.ConnectAsync(ExampleSessionId, ClientToken, Socket with { Headers = new Dictionary<string, string> { ["h"] = "a\nb" } }) },
        { "AudioRate", c => c.AudioConnector.ConnectAsync(ExampleSessionId, ClientToken, Socket with { AudioRate = (AudioRate)44100 }) },
        { "AudioTransport.Transport", c => c.AudioConnector.ConnectAsync(ExampleSessionId, ClientToken, Socket with { AudioTransport = new AudioTransport { Transport = new AudioTransportType("xml") } }) },
        { "AudioTransport.Encoding", c => c.AudioConnector.ConnectAsync(ExampleSessionId, ClientToken, Socket with { AudioTransport = new AudioTransport { Transport = AudioTransportType.Json } }) },
        { "AudioTransport.Encoding", c => c.AudioConnector.ConnectAsync(ExampleSessionId, ClientToken, Socket with { AudioTransport = Json with { Encoding = new AudioEncoding("hex") } }) },
        { "AudioTransport.AudioField", c => c.AudioConnector.ConnectAsync(ExampleSessionId, ClientToken, Socket with { AudioTransport = Json with { AudioField = "" } }) },
        { "AudioTransport.ReceiveAudioField", c => c.AudioConnector.ConnectAsync(ExampleSessionId, ClientToken, Socket with { AudioTransport = Json with { ReceiveAudioField = " " } }) },
        { "AudioTransport.StaticFields", c => c.AudioConnector.ConnectAsync(ExampleSessionId, ClientToken, Socket with { AudioTransport = Json with { StaticFields = new Dictionary<string, string> { [""] = "x" } } }) },
        { "sessionId", c => c.AudioConnector.StopAsync(SessionFor("654321"), ConnectionId) },
        { "connectionId", c => c.AudioConnector.StopAsync(ExampleSessionId, "a/b") },

        // Live captions.
        { "sessionId", c => c.Captions.StartAsync(SessionFor("654321"), ClientToken) },
        { "token", c => c.Captions.StartAsync(ExampleSessionId, null!) },
        { "LanguageCode", c => c.Captions.StartAsync(ExampleSessionId, ClientToken, new CaptionsOptions { LanguageCode = "english" }) },
        { "LanguageCode", c => c.Captions.StartAsync(ExampleSessionId, ClientToken, new CaptionsOptions { LanguageCode = "EN-us" }) },
        { "MaxDuration", c => c.Captions.StartAsync(ExampleSessionId, ClientToken, new CaptionsOptions { MaxDuration = TimeSpan.FromSeconds(299) }) },
        { "MaxDuration", c => c.Captions.StartAsync(ExampleSessionId, ClientToken, new CaptionsOptions { MaxDuration = TimeSpan.FromSeconds(14401) }) },
        { "StatusCallbackUrl", c => c.Captions.StartAsync(ExampleSessionId, ClientToken, new CaptionsOptions { StatusCallbackUrl = "https://a.io/" }) },
        { "StatusCallbackUrl", c => c.Captions.StartAsync(ExampleSessionId, ClientToken, new CaptionsOptions { StatusCallbackUrl = "https://example.com/" + new string('a', 2030) }) },
        { "StatusCallbackUrl", c => c.Captions.StartAsync(ExampleSessionId, ClientToken, new CaptionsOptions { StatusCallbackUrl = "ftp://example.com/status" }) },
        { "captionsId", c => c.Captions.StopAsync("not-a-uuid") },
        { "captionsId", c => c.Captions.StopAsync(CaptionsId + "/../x") },

        // Archive extras.
        { "MaxBitrate", c => c.Archives.StartAsync(ExampleSessionId, new ArchiveOptions { MaxBitrate = 99_999 }) },
        { "MaxBitrate", c => c.Archives.StartAsync(ExampleSessionId, new ArchiveOptions { MaxBitrate = 6_000_001 }) },
        { "MaxBitrate", c => c.Archives.StartAsync(ExampleSessionId, new ArchiveOptions { OutputMode = OutputMode.Individual, MaxBitrate = 1_000_000 }) },
        { "QuantizationParameter", c => c.Archives.StartAsync(ExampleSessionId, new ArchiveOptions { QuantizationParameter = 14 }) },
        { "QuantizationParameter", c => c.Archives.StartAsync(ExampleSessionId, new ArchiveOptions { OutputMode = OutputMode.Individual, QuantizationParameter = 20 }) },
        { "QuantizationParameter", c => c.Archives.StartAsync(ExampleSessionId, new ArchiveOptions { MaxBitrate = 1_000_000, QuantizationParameter = 20 }) },
        { "TranscriptionProperties", c => c.Archives.StartAsync(ExampleSessionId, new ArchiveOptions { TranscriptionProperties = new TranscriptionProperties { HasSummary = true } }) },
        { "TranscriptionProperties.PrimaryLanguageCode", c => c.Archives.StartAsync(ExampleSessionId, new ArchiveOptions { HasTranscription = true, TranscriptionProperties = new TranscriptionProperties { PrimaryLanguageCode = "en_US" } }) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Bad_input_is_a_typed_error_naming_what_was_wrong_and_nothing_is_sent(string parameter, Func<OpenTokClient, Task> call) =>
        AssertRefusedBeforeSendingAsync(parameter, call);

    [Theory]
    [InlineData("12a", "'a' at position 3")]
    [InlineData("1#*p0x9", "'x' at position 6")]
    [InlineData("1\u00002", "U+0000 at position 2")]
    [InlineData("１", "'１' at position 1")] // a full-width digit is not a DTMF digit
    [InlineData("", "at least one")]
    public async Task A_bad_DTMF_string_is_refused_naming_its_first_bad_character(string digits, string named)
    {
        await using var stub = await StubServer.StartAsync();
        using var client = ClientFor(stub);

        var error = await Assert.ThrowsAsync<OpenTokArgumentException>(() => client.Sip.PlayDtmfAsync(ExampleSessionId, digits));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task Values_at_the_edges_of_every_range_are_sent()
    {
        await using var stub = await StubServer.StartAsync(_ => new StubResponse(202, CaptionsJson));
        using var client = ClientFor(stub);

        await client.Captions.StartAsync(ExampleSessionId, ClientToken, new CaptionsOptions { MaxDuration = TimeSpan.FromSeconds(300), LanguageCode = "ckb-IQ", StatusCallbackUrl = "https://a.io/abc" });
        await client.Captions.StartAsync(ExampleSessionId, ClientToken, new CaptionsOptions { MaxDuration = TimeSpan.FromSeconds(14400), StatusCallbackUrl = "https://example.com/" + new string('a', 2028) });
        await client.Sip.PlayDtmfAsync(ExampleSessionId, "0123456789*#p");
        await client.AudioConnector.ConnectAsync(ExampleSessionId, ClientToken, Socket with { Headers = new Dictionary<string, string> { ["h"] = new string('v', 511) } });
        await client.Archives.StartAsync(ExampleSessionId, new ArchiveOptions { MaxBitrate = 100_000 });
        await client.Archives.StartAsync(ExampleSessionId, new ArchiveOptions { MaxBitrate = 6_000_000 });
        await client.Archives.StartAsync(ExampleSessionId, new ArchiveOptions { QuantizationParameter = 15 });
        await client.Archives.StartAsync(ExampleSessionId, new ArchiveOptions { QuantizationParameter = 40 });

        Assert.Equal(8, stub.Requests.Count);
    }

    [Fact]
    public void The_SIP_password_never_appears_in_ToString()
    {
        var options = Sip with { Auth = new SipAuth { Username = "alice", Password = "hunter2-secret" } };

        Assert.DoesNotContain("hunter2-secret", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("alice", options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", options.Auth!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Builders_run_the_rules_and_chain_immutably()
    {
        var builder = new SipOptions.Builder().Uri("sip:a@b.example.com");
        var withHeader = builder.AddHeader("X-Id", "1");

        Assert.Empty(builder.Build().Headers);
        Assert.Equal("1", withHeader.Build().Headers["X-Id"]);
        Assert.Equal("Headers", Assert.Throws<OpenTokArgumentException>(() => builder.AddHeader("Id", "1").Build()).ParamName);
        Assert.Equal("Uri", Assert.Throws<OpenTokArgumentException>(() => new WebSocketOptions.Builder().Uri("http://x.example").Build()).ParamName);
        Assert.Equal("MaxDuration", Assert.Throws<OpenTokArgumentException>(() => new CaptionsOptions.Builder().MaxDuration(TimeSpan.FromMinutes(1)).Build()).ParamName);
        Assert.Equal("AudioTransport.Encoding", Assert.Throws<OpenTokArgumentException>(() => new AudioTransport.Builder().Transport(AudioTransportType.Json).Build()).ParamName);
        Assert.Equal("Auth.Password", Assert.Throws<OpenTokArgumentException>(() => new SipAuth.Builder().Username("u").Build()).ParamName);
        Assert.True(new CaptionsOptions.Builder().Build().PartialCaptions);
    }
}
