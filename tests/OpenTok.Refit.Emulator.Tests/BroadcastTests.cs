using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using static OpenTok.Refit.Emulator.Tests.Support;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>The SDK's broadcasts calls end to end over real HTTP, and raw bodies the SDK refuses before sending.</summary>
public sealed class BroadcastTests
{
    private static readonly RtmpTarget Target = new() { Id = "yt", ServerUrl = "rtmps://live.example.com/app", StreamName = "key-1" };

    private static BroadcastOptions HlsOnly => new() { Hls = new HlsOptions() };

    [Fact]
    public async Task A_broadcast_is_started_with_its_outputs_then_stopped_and_then_gone_for_stop_and_frozen_for_layout()
    {
        var start = new DateTimeOffset(2031, 3, 4, 5, 6, 7, TimeSpan.Zero);
        var clock = new FakeTimeProvider(start);
        await using var emulator = await Support.StartAsync(new OpenTokEmulatorOptions { Seed = 1, TimeProvider = clock });
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();

        var started = await client.Broadcasts.StartAsync(session.SessionId, new BroadcastOptions { Hls = new HlsOptions { Dvr = true }, Rtmp = [Target] }, Ct);

        Assert.True(Guid.TryParseExact(started.Id, "D", out _));
        Assert.Equal((session.SessionId, emulator.ApiKey, BroadcastStatus.Started), (started.SessionId, started.ProjectId, started.Status));
        Assert.Equal((start, start), (started.CreatedAt, started.UpdatedAt));
        Assert.Equal(TimeSpan.FromSeconds(14400), started.MaxDuration);
        Assert.Equal(Resolution.Sd, started.Resolution);
        Assert.Equal($"{emulator.BaseAddress.AbsoluteUri}hls/{started.Id}/index.m3u8?DVR", started.BroadcastUrls.Hls);
        Assert.Equal(HlsStatus.Live, started.BroadcastUrls.HlsStatus);
        Assert.Equal(new RtmpStream { Id = "yt", ServerUrl = Target.ServerUrl, StreamName = "key-1", Status = RtmpStatus.Live }, Assert.Single(started.BroadcastUrls.Rtmp));
        Assert.Equal(new HlsOptions { Dvr = true }, started.Settings.Hls);
        Assert.Equal((true, true, StreamMode.Auto), (started.HasAudio, started.HasVideo, started.StreamMode));
        var read = await client.Broadcasts.GetAsync(started.Id, Ct);
        Assert.Equal((started.Id, started.Status, started.CreatedAt, started.BroadcastUrls.Hls), (read.Id, read.Status, read.CreatedAt, read.BroadcastUrls.Hls));

        clock.Advance(TimeSpan.FromSeconds(30));
        var stopped = await client.Broadcasts.StopAsync(started.Id, Ct);
        Assert.Equal(BroadcastStatus.Stopped, stopped.Status);
        Assert.Equal(start + TimeSpan.FromSeconds(30), stopped.UpdatedAt);
        Assert.Equal(BroadcastStatus.Stopped, (await client.Broadcasts.GetAsync(started.Id, Ct)).Status);

        // The service answers 404 for stopping a stopped broadcast, and 409 for changing its layout.
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => client.Broadcasts.StopAsync(started.Id, Ct));
        await Assert.ThrowsAsync<OpenTokConflictException>(() => client.Broadcasts.SetLayoutAsync(started.Id, new Layout { Type = LayoutType.Pip }, Ct));
    }

    [Fact]
    public async Task Relayed_sessions_cannot_be_broadcast_and_unknown_sessions_are_404()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var relayed = await client.CreateSessionAsync(new SessionOptions { MediaMode = MediaMode.Relayed }, Ct);

        var e = await Assert.ThrowsAsync<OpenTokConflictException>(() => client.Broadcasts.StartAsync(relayed.SessionId, HlsOnly, Ct));
        Assert.Equal(409, e.ErrorCode);
        Assert.Contains("relayed", e.ServerMessage, StringComparison.Ordinal);

        var routed = await client.RoutedSessionAsync();
        emulator.Reset();
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => client.Broadcasts.StartAsync(routed.SessionId, HlsOnly, Ct));
    }

    [Fact]
    public async Task One_broadcast_per_session_at_a_time_unless_the_multiBroadcastTag_differs()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();

        var first = await client.Broadcasts.StartAsync(session.SessionId, HlsOnly, Ct);
        await Assert.ThrowsAsync<OpenTokConflictException>(() => client.Broadcasts.StartAsync(session.SessionId, HlsOnly, Ct));
        var tagged = await client.Broadcasts.StartAsync(session.SessionId, HlsOnly with { MultiBroadcastTag = "second" }, Ct);
        await Assert.ThrowsAsync<OpenTokConflictException>(() => client.Broadcasts.StartAsync(session.SessionId, HlsOnly with { MultiBroadcastTag = "second" }, Ct));

        Assert.Equal("second", tagged.MultiBroadcastTag);
        Assert.Null((await client.Broadcasts.GetAsync(tagged.Id, Ct)).MultiBroadcastTag); // only in the start answer

        await client.Broadcasts.StopAsync(first.Id, Ct);
        var again = await client.Broadcasts.StartAsync(session.SessionId, HlsOnly, Ct); // the untagged slot is free again
        Assert.NotEqual(first.Id, again.Id);
    }

    [Theory]
    [InlineData("""{"outputs":{}}""", "output")]
    [InlineData("""{"outputs":{"hls":{"lowLatency":true,"dvr":true}}}""", "Dvr")]
    [InlineData("""{"outputs":{"rtmp":[{"serverUrl":"http://example.com/app","streamName":"k"}]}}""", "rtmp://")]
    [InlineData("""{"outputs":{"hls":{}},"maxDuration":59}""", "MaxDuration")]
    [InlineData("""{"outputs":{"hls":{}},"maxDuration":36001}""", "MaxDuration")]
    [InlineData("""{"outputs":{"hls":{}},"maxBitrate":99999}""", "MaxBitrate")]
    [InlineData("""{"outputs":{"hls":{}},"maxBitrate":6000001}""", "MaxBitrate")]
    [InlineData("""{"outputs":{"hls":{}},"resolution":"1x1"}""", "Resolution")]
    [InlineData("""{"outputs":{"hls":{}},"streamMode":"sometimes"}""", "StreamMode")]
    [InlineData("""{"outputs":{"hls":{}},"layout":{"type":"custom"}}""", "tylesheet")]
    public async Task Bodies_that_break_the_rules_are_400(string fields, string mentioned)
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();

        using var response = await emulator.SendAsync(HttpMethod.Post, emulator.BroadcastPath(), $$"""{"sessionId":"{{session.SessionId}}",{{fields[1..]}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ErrorAsync();
        Assert.Equal(400, error.Code);
        Assert.Contains(mentioned, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Six_RTMP_targets_are_400_and_five_are_fine()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();
        string Body(int targets, string tag)
        {
            var rtmp = string.Join(",", Enumerable.Range(0, targets).Select(i => $$"""{"serverUrl":"rtmp://example.com/app","streamName":"k{{i}}"}"""));
            return $$$"""{"sessionId":"{{{session.SessionId}}}","multiBroadcastTag":"{{{tag}}}","outputs":{"rtmp":[{{{rtmp}}}]}}""";
        }

        using var six = await emulator.SendAsync(HttpMethod.Post, emulator.BroadcastPath(), Body(6, "six"));
        Assert.Equal(HttpStatusCode.BadRequest, six.StatusCode);
        Assert.Contains("at most 5", (await six.ErrorAsync()).Message, StringComparison.Ordinal);

        using var five = await emulator.SendAsync(HttpMethod.Post, emulator.BroadcastPath(), Body(5, "five"));
        Assert.Equal(HttpStatusCode.OK, five.StatusCode);
        var broadcast = (await five.Content.ReadFromJsonAsync(OpenTokJsonContext.Default.Broadcast, Ct))!;
        Assert.Equal(5, broadcast.BroadcastUrls.Rtmp.Count);
        Assert.Null(broadcast.BroadcastUrls.Hls);

        // Left out, the service's defaults: audio, video, auto streams, 4 hours, 640x480.
        Assert.Equal((true, true, StreamMode.Auto, TimeSpan.FromHours(4), Resolution.Sd),
            (broadcast.HasAudio, broadcast.HasVideo, broadcast.StreamMode, broadcast.MaxDuration, broadcast.Resolution));
    }

    [Fact]
    public async Task Unknown_broadcasts_are_404_and_ids_that_are_not_UUIDs_are_400_as_for_archives()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var unknown = Guid.NewGuid().ToString("D");

        var e = await Assert.ThrowsAsync<OpenTokNotFoundException>(() => client.Broadcasts.GetAsync(unknown, Ct));
        Assert.Equal(404, e.ErrorCode);
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => client.Broadcasts.StopAsync(unknown, Ct));
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => client.Broadcasts.SetLayoutAsync(unknown, new Layout(), Ct));
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => client.Broadcasts.AddStreamAsync(unknown, "s", cancellationToken: Ct));

        using var notUuid = await emulator.SendAsync(HttpMethod.Get, emulator.BroadcastPath("/not-a-uuid"));
        Assert.Equal(HttpStatusCode.BadRequest, notUuid.StatusCode);
        using var archive = await emulator.SendAsync(HttpMethod.Get, emulator.ArchivePath("/not-a-uuid"));
        Assert.Equal(HttpStatusCode.BadRequest, archive.StatusCode);
    }

    [Fact]
    public async Task Streams_change_only_in_manual_mode_and_keep_their_audio_and_video_flags()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();
        var auto = await client.Broadcasts.StartAsync(session.SessionId, HlsOnly, Ct);
        var manual = await client.Broadcasts.StartAsync(session.SessionId, HlsOnly with { StreamMode = StreamMode.Manual, MultiBroadcastTag = "m" }, Ct);

        var e = await Assert.ThrowsAsync<OpenTokApiException>(() => client.Broadcasts.AddStreamAsync(auto.Id, "stream-1", cancellationToken: Ct));
        Assert.Equal((HttpStatusCode.MethodNotAllowed, 405), (e.StatusCode, e.ErrorCode));

        await client.Broadcasts.AddStreamAsync(manual.Id, "stream-1", hasAudio: false, cancellationToken: Ct);
        await client.Broadcasts.AddStreamAsync(manual.Id, "stream-2", cancellationToken: Ct);
        await client.Broadcasts.RemoveStreamAsync(manual.Id, "stream-2", Ct);
        var streams = (await client.Broadcasts.GetAsync(manual.Id, Ct)).Streams;
        Assert.Equal(new ArchiveStream { StreamId = "stream-1", HasAudio = false, HasVideo = true }, Assert.Single(streams));
        Assert.Empty((await client.Broadcasts.GetAsync(auto.Id, Ct)).Streams);

        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => client.Broadcasts.RemoveStreamAsync(manual.Id, "never-added", Ct));
        foreach (var body in new[] { "{}", """{"addStream":"a","removeStream":"b"}""" })
        {
            using var bad = await emulator.SendAsync(HttpMethod.Patch, emulator.BroadcastPath($"/{manual.Id}/streams"), body);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        await client.Broadcasts.StopAsync(manual.Id, Ct);
        await Assert.ThrowsAsync<OpenTokConflictException>(() => client.Broadcasts.AddStreamAsync(manual.Id, "stream-3", cancellationToken: Ct));
    }

    [Fact]
    public async Task The_layout_of_a_started_broadcast_changes_and_a_bad_one_is_400()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();
        var broadcast = await client.Broadcasts.StartAsync(session.SessionId, HlsOnly, Ct);

        await client.Broadcasts.SetLayoutAsync(broadcast.Id, new Layout { Type = LayoutType.Custom, Stylesheet = "stream { width: 100%; }" }, Ct);
        using var bad = await emulator.SendAsync(HttpMethod.Put, emulator.BroadcastPath($"/{broadcast.Id}/layout"), """{"type":"custom"}""");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task The_HLS_url_serves_a_playlist_without_authentication_until_the_broadcast_ends()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        using var http = new HttpClient();
        var session = await client.RoutedSessionAsync();
        var broadcast = await client.Broadcasts.StartAsync(session.SessionId, HlsOnly, Ct);

        using var live = await http.GetAsync(broadcast.BroadcastUrls.Hls, Ct);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("application/vnd.apple.mpegurl", live.Content.Headers.ContentType?.MediaType);
        var playlist = await live.Content.ReadAsStringAsync(Ct);
        Assert.StartsWith("#EXTM3U\n", playlist, StringComparison.Ordinal);
        Assert.Contains("#EXT-X-TARGETDURATION:", playlist, StringComparison.Ordinal);
        Assert.DoesNotContain("#EXT-X-ENDLIST", playlist, StringComparison.Ordinal);

        await client.Broadcasts.StopAsync(broadcast.Id, Ct);
        Assert.Contains("#EXT-X-ENDLIST", await http.GetStringAsync(broadcast.BroadcastUrls.Hls, Ct), StringComparison.Ordinal);

        using var unknown = await http.GetAsync(new Uri(emulator.BaseAddress, $"hls/{Guid.NewGuid():D}/index.m3u8"), Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task MaxDuration_stops_the_broadcast_when_the_clock_passes_it()
    {
        var start = new DateTimeOffset(2031, 3, 4, 5, 6, 7, TimeSpan.Zero);
        var clock = new FakeTimeProvider(start);
        await using var emulator = await Support.StartAsync(new OpenTokEmulatorOptions { Seed = 1, TimeProvider = clock });
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();
        var broadcast = await client.Broadcasts.StartAsync(session.SessionId, new BroadcastOptions { Rtmp = [Target], MaxDuration = TimeSpan.FromMinutes(5) }, Ct);
        Assert.Equal(TimeSpan.FromMinutes(5), broadcast.MaxDuration);

        clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.Equal(BroadcastStatus.Started, (await client.Broadcasts.GetAsync(broadcast.Id, Ct)).Status);

        clock.Advance(TimeSpan.FromSeconds(1));
        var ended = await client.Broadcasts.GetAsync(broadcast.Id, Ct);
        Assert.Equal(BroadcastStatus.Stopped, ended.Status);
        Assert.Equal(start + TimeSpan.FromMinutes(5), ended.UpdatedAt);
        Assert.Equal(RtmpStatus.Offline, Assert.Single(ended.BroadcastUrls.Rtmp).Status);
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => client.Broadcasts.StopAsync(broadcast.Id, Ct));

        // Ended, it frees the session for another untagged broadcast.
        await client.Broadcasts.StartAsync(session.SessionId, HlsOnly, Ct);
    }

    [Fact]
    public async Task Listing_is_newest_first_pages_by_offset_and_count_and_filters_by_session()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var a = await client.RoutedSessionAsync();
        var b = await client.RoutedSessionAsync();
        var started = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var broadcast = await client.Broadcasts.StartAsync((i % 2 == 0 ? a : b).SessionId, HlsOnly, Ct);
            await client.Broadcasts.StopAsync(broadcast.Id, Ct);
            started.Add(broadcast.Id);
        }

        var all = await client.Broadcasts.ListAsync(cancellationToken: Ct).ToListAsync(Ct);
        Assert.Equal(Enumerable.Reverse(started), all.Select(x => x.Id));

        var pages = new List<Page<Broadcast>>();
        await foreach (var page in client.Broadcasts.ListAsync(cancellationToken: Ct).AsPages(offset: 1, pageSize: 2).WithCancellation(Ct))
        {
            pages.Add(page);
        }

        Assert.Equal([2, 2], pages.Select(p => p.Items.Count));
        Assert.All(pages, p => Assert.Equal(5, p.TotalCount));
        Assert.Equal([started[3], started[2], started[1], started[0]], pages.SelectMany(p => p.Items).Select(x => x.Id));

        var onlyB = await client.Broadcasts.ListAsync(b.SessionId, Ct).ToListAsync(Ct);
        Assert.Equal([started[3], started[1]], onlyB.Select(x => x.Id));

        using var tooMany = await emulator.SendAsync(HttpMethod.Get, emulator.BroadcastPath("?count=1001"));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
    }
}
