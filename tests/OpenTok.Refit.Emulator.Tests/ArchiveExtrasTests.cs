using System.Net;
using System.Net.Http.Json;
using static OpenTok.Refit.Emulator.Tests.Support;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>An archive's bit-rate cap, quantization parameter and transcription over real HTTP: the service's rules and the fields echoed back.</summary>
public sealed class ArchiveExtrasTests
{
    [Theory]
    [InlineData("\"maxBitrate\":2000000,\"quantizationParameter\":20", "MaxBitrate and QuantizationParameter cannot both be set")]
    [InlineData("\"maxBitrate\":99999", "MaxBitrate must be from 100000")]
    [InlineData("\"maxBitrate\":6000001", "MaxBitrate must be from 100000")]
    [InlineData("\"quantizationParameter\":14", "QuantizationParameter must be from 15")]
    [InlineData("\"quantizationParameter\":41", "QuantizationParameter must be from 15")]
    [InlineData("\"outputMode\":\"individual\",\"maxBitrate\":2000000", "MaxBitrate applies only to composed archives")]
    [InlineData("\"outputMode\":\"individual\",\"quantizationParameter\":20", "QuantizationParameter applies only to composed archives")]
    [InlineData("\"transcriptionProperties\":{\"hasSummary\":true}", "only when HasTranscription")]
    [InlineData("\"hasAudio\":false,\"hasTranscription\":true", "HasTranscription needs HasAudio")]
    [InlineData("\"hasTranscription\":true,\"transcriptionProperties\":{\"primaryLanguageCode\":\"french\"}", "PrimaryLanguageCode")]
    [InlineData("\"maxBitrate\":\"fast\"", "not valid JSON")]
    public async Task Archive_extras_that_break_the_rules_are_400(string fields, string mentioned)
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();

        using var response = await emulator.SendAsync(HttpMethod.Post, emulator.ArchivePath(), $$"""{"sessionId":"{{session.SessionId}}",{{fields}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ErrorAsync();
        Assert.Equal(400, error.Code);
        Assert.Contains(mentioned, error.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.Archives);
    }

    [Fact]
    public async Task A_bit_rate_cap_or_a_quantization_parameter_is_echoed_in_every_answer()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();

        var capped = await client.Archives.StartAsync(session.SessionId, new ArchiveOptions { MaxBitrate = 2_000_000 }, Ct);
        var quantized = await client.Archives.StartAsync(session.SessionId, new ArchiveOptions { QuantizationParameter = 25, MultiArchiveTag = "qp" }, Ct);

        Assert.Equal((2_000_000, (int?)null), (capped.MaxBitrate, capped.QuantizationParameter));
        Assert.Equal(((int?)null, 25), (quantized.MaxBitrate, quantized.QuantizationParameter));
        var stopped = await client.Archives.StopAsync(capped.Id, Ct);
        Assert.Equal(2_000_000, stopped.MaxBitrate);
        Assert.Equal(25, (await client.Archives.GetAsync(quantized.Id, Ct)).QuantizationParameter);
        Assert.Equal(2_000_000, (await client.Archives.ListAsync(session.SessionId, Ct).ToListAsync(Ct)).Single(a => a.Id == capped.Id).MaxBitrate);
    }

    [Fact]
    public async Task A_transcription_is_echoed_with_the_services_defaults_and_is_absent_when_not_asked_for()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();

        using var response = await emulator.SendAsync(HttpMethod.Post, emulator.ArchivePath(), $$"""{"sessionId":"{{session.SessionId}}","outputMode":"individual","hasTranscription":true}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var archive = (await response.Content.ReadFromJsonAsync(OpenTokJsonContext.Default.Archive, Ct))!;

        Assert.True(archive.HasTranscription);
        Assert.Equal(("requested", "en-US", (bool?)false), (archive.Transcription?.Status, archive.Transcription?.PrimaryLanguageCode, archive.Transcription?.HasSummary));
        var read = await client.Archives.GetAsync(archive.Id, Ct);
        Assert.Equal(archive.Transcription, read.Transcription);

        var plain = await client.Archives.StartAsync(session.SessionId, new ArchiveOptions { MultiArchiveTag = "plain" }, Ct);
        Assert.Null(plain.HasTranscription);
        Assert.Null(plain.Transcription);
    }
}
