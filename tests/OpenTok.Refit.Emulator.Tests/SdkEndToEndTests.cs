using System.IO.Compression;
using System.Net;
using OpenTok.Refit.Tokens;
using OpenTok.Refit.Http;
using static OpenTok.Refit.Emulator.Tests.Support;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>The SDK's sessions and archives calls, end to end over real HTTP against the emulator.</summary>
public sealed class SdkEndToEndTests
{
    [Fact]
    public async Task Created_sessions_are_in_the_real_format_and_remember_their_options()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();

        var relayed = await client.CreateSessionAsync(cancellationToken: Ct);
        var routed = await client.CreateSessionAsync(new SessionOptions { MediaMode = MediaMode.Routed, Location = "10.1.2.3" }, Ct);

        Assert.StartsWith("1_", routed.SessionId, StringComparison.Ordinal);
        var decoded = SessionId.Decode(routed.SessionId);
        Assert.NotNull(decoded);
        Assert.Equal(emulator.ApiKey, decoded.ApiKey);
        Assert.Equal("10.1.2.3", decoded.Location);
        Assert.NotEqual(relayed.SessionId, routed.SessionId);
        Assert.Collection(
            emulator.Sessions,
            s => Assert.Equal((relayed.SessionId, MediaMode.Relayed), (s.SessionId, s.MediaMode)),
            s => Assert.Equal((routed.SessionId, MediaMode.Routed, "10.1.2.3"), (s.SessionId, s.MediaMode, s.Location)));
        Assert.Equal(2, emulator.Statistics.SessionsCreated);
    }

    [Fact]
    public async Task Full_archive_lifecycle_started_stopped_available_downloaded_deleted()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        using var http = new HttpClient();
        var session = await client.RoutedSessionAsync();

        var started = await client.Archives.StartAsync(session.SessionId, new ArchiveOptions { Name = "lifecycle", Resolution = Resolution.Hd, MultiArchiveTag = "tag-1" }, Ct);
        Assert.True(Guid.TryParseExact(started.Id, "D", out _));
        Assert.Equal(ArchiveStatus.Started, started.Status);
        Assert.Equal(("lifecycle", session.SessionId, emulator.ApiKey), (started.Name, started.SessionId, started.ProjectId));
        Assert.Equal((OutputMode.Composed, StreamMode.Auto, true, true), (started.OutputMode, started.StreamMode, started.HasAudio, started.HasVideo));
        Assert.Equal(Resolution.Hd, started.Resolution);
        Assert.Equal("tag-1", started.MultiArchiveTag);
        Assert.Equal((0L, TimeSpan.Zero, (string?)null), (started.Size, started.Duration, started.Url));
        Assert.InRange(started.CreatedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));

        var read = await client.Archives.GetAsync(started.Id, Ct);
        Assert.Equal(ArchiveStatus.Started, read.Status);
        Assert.Null(read.MultiArchiveTag); // echoed in the start answer only

        var stopped = await client.Archives.StopAsync(started.Id, Ct);
        Assert.Equal(ArchiveStatus.Stopped, stopped.Status);
        Assert.Equal("user initiated", stopped.Reason);
        Assert.True(stopped.Duration >= TimeSpan.FromSeconds(1), "duration is filled in on stop");
        Assert.True(stopped.Size > 0, "size is filled in on stop");

        var available = await client.Archives.GetAsync(started.Id, Ct);
        Assert.Equal(ArchiveStatus.Available, available.Status);
        Assert.NotNull(available.Url);
        Assert.StartsWith(emulator.BaseAddress.AbsoluteUri, available.Url, StringComparison.Ordinal);

        using var media = await http.GetAsync(available.Url, Ct);
        Assert.Equal(HttpStatusCode.OK, media.StatusCode);
        Assert.Equal("video/mp4", media.Content.Headers.ContentType?.MediaType);
        var bytes = await media.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(available.Size, bytes.LongLength);
        Assert.Equal("ftyp"u8.ToArray(), bytes[4..8]);

        var listed = await client.Archives.ListAsync(cancellationToken: Ct).ToListAsync(Ct);
        Assert.Equal(started.Id, Assert.Single(listed).Id);

        await client.Archives.DeleteAsync(started.Id, Ct);
        Assert.Equal(ArchiveStatus.Deleted, (await client.Archives.GetAsync(started.Id, Ct)).Status);
        Assert.Empty(await client.Archives.ListAsync(cancellationToken: Ct).ToListAsync(Ct));
        using var gone = await http.GetAsync(available.Url, Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        await client.Archives.DeleteAsync(started.Id, Ct); // deleting a deleted archive is allowed
    }

    [Fact]
    public async Task Archive_urls_are_signed_and_tampering_is_refused()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        using var http = new HttpClient();
        var session = await client.RoutedSessionAsync();
        var archive = await client.Archives.StartAsync(session.SessionId, cancellationToken: Ct);
        await client.Archives.StopAsync(archive.Id, Ct);
        var url = (await client.Archives.GetAsync(archive.Id, Ct)).Url!;

        using var tampered = await http.GetAsync(url[..^4] + "0000", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        Assert.Equal(403, (await tampered.ErrorAsync()).Code);
    }

    [Fact]
    public async Task Individual_archives_serve_a_zip_with_their_manifest()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        using var http = new HttpClient();
        var session = await client.RoutedSessionAsync();
        var archive = await client.Archives.StartAsync(session.SessionId, new ArchiveOptions { OutputMode = OutputMode.Individual }, Ct);
        Assert.Null(archive.Resolution);
        await client.Archives.StopAsync(archive.Id, Ct);

        var url = (await client.Archives.GetAsync(archive.Id, Ct)).Url!;
        await using var stream = await http.GetStreamAsync(url, Ct);
        using var zip = new ZipArchive(stream);
        Assert.Equal(archive.Id + ".json", Assert.Single(zip.Entries).Name);
    }

    [Fact]
    public async Task Relayed_sessions_cannot_be_archived()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var relayed = await client.CreateSessionAsync(new SessionOptions { MediaMode = MediaMode.Relayed }, Ct);

        var e = await Assert.ThrowsAsync<OpenTokConflictException>(() => client.Archives.StartAsync(relayed.SessionId, cancellationToken: Ct));
        Assert.Equal(409, e.ErrorCode);
        Assert.Contains("relayed", e.ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_archive_per_session_at_a_time_unless_the_multiArchiveTag_differs()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();

        var first = await client.Archives.StartAsync(session.SessionId, cancellationToken: Ct);
        await Assert.ThrowsAsync<OpenTokConflictException>(() => client.Archives.StartAsync(session.SessionId, cancellationToken: Ct));
        var tagged = await client.Archives.StartAsync(session.SessionId, new ArchiveOptions { MultiArchiveTag = "second" }, Ct);
        await Assert.ThrowsAsync<OpenTokConflictException>(() => client.Archives.StartAsync(session.SessionId, new ArchiveOptions { MultiArchiveTag = "second" }, Ct));

        await client.Archives.StopAsync(first.Id, Ct);
        var again = await client.Archives.StartAsync(session.SessionId, cancellationToken: Ct); // the untagged slot is free again
        Assert.NotEqual(first.Id, again.Id);
        Assert.NotEqual(first.Id, tagged.Id);
        Assert.Equal(3, emulator.Statistics.ArchivesStarted);
    }

    [Fact]
    public async Task Stop_and_delete_follow_the_status_rules_and_unknown_ids_are_404()
    {
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { ArchiveAvailability = ArchiveAvailability.Manual });
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();
        var archive = await client.Archives.StartAsync(session.SessionId, cancellationToken: Ct);

        await Assert.ThrowsAsync<OpenTokConflictException>(() => client.Archives.DeleteAsync(archive.Id, Ct)); // started
        await client.Archives.StopAsync(archive.Id, Ct);
        await Assert.ThrowsAsync<OpenTokConflictException>(() => client.Archives.StopAsync(archive.Id, Ct)); // not recording
        await Assert.ThrowsAsync<OpenTokConflictException>(() => client.Archives.DeleteAsync(archive.Id, Ct)); // stopped, still processing

        var unknown = Guid.NewGuid().ToString("D");
        var e = await Assert.ThrowsAsync<OpenTokNotFoundException>(() => client.Archives.GetAsync(unknown, Ct));
        Assert.Equal(404, e.ErrorCode);
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => client.Archives.StopAsync(unknown, Ct));
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => client.Archives.DeleteAsync(unknown, Ct));
    }

    [Fact]
    public async Task Listing_is_newest_first_pages_by_offset_and_count_and_filters_by_session()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var a = await client.RoutedSessionAsync();
        var b = await client.RoutedSessionAsync();
        var started = new List<Archive>();
        for (var i = 0; i < 5; i++)
        {
            var archive = await client.Archives.StartAsync((i % 2 == 0 ? a : b).SessionId, new ArchiveOptions { Name = $"n{i}" }, Ct);
            await client.Archives.StopAsync(archive.Id, Ct);
            started.Add(archive);
        }

        var all = await client.Archives.ListAsync(cancellationToken: Ct).ToListAsync(Ct);
        Assert.Equal(["n4", "n3", "n2", "n1", "n0"], all.Select(x => x.Name));

        var pages = new List<Page<Archive>>();
        await foreach (var page in client.Archives.ListAsync(cancellationToken: Ct).AsPages(offset: 1, pageSize: 2).WithCancellation(Ct))
        {
            pages.Add(page);
        }

        Assert.Equal([2, 2], pages.Select(p => p.Items.Count));
        Assert.All(pages, p => Assert.Equal(5, p.TotalCount));
        Assert.Equal(["n3", "n2", "n1", "n0"], pages.SelectMany(p => p.Items).Select(x => x.Name));

        var onlyB = await client.Archives.ListAsync(b.SessionId, Ct).ToListAsync(Ct);
        Assert.Equal(["n3", "n1"], onlyB.Select(x => x.Name));

        var last = await client.Archives.ListAsync(cancellationToken: Ct).AsPages(offset: 4).FirstAsync(Ct);
        Assert.Equal((5, "n0"), (last.TotalCount, Assert.Single(last.Items).Name));
    }

    [Fact]
    public async Task Layout_changes_only_composed_running_archives()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();
        var composed = await client.Archives.StartAsync(session.SessionId, new ArchiveOptions { Layout = new Layout { Type = LayoutType.Pip } }, Ct);
        var individual = await client.Archives.StartAsync(session.SessionId, new ArchiveOptions { OutputMode = OutputMode.Individual, MultiArchiveTag = "i" }, Ct);

        await client.Archives.SetLayoutAsync(composed.Id, new Layout { Type = LayoutType.Custom, Stylesheet = "stream { width: 100%; }" }, Ct);
        var e = await Assert.ThrowsAsync<OpenTokApiException>(() => client.Archives.SetLayoutAsync(individual.Id, new Layout(), Ct));
        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);

        await client.Archives.StopAsync(composed.Id, Ct);
        await Assert.ThrowsAsync<OpenTokConflictException>(() => client.Archives.SetLayoutAsync(composed.Id, new Layout(), Ct));
    }

    [Fact]
    public async Task Streams_change_only_in_manual_stream_mode()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();
        var auto = await client.Archives.StartAsync(session.SessionId, cancellationToken: Ct);
        var manual = await client.Archives.StartAsync(session.SessionId, new ArchiveOptions { StreamMode = StreamMode.Manual, MultiArchiveTag = "m" }, Ct);

        var e = await Assert.ThrowsAsync<OpenTokApiException>(() => client.Archives.AddStreamAsync(auto.Id, "stream-1", cancellationToken: Ct));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, e.StatusCode);
        Assert.Equal(405, e.ErrorCode);

        await client.Archives.AddStreamAsync(manual.Id, "stream-1", hasVideo: false, cancellationToken: Ct);
        await client.Archives.AddStreamAsync(manual.Id, "stream-2", cancellationToken: Ct);
        await client.Archives.RemoveStreamAsync(manual.Id, "stream-2", Ct);
        var streams = (await client.Archives.GetAsync(manual.Id, Ct)).Streams;
        Assert.Equal(new ArchiveStream { StreamId = "stream-1", HasAudio = true, HasVideo = false }, Assert.Single(streams));

        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => client.Archives.RemoveStreamAsync(manual.Id, "never-added", Ct));
    }

    [Fact]
    public async Task With_archive_storage_set_archives_end_uploaded_and_the_setting_is_echoed()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();

        var storage = ArchiveStorage.S3("AKIA", "secret-key", "bucket", fallback: "opentok");
        Assert.Equal(storage, await client.Archives.SetStorageAsync(storage, Ct));
        var uploaded = await client.Archives.StartAsync(session.SessionId, cancellationToken: Ct);
        await client.Archives.StopAsync(uploaded.Id, Ct);
        var read = await client.Archives.GetAsync(uploaded.Id, Ct);
        Assert.Equal((ArchiveStatus.Uploaded, (string?)null), (read.Status, read.Url));

        await client.Archives.DeleteStorageAsync(Ct);
        var available = await client.Archives.StartAsync(session.SessionId, cancellationToken: Ct);
        await client.Archives.StopAsync(available.Id, Ct);
        Assert.Equal(ArchiveStatus.Available, (await client.Archives.GetAsync(available.Id, Ct)).Status);
    }

    [Fact]
    public async Task Availability_can_be_delayed_or_left_to_the_test()
    {
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { ArchiveAvailability = ArchiveAvailability.After(TimeSpan.FromMilliseconds(300)) });
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();

        var delayed = await client.Archives.StartAsync(session.SessionId, cancellationToken: Ct);
        await client.Archives.StopAsync(delayed.Id, Ct);
        Assert.Equal(ArchiveStatus.Stopped, (await client.Archives.GetAsync(delayed.Id, Ct)).Status);
        await Task.Delay(400, Ct);
        Assert.Equal(ArchiveStatus.Available, (await client.Archives.GetAsync(delayed.Id, Ct)).Status);

        emulator.ArchiveAvailability = ArchiveAvailability.Manual;
        var manual = await client.Archives.StartAsync(session.SessionId, cancellationToken: Ct);
        Assert.False(emulator.CompleteArchive(manual.Id)); // still recording
        await client.Archives.StopAsync(manual.Id, Ct);
        Assert.Equal(ArchiveStatus.Stopped, (await client.Archives.GetAsync(manual.Id, Ct)).Status);
        Assert.True(emulator.CompleteArchive(manual.Id));
        Assert.Equal(ArchiveStatus.Available, (await client.Archives.GetAsync(manual.Id, Ct)).Status);
    }

    [Fact]
    public async Task An_always_archived_session_is_recorded_from_the_start_and_needs_a_tag_for_a_second_archive()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var session = await client.CreateSessionAsync(
            new SessionOptions { MediaMode = MediaMode.Routed, ArchiveMode = ArchiveMode.Always, ArchiveName = "auto", ArchiveResolution = Resolution.FullHd }, Ct);

        var automatic = Assert.Single(await client.Archives.ListAsync(session.SessionId, Ct).ToListAsync(Ct));
        Assert.Equal((ArchiveStatus.Started, "auto", (Resolution?)Resolution.FullHd), (automatic.Status, automatic.Name, automatic.Resolution));
        await Assert.ThrowsAsync<OpenTokConflictException>(() => client.Archives.StartAsync(session.SessionId, cancellationToken: Ct));
        await client.Archives.StartAsync(session.SessionId, new ArchiveOptions { MultiArchiveTag = "manual" }, Ct);
    }

    [Fact]
    public async Task Transcription_requests_are_kept()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();

        var archive = await client.Archives.StartAsync(session.SessionId, new ArchiveOptions
        {
            OutputMode = OutputMode.Individual,
            HasTranscription = true,
            TranscriptionProperties = new TranscriptionProperties { PrimaryLanguageCode = "fr-FR", HasSummary = true },
        }, Ct);

        Assert.True(archive.HasTranscription);
        Assert.Equal(("requested", "fr-FR", (bool?)true), (archive.Transcription?.Status, archive.Transcription?.PrimaryLanguageCode, archive.Transcription?.HasSummary));
    }

    [Fact]
    public async Task Reset_forgets_everything_but_keeps_credentials_and_faults()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();
        await client.Archives.StartAsync(session.SessionId, cancellationToken: Ct);

        emulator.Reset();

        Assert.Empty(emulator.Sessions);
        Assert.Empty(emulator.Archives);
        Assert.Equal(new EmulatorStatistics(0, 0, 0, 0, 0, 0, 0), emulator.Statistics);
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => client.Archives.StartAsync(session.SessionId, cancellationToken: Ct));
    }

    [Fact]
    public async Task Unknown_sessions_of_this_key_can_be_adopted_after_a_restart()
    {
        string sessionId;
        await using (var first = await StartAsync())
        {
            using var client = first.CreateClient();
            sessionId = (await client.RoutedSessionAsync()).SessionId;
        }

        await using var strict = await StartAsync();
        using (var client = strict.CreateClient())
        {
            await Assert.ThrowsAsync<OpenTokNotFoundException>(() => client.Archives.StartAsync(sessionId, cancellationToken: Ct));
        }

        await using var lenient = await StartAsync(new OpenTokEmulatorOptions { AcceptUnknownSessions = true });
        using (var client = lenient.CreateClient())
        {
            var archive = await client.Archives.StartAsync(sessionId, cancellationToken: Ct);
            Assert.Equal(sessionId, archive.SessionId);
        }
    }
}
