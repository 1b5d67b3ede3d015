using OpenTok.Refit.Testing;
using static OpenTok.Refit.Tests.Rest.RestFixtures;
using static OpenTok.Refit.Tests.TestCredentials;

namespace OpenTok.Refit.Tests.Rest;

/// <summary>Every locally known rule is checked before anything is sent: the stub must see no request.</summary>
public class ValidationBeforeSendingTests
{
    public static TheoryData<string, Func<OpenTokClient, Task>> Cases => new()
    {
        { "ArchiveMode", c => c.CreateSessionAsync(new SessionOptions { ArchiveMode = ArchiveMode.Always }) },
        { "EndToEndEncryption", c => c.CreateSessionAsync(new SessionOptions { EndToEndEncryption = true }) },
        { "Location", c => c.CreateSessionAsync(new SessionOptions { Location = "::1" }) },
        { "ArchiveName", c => c.CreateSessionAsync(new SessionOptions { MediaMode = MediaMode.Routed, ArchiveMode = ArchiveMode.Always, ArchiveName = new string('n', 81) }) },
        { "ArchiveResolution", c => c.CreateSessionAsync(new SessionOptions { MediaMode = MediaMode.Routed, ArchiveResolution = Resolution.Hd }) },
        { "sessionId", c => c.Archives.StartAsync("not-a-session") },
        { "sessionId", c => c.Archives.StartAsync(SessionFor("654321")) },
        { "HasAudio", c => c.Archives.StartAsync(ExampleSessionId, new ArchiveOptions { HasAudio = false, HasVideo = false }) },
        { "Resolution", c => c.Archives.StartAsync(ExampleSessionId, new ArchiveOptions { OutputMode = OutputMode.Individual, Resolution = Resolution.Sd }) },
        { "Resolution", c => c.Archives.StartAsync(ExampleSessionId, new ArchiveOptions { Resolution = new Resolution("1x1") }) },
        { "Layout", c => c.Archives.StartAsync(ExampleSessionId, new ArchiveOptions { OutputMode = OutputMode.Individual, Layout = new Layout() }) },
        { "ScreenshareType", c => c.Archives.StartAsync(ExampleSessionId, new ArchiveOptions { Layout = new Layout { Type = LayoutType.Pip, ScreenshareType = LayoutType.BestFit } }) },
        { "QuantizationParameter", c => c.Archives.StartAsync(ExampleSessionId, new ArchiveOptions { QuantizationParameter = 41 }) },
        { "QuantizationParameter", c => c.Archives.StartAsync(ExampleSessionId, new ArchiveOptions { QuantizationParameter = 20, MaxBitrate = 100_000 }) },
        { "HasTranscription", c => c.Archives.StartAsync(ExampleSessionId, new ArchiveOptions { HasAudio = false, HasTranscription = true }) },
        { "archiveId", c => c.Archives.GetAsync("") },
        { "archiveId", c => c.Archives.StopAsync("not-a-uuid") },
        { "archiveId", c => c.Archives.DeleteAsync("../../session/create") },
        { "archiveId", c => c.Archives.GetAsync(ArchiveId + "\r\n") },
        { "archiveId", c => c.Archives.StopAsync(" " + ArchiveId) },
        { "archiveId", c => c.Archives.GetAsync("{" + ArchiveId + "}") },
        { "Stylesheet", c => c.Archives.SetLayoutAsync(ArchiveId, new Layout { Type = LayoutType.Custom }) },
        { "streamId", c => c.Archives.AddStreamAsync(ArchiveId, " ") },
        { "hasAudio", c => c.Archives.AddStreamAsync(ArchiveId, "s", hasAudio: false, hasVideo: false) },
        { "Config.Container", c => c.Archives.SetStorageAsync(ArchiveStorage.Azure("account", "key", "")) },
        { "sessionId", c => c.Archives.ListAsync("garbage").ToListAsync() },
        { "sessionId", c => c.Broadcasts.StartAsync(SessionFor("654321"), new BroadcastOptions { Hls = new HlsOptions() }) },
        { "Hls", c => c.Broadcasts.StartAsync(ExampleSessionId, new BroadcastOptions()) },
        { "Hls.Dvr", c => c.Broadcasts.StartAsync(ExampleSessionId, new BroadcastOptions { Hls = new HlsOptions { Dvr = true, LowLatency = true } }) },
        { "Rtmp", c => c.Broadcasts.StartAsync(ExampleSessionId, new BroadcastOptions { Rtmp = [.. Enumerable.Repeat(new RtmpTarget { ServerUrl = "rtmp://x.example/app", StreamName = "s" }, 6)] }) },
        { "Rtmp.ServerUrl", c => c.Broadcasts.StartAsync(ExampleSessionId, new BroadcastOptions { Rtmp = [new RtmpTarget { ServerUrl = "https://x.example/app", StreamName = "s" }] }) },
        { "Rtmp.StreamName", c => c.Broadcasts.StartAsync(ExampleSessionId, new BroadcastOptions { Rtmp = [new RtmpTarget { ServerUrl = "rtmp://x.example/app", StreamName = " " }] }) },
        { "MaxDuration", c => c.Broadcasts.StartAsync(ExampleSessionId, new BroadcastOptions { Hls = new HlsOptions(), MaxDuration = TimeSpan.FromSeconds(59) }) },
        { "MaxDuration", c => c.Broadcasts.StartAsync(ExampleSessionId, new BroadcastOptions { Hls = new HlsOptions(), MaxDuration = TimeSpan.FromSeconds(36001) }) },
        { "MaxBitrate", c => c.Broadcasts.StartAsync(ExampleSessionId, new BroadcastOptions { Hls = new HlsOptions(), MaxBitrate = 99_999 }) },
        { "MaxBitrate", c => c.Broadcasts.StartAsync(ExampleSessionId, new BroadcastOptions { Hls = new HlsOptions(), MaxBitrate = 6_000_001 }) },
        { "Resolution", c => c.Broadcasts.StartAsync(ExampleSessionId, new BroadcastOptions { Hls = new HlsOptions(), Resolution = new Resolution("1x1") }) },
        { "HasAudio", c => c.Broadcasts.StartAsync(ExampleSessionId, new BroadcastOptions { Hls = new HlsOptions(), HasAudio = false, HasVideo = false }) },
        { "Stylesheet", c => c.Broadcasts.StartAsync(ExampleSessionId, new BroadcastOptions { Hls = new HlsOptions(), Layout = new Layout { Type = LayoutType.Custom } }) },
        { "broadcastId", c => c.Broadcasts.StopAsync("") },
        { "broadcastId", c => c.Broadcasts.GetAsync("../../archive") },
        { "broadcastId", c => c.Broadcasts.GetAsync(BroadcastId + "\r\n") },
        { "hasAudio", c => c.Broadcasts.AddStreamAsync(BroadcastId, "s", hasAudio: false, hasVideo: false) },
        { "streamId", c => c.Broadcasts.RemoveStreamAsync(BroadcastId, "") },
        { "sessionId", c => c.Broadcasts.ListAsync("garbage").ToListAsync() },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Bad_input_is_a_typed_error_naming_what_was_wrong_and_nothing_is_sent(string parameter, Func<OpenTokClient, Task> call) =>
        AssertRefusedBeforeSendingAsync(parameter, call);

    [Fact]
    public async Task A_huge_bad_id_is_quoted_short_in_the_error()
    {
        await using var stub = await StubServer.StartAsync();
        using var client = ClientFor(stub);
        var huge = new string('x', 10_000_000);

        var error = await Assert.ThrowsAsync<OpenTokArgumentException>(() => client.Archives.GetAsync(huge));

        Assert.Equal("archiveId", error.ParamName);
        Assert.InRange(error.Message.Length, 1, 400);
        Assert.Contains("(10000000 characters)", error.Message, StringComparison.Ordinal);
        Assert.Empty(stub.Requests);
    }
}
