using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTok.Refit.Emulator;
using static OpenTok.Refit.SampleServer.Tests.SampleServerHost;

namespace OpenTok.Refit.SampleServer.Tests;

/// <summary>With no credentials the sample server runs on an emulator of its own: the README's first command on a fresh machine.</summary>
public sealed class EmbeddedEmulatorTests
{
    [Fact]
    public async Task Without_credentials_it_starts_the_emulator_in_process_says_so_and_works()
    {
        using var database = new TempDatabase();
        var logs = new ListLoggerProvider();
        string sessionId;
        Uri emulatorAddress;
        await using (var server = await StartAsync(database.Path, emulator: null, logs))
        {
            var emulator = server.App.Services.GetRequiredService<OpenTokEmulator>();
            emulatorAddress = emulator.BaseAddress;
            var warning = Assert.Single(logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("emulator", StringComparison.Ordinal));
            Assert.Contains(emulator.BaseAddress.AbsoluteUri, warning.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(emulator.ApiSecret, warning.Message, StringComparison.Ordinal);

            var room = await server.RoomAsync("offline");
            sessionId = room.SessionId;
            Assert.True(emulator.VerifyClientToken(room.Token).IsValid);
            var archive = await ArchiveAsync(await server.StartArchiveAsync(room.SessionId));
            Assert.Equal("offline", archive.Name);
        }

        // Stopping the server stops its emulator.
        using (var http = new HttpClient())
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(emulatorAddress, Ct));
        }

        // A restart gets a new emulator, which adopts the room's remembered session: the room still records.
        await using (var server = await StartAsync(database.Path, emulator: null))
        {
            var room = await server.RoomAsync("offline");
            Assert.Equal(sessionId, room.SessionId);
            using var start = await server.StartArchiveAsync(room.SessionId);
            Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        }
    }

    [Fact]
    public async Task The_whole_loop_runs_offline_room_token_a_publishing_client_an_archive_its_events_and_a_view_from_them()
    {
        using var database = new TempDatabase();
        await using var server = await StartAsync(database.Path, emulator: null);
        var emulator = server.App.Services.GetRequiredService<OpenTokEmulator>();
        Assert.Equal(new Uri(server.Http.BaseAddress!, "opentok/events"), emulator.Callbacks.ArchiveUrl);
        emulator.ArchiveAvailability = ArchiveAvailability.Manual;

        // A browser would do this with the room's token: connect, publish.
        var room = await server.RoomAsync("loop");
        await using var alice = await emulator.ConnectAsync(room.SessionId, room.Token, Ct);
        var camera = await alice.PublishAsync(new EmulatedStream { Name = "alice" }, Ct);

        var archive = await ArchiveAsync(await server.StartArchiveAsync(room.SessionId));
        using (await server.Http.PostAsync($"archive/{archive.Id}/stop", null, Ct))
        {
        }

        // started and stopped reach the server; the view answers from them, without asking OpenTok.
        await emulator.Callbacks.WhenIdleAsync(Ct);
        var requests = emulator.Statistics.Requests;
        using (var pending = await server.Http.GetAsync($"archive/{archive.Id}/view", Ct))
        {
            Assert.Contains("<b>stopped</b>", await pending.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        Assert.True(emulator.CompleteArchive(archive.Id));
        await emulator.Callbacks.WhenIdleAsync(Ct);
        using var view = await server.Http.GetAsync($"archive/{archive.Id}/view", Ct);

        Assert.Equal(HttpStatusCode.Redirect, view.StatusCode);
        Assert.Equal(requests, emulator.Statistics.Requests);
        using var media = await server.Http.GetAsync(view.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.OK, media.StatusCode);
        Assert.Equal(
            ["started", "stopped", "available"],
            emulator.Callbacks.Deliveries.Where(d => d.Family == CallbackFamily.Archive).Select(d => d.State == CallbackDeliveryState.Delivered ? d.Status : "not delivered"));
        Assert.Equal(camera.StreamId, Assert.Single((await server.App.Services.GetRequiredService<OpenTokClient>().Streams.ListAsync(room.SessionId, Ct))).Id);
    }

    [Fact]
    public async Task With_a_signature_secret_the_embedded_emulator_signs_and_the_server_accepts_only_signed_events()
    {
        using var database = new TempDatabase();
        await using var server = await StartAsync(database.Path, emulator: null, logs: null, "--SampleServer:Callbacks:SignatureSecret=sample-secret-0123456789");
        var emulator = server.App.Services.GetRequiredService<OpenTokEmulator>();
        var room = await server.RoomAsync("signed");

        var archive = await ArchiveAsync(await server.StartArchiveAsync(room.SessionId));
        await emulator.Callbacks.WhenIdleAsync(Ct);
        var started = Assert.Single(emulator.Callbacks.Deliveries, d => d.Family == CallbackFamily.Archive);
        Assert.Equal((CallbackDeliveryState.Delivered, true), (started.State, started.IsSigned));

        // The same event unsigned is refused (503, so the service would retry it signed) and changes nothing.
        using var unsigned = await server.Http.PostAsync("opentok/events", new StringContent(started.Body, System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unsigned.StatusCode);
        using var view = await server.Http.GetAsync($"archive/{archive.Id}/view", Ct);
        Assert.Contains("<b>started</b>", await view.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task It_listens_on_localhost_8080_unless_told_otherwise_like_the_original()
    {
        using var database = new TempDatabase();
        await using var app = await SampleServerApp.BuildAsync(
            [$"--SampleServer:DatabasePath={database.Path}", "--OpenTok:ApiKey=1", "--OpenTok:ApiSecret=s"],
            builder => builder.Logging.ClearProviders());

        Assert.Equal(SampleServerApp.DefaultUrl, app.Configuration["urls"]);
        Assert.Null(app.Services.GetService<OpenTokEmulator>());
    }
}
