using System.Net;
using OpenTok.Refit.Emulator;
using static OpenTok.Refit.SampleServer.Tests.SampleServerHost;

namespace OpenTok.Refit.SampleServer.Tests;

/// <summary>The sample server configured as a Vonage application (OpenTok:ApplicationId + OpenTok:PrivateKey), against an emulated application.</summary>
public sealed class ApplicationModeTests
{
    [Fact]
    public async Task Rooms_tokens_and_archives_work_for_a_Vonage_application()
    {
        await using var emulator = await OpenTokEmulator.StartAsync(new OpenTokEmulatorOptions { Application = EmulatedApplication.Generate() }, Ct);
        using var database = new TempDatabase();
        await using var server = await StartAsync(database.Path, emulator);

        var room = await server.RoomAsync("vonage");
        var archive = await ArchiveAsync(await server.StartArchiveAsync(room.SessionId));
        using var stop = await server.Http.PostAsync($"archive/{archive.Id}/stop", null, Ct);

        Assert.Equal(emulator.ApplicationId, room.ApiKey);
        Assert.StartsWith("eyJhbGciOiJSUzI1NiIs", room.Token, StringComparison.Ordinal); // {"alg":"RS256",…
        var verified = emulator.VerifyClientToken(room.Token);
        Assert.True(verified.IsValid, verified.Failure);
        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        Assert.Equal(0, emulator.Statistics.AuthenticationFailures);
    }
}
