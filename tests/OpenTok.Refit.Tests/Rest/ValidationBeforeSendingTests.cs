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
        { "sessionId", c => c.StartArchiveAsync("not-a-session") },
        { "sessionId", c => c.StartArchiveAsync(SessionFor("654321")) },
        { "HasAudio", c => c.StartArchiveAsync(ExampleSessionId, new ArchiveOptions { HasAudio = false, HasVideo = false }) },
        { "Resolution", c => c.StartArchiveAsync(ExampleSessionId, new ArchiveOptions { OutputMode = OutputMode.Individual, Resolution = Resolution.Sd }) },
        { "Resolution", c => c.StartArchiveAsync(ExampleSessionId, new ArchiveOptions { Resolution = new Resolution("1x1") }) },
        { "Layout", c => c.StartArchiveAsync(ExampleSessionId, new ArchiveOptions { OutputMode = OutputMode.Individual, Layout = new Layout() }) },
        { "ScreenshareType", c => c.StartArchiveAsync(ExampleSessionId, new ArchiveOptions { Layout = new Layout { Type = LayoutType.Pip, ScreenshareType = LayoutType.BestFit } }) },
        { "QuantizationParameter", c => c.StartArchiveAsync(ExampleSessionId, new ArchiveOptions { QuantizationParameter = 41 }) },
        { "QuantizationParameter", c => c.StartArchiveAsync(ExampleSessionId, new ArchiveOptions { QuantizationParameter = 20, MaxBitrate = 100_000 }) },
        { "HasTranscription", c => c.StartArchiveAsync(ExampleSessionId, new ArchiveOptions { HasAudio = false, HasTranscription = true }) },
        { "archiveId", c => c.GetArchiveAsync("") },
        { "archiveId", c => c.StopArchiveAsync("not-a-uuid") },
        { "archiveId", c => c.DeleteArchiveAsync("../../session/create") },
        { "Stylesheet", c => c.SetArchiveLayoutAsync(ArchiveId, new Layout { Type = LayoutType.Custom }) },
        { "streamId", c => c.AddArchiveStreamAsync(ArchiveId, " ") },
        { "hasAudio", c => c.AddArchiveStreamAsync(ArchiveId, "s", hasAudio: false, hasVideo: false) },
        { "Config.Container", c => c.SetArchiveStorageAsync(ArchiveStorage.Azure("account", "key", "")) },
        { "sessionId", c => c.ListArchivesAsync("garbage").ToListAsync() },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_a_typed_error_naming_what_was_wrong_and_nothing_is_sent(string parameter, Func<OpenTokClient, Task> call)
    {
        await using var stub = await StubServer.StartAsync();
        using var client = ClientFor(stub);

        var error = await Assert.ThrowsAsync<OpenTokArgumentException>(() => call(client));

        Assert.Equal(parameter, error.ParamName);
        Assert.Empty(stub.Requests);
    }
}
