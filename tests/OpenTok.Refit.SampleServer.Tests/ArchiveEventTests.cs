using System.Net;
using System.Text;
using static OpenTok.Refit.SampleServer.Tests.SampleServerHost;

namespace OpenTok.Refit.SampleServer.Tests;

/// <summary>
/// The server keeps each archive's latest status from OpenTok's archive callback events, and <c>GET /archive/{id}/view</c>
/// answers from it without calling OpenTok; duplicate and out-of-order events do not corrupt it.
/// </summary>
public class ArchiveEventTests() : SampleServerTestBase(seed: 1414)
{
    private const string ArchiveId = "b40ef09b-3811-4726-b508-e41a0f96c68f";
    private static readonly DateTimeOffset Created = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    private string ArchiveEvent(string status, int secondsAfterCreation, string? url = null, string? partnerId = null) => $$"""
        {"id":"{{ArchiveId}}","event":"archive","createdAt":{{Created.ToUnixTimeMilliseconds()}},"updatedAt":{{Created.AddSeconds(secondsAfterCreation).ToUnixTimeMilliseconds()}},
         "duration":{{secondsAfterCreation}},"name":"Room 1","partnerId":{{partnerId ?? Emulator.ApiKey}},"reason":"","resolution":"640x480",
         "sessionId":"1_MX4xMDAwMDAwMX5-fn4","size":0,"status":"{{status}}","url":{{(url is null ? "null" : $"\"{url}\"")}}}
        """;

    private async Task PostEventAsync(string json)
    {
        using var response = await Server.Http.PostAsync("opentok/events", new StringContent(json, Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<HttpResponseMessage> ViewWithoutCallingOpenTokAsync()
    {
        var before = Emulator.Statistics.Requests;
        var view = await Server.Http.GetAsync($"archive/{ArchiveId}/view", Ct);
        Assert.Equal(before, Emulator.Statistics.Requests);
        return view;
    }

    [Fact]
    public async Task A_recording_archive_shows_the_pending_page_and_an_available_one_redirects_without_calling_OpenTok()
    {
        await PostEventAsync(ArchiveEvent("started", 0));
        using (var pending = await ViewWithoutCallingOpenTokAsync())
        {
            Assert.Equal(HttpStatusCode.OK, pending.StatusCode);
            var page = await pending.Content.ReadAsStringAsync(Ct);
            Assert.Contains("<title>Archiving Pending</title>", page, StringComparison.Ordinal);
            Assert.Contains("<b>started</b>", page, StringComparison.Ordinal);
        }

        await PostEventAsync(ArchiveEvent("available", 30, "https://archives.example.com/a.mp4"));
        using var ready = await ViewWithoutCallingOpenTokAsync();
        Assert.Equal(HttpStatusCode.Redirect, ready.StatusCode);
        Assert.Equal("https://archives.example.com/a.mp4", ready.Headers.Location!.AbsoluteUri);
    }

    [Fact]
    public async Task Late_and_repeated_events_do_not_take_the_status_back()
    {
        await PostEventAsync(ArchiveEvent("started", 0));
        await PostEventAsync(ArchiveEvent("available", 30, "https://archives.example.com/a.mp4"));
        await PostEventAsync(ArchiveEvent("stopped", 29));       // overtaken by available
        await PostEventAsync(ArchiveEvent("started", 0));        // a retry of the first
        await PostEventAsync(ArchiveEvent("available", 30, "https://archives.example.com/a.mp4"));

        using var view = await ViewWithoutCallingOpenTokAsync();
        Assert.Equal(HttpStatusCode.Redirect, view.StatusCode);
    }

    [Fact]
    public async Task Paused_and_started_alternate_by_time_and_an_unknown_status_is_not_stored()
    {
        await PostEventAsync(ArchiveEvent("started", 0));
        await PostEventAsync(ArchiveEvent("paused", 20));
        await PostEventAsync(ArchiveEvent("started", 10)); // older than the pause
        await PostEventAsync(ArchiveEvent("rewinding", 40));

        using var view = await ViewWithoutCallingOpenTokAsync();
        Assert.Contains("<b>paused</b>", await view.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_projects_event_is_acknowledged_and_ignored_so_the_view_asks_OpenTok()
    {
        await PostEventAsync(ArchiveEvent("available", 30, "https://archives.example.com/a.mp4", partnerId: "999999"));

        var before = Emulator.Statistics.Requests;
        using var view = await Server.Http.GetAsync($"archive/{ArchiveId}/view", Ct);

        Assert.Equal(HttpStatusCode.NotFound, view.StatusCode); // the emulator has no such archive
        Assert.Equal(before + 1, Emulator.Statistics.Requests);
    }

    [Fact]
    public async Task An_available_archive_whose_download_url_has_aged_is_read_from_OpenTok_for_a_fresh_url()
    {
        await PostEventAsync(ArchiveEvent("available", 30, "https://archives.example.com/a.mp4"));
        await ExecuteSqlAsync(Database.Path, $"UPDATE archive_statuses SET received_at = '{DateTimeOffset.UtcNow.AddMinutes(-20):O}'");

        var before = Emulator.Statistics.Requests;
        using var view = await Server.Http.GetAsync($"archive/{ArchiveId}/view", Ct);

        Assert.Equal(before + 1, Emulator.Statistics.Requests);
        Assert.Equal(HttpStatusCode.NotFound, view.StatusCode); // the emulator has no such archive: the answer is OpenTok's
    }

    [Fact]
    public async Task Events_are_kept_in_the_database_across_a_restart()
    {
        await PostEventAsync(ArchiveEvent("stopped", 30));
        await Server.DisposeAsync();
        Server = await StartAsync(Database.Path, Emulator, Logs);

        using var view = await ViewWithoutCallingOpenTokAsync();
        Assert.Contains("<b>stopped</b>", await view.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "application/json", 400)]
    [InlineData("[1,2]", "application/json", 400)]
    [InlineData("""{"id":"x","event":"archive","status":7}""", "application/json", 400)]
    [InlineData("""{"id":"x"}""", "text/plain", 415)]
    public async Task A_malformed_event_is_a_4xx_that_does_not_echo_it(string body, string contentType, int status)
    {
        using var response = await Server.Http.PostAsync("opentok/events", new StringContent(body, Encoding.UTF8, contentType), Ct);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.DoesNotContain(body, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_over_64_KB_is_refused_with_413()
    {
        var padding = new string('x', 70 * 1024);
        using var response = await Server.Http.PostAsync("opentok/events", new StringContent($$"""{"event":"archive","name":"{{padding}}"}""", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
