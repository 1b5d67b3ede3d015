using Microsoft.Extensions.Time.Testing;
using OpenTok.Refit.Emulator.Areas.ExperienceComposer;
using OpenTok.Refit.Emulator.Areas.LiveSessions;
using static OpenTok.Refit.Emulator.Tests.LiveSupport;
using static OpenTok.Refit.Emulator.Tests.Support;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>
/// What the emulator POSTs as its state changes: every event is received by a real endpoint (<c>MapOpenTokCallbacks</c>
/// on Kestrel), parsed by <c>OpenTokEvent.Parse</c>, and checked as the typed event a user's handler gets.
/// </summary>
public sealed class CallbackEventTests
{
    // A fake clock from a whole second now: client tokens signed by the SDK on the real clock stay valid as it moves.
    private static FakeTimeProvider ClockNow() => new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    [Fact]
    public async Task Emulated_clients_connecting_publishing_and_leaving_are_session_monitoring_events_in_order()
    {
        var clock = ClockNow();
        var start = clock.GetUtcNow();
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Seed = 1, TimeProvider = clock, CallbackUrl = receiver.Url });
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();

        await using var host = await emulator.JoinAsync(session, Role.Moderator, data: "name=host");
        clock.Advance(TimeSpan.FromSeconds(1));
        var guest = await emulator.JoinAsync(session, data: "name=guest");
        var camera = await guest.PublishAsync(Camera("cam"), Ct);
        var voice = await guest.PublishAsync(new EmulatedStream { Name = "voice", HasVideo = false }, Ct);
        clock.Advance(TimeSpan.FromSeconds(1));
        await voice.UnpublishAsync(Ct);
        await guest.DisposeAsync();

        var received = await receiver.WaitForAsync(7);
        Assert.Equal(
            [
                ("connectionCreated", host.ConnectionId),
                ("connectionCreated", guest.ConnectionId),
                ("streamCreated", camera.StreamId),
                ("streamCreated", voice.StreamId),
                ("streamDestroyed", voice.StreamId),
                ("streamDestroyed", camera.StreamId),
                ("connectionDestroyed", guest.ConnectionId),
            ],
            received.Select(r => (r.Event.Kind.Value, r.Event switch
            {
                ConnectionEvent c => c.Connection.Id,
                StreamEvent s => s.Stream.Id,
                _ => "?",
            })));
        Assert.All(received, r => Assert.Equal(("/events", session.SessionId, emulator.ApiKey, (string?)null), (r.Path, r.Event.SessionId, r.Event.ProjectId, r.Event.ApplicationId)));

        var hostJoined = Assert.IsType<ConnectionEvent>(received[0].Event);
        Assert.Equal((OpenTokEventKind.ConnectionCreated, "name=host", start, start), (hostJoined.Kind, hostJoined.Connection.Data, hostJoined.Connection.CreatedAt, hostJoined.Timestamp));
        Assert.Null(hostJoined.Reason);

        var cameraCreated = Assert.IsType<StreamEvent>(received[2].Event);
        Assert.Equal(("cam", (VideoType?)VideoType.Camera, start.AddSeconds(1)), (cameraCreated.Stream.Name, cameraCreated.Stream.VideoType, cameraCreated.Stream.CreatedAt));
        Assert.Equal((guest.ConnectionId, "name=guest"), (cameraCreated.Stream.Connection.Id, cameraCreated.Stream.Connection.Data));
        Assert.Null(Assert.IsType<StreamEvent>(received[3].Event).Stream.VideoType); // audio only: the service leaves videoType out

        var unpublished = Assert.IsType<StreamEvent>(received[4].Event);
        Assert.Equal((DestroyedReason.ClientDisconnected, start.AddSeconds(2)), (unpublished.Reason, unpublished.Timestamp));
        Assert.Equal(DestroyedReason.ClientDisconnected, Assert.IsType<StreamEvent>(received[5].Event).Reason);
        var left = Assert.IsType<ConnectionEvent>(received[6].Event);
        Assert.Equal((DestroyedReason.ClientDisconnected, "name=guest"), (left.Reason, left.Connection.Data));

        await emulator.Callbacks.WhenIdleAsync(Ct);
        var log = emulator.Callbacks.Deliveries;
        Assert.Equal(7, log.Count);
        Assert.All(log, d => Assert.Equal((CallbackFamily.SessionMonitoring, CallbackDeliveryState.Delivered, 1, (int?)200, receiver.Url), (d.Family, d.State, d.Attempts, d.LastStatusCode, d.Url)));
        Assert.Equal(received.Select(r => r.Event.Kind), log.Select(d => d.Kind));
        Assert.Equal(log.Select(d => d.Id).Order(), log.Select(d => d.Id));
    }

    [Fact]
    public async Task A_forced_disconnect_says_so_and_each_session_keeps_its_own_order()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Seed = 1, CallbackUrl = receiver.Url });
        using var opentok = emulator.CreateClient();
        var first = await opentok.RoutedSessionAsync();
        var second = await opentok.RoutedSessionAsync();

        var kicked = await emulator.JoinAsync(first);
        await using var other = await emulator.JoinAsync(second);
        var stream = await kicked.PublishAsync(Camera("cam"), Ct);
        await using var stays = await emulator.JoinAsync(second);
        await opentok.Moderation.ForceDisconnectAsync(first.SessionId, kicked.ConnectionId, Ct);

        var received = await receiver.WaitForAsync(6);
        Assert.Equal(
            ["connectionCreated", "streamCreated", "streamDestroyed", "connectionDestroyed"],
            received.Where(r => r.Event.SessionId == first.SessionId).Select(r => r.Event.Kind.Value));
        Assert.Equal(
            [other.ConnectionId, stays.ConnectionId],
            received.Where(r => r.Event.SessionId == second.SessionId).Select(r => Assert.IsType<ConnectionEvent>(r.Event).Connection.Id));
        var destroyed = received.Where(r => r.Event.SessionId == first.SessionId).Skip(2).Select(r => r.Event).ToList();
        Assert.Equal((stream.StreamId, DestroyedReason.ForceDisconnected), (Assert.IsType<StreamEvent>(destroyed[0]).Stream.Id, Assert.IsType<StreamEvent>(destroyed[0]).Reason));
        Assert.Equal(DestroyedReason.ForceDisconnected, Assert.IsType<ConnectionEvent>(destroyed[1]).Reason);
    }

    [Fact]
    public async Task An_archive_reports_started_then_stopped_and_available_once_when_the_emulator_clock_passes_its_processing_time()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 3, 4, 5, 6, 7, 250, TimeSpan.Zero));
        var start = clock.GetUtcNow();
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions
        {
            Seed = 1,
            TimeProvider = clock,
            CallbackUrl = receiver.Url,
            ArchiveAvailability = ArchiveAvailability.After(TimeSpan.FromSeconds(30)),
        });
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();

        var archive = await opentok.Archives.StartAsync(session.SessionId, new ArchiveOptions { Name = "Foo" }, Ct);
        clock.Advance(TimeSpan.FromSeconds(10));
        await opentok.Archives.StopAsync(archive.Id, Ct);

        var received = await receiver.WaitForAsync(2);
        await emulator.Callbacks.WhenIdleAsync(Ct);
        Assert.Equal(2, receiver.Received.Count); // still processing: nothing more until the clock passes 30 s
        var started = Assert.IsType<ArchiveStatusEvent>(received[0].Event);
        Assert.Equal((OpenTokEventKind.Archive, archive.Id, ArchiveStatus.Started, "Foo", session.SessionId), (started.Kind, started.Id, started.Status, started.Name, started.SessionId));
        Assert.Equal((emulator.ApiKey, TimeSpan.Zero, 0L, (string?)null), (started.ProjectId, started.Duration, started.Size, started.Url));
        Assert.Equal(new DateTimeOffset(2031, 3, 4, 5, 6, 7, TimeSpan.Zero), started.CreatedAt); // the callback's createdAt is to the second
        Assert.Contains("\"partnerId\":10000001", started.RawJson, StringComparison.Ordinal); // a number, as the service sends it
        var stopped = Assert.IsType<ArchiveStatusEvent>(received[1].Event);
        Assert.Equal((ArchiveStatus.Stopped, TimeSpan.FromSeconds(10), "user initiated", (string?)null), (stopped.Status, stopped.Duration, stopped.Reason, stopped.Url));
        Assert.True(stopped.Size > 0);

        clock.Advance(TimeSpan.FromSeconds(30));
        var available = Assert.IsType<ArchiveStatusEvent>((await receiver.WaitForAsync(3))[2].Event);
        Assert.Equal((archive.Id, ArchiveStatus.Available, stopped.Size, TimeSpan.FromSeconds(10)), (available.Id, available.Status, available.Size, available.Duration));
        using (var http = new HttpClient())
        {
            Assert.Equal(stopped.Size, (await http.GetByteArrayAsync(available.Url, Ct)).LongLength); // the event's url serves the file
        }

        clock.Advance(TimeSpan.FromHours(1));
        await opentok.Archives.GetAsync(archive.Id, Ct);
        await emulator.Callbacks.WhenIdleAsync(Ct);
        Assert.Equal(3, receiver.Received.Count); // reported once
        Assert.Equal(["started", "stopped", "available"], emulator.Callbacks.Deliveries.Select(d => d.Status));
        Assert.All(emulator.Callbacks.Deliveries, d => Assert.Equal(CallbackFamily.Archive, d.Family));
        Assert.Equal(start + TimeSpan.FromSeconds(40), emulator.Callbacks.Deliveries[2].QueuedAt); // when it became available, on the emulator's clock
    }

    [Fact]
    public async Task An_always_archived_session_reports_its_archive_at_creation_an_instant_stop_reports_stopped_then_available_and_a_manual_one_waits_for_completion()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Seed = 1, CallbackUrl = receiver.Url });
        using var opentok = emulator.CreateClient();

        var session = await opentok.CreateSessionAsync(new SessionOptions { MediaMode = MediaMode.Routed, ArchiveMode = ArchiveMode.Always }, Ct);
        var recording = Assert.IsType<ArchiveStatusEvent>((await receiver.WaitForAsync(1))[0].Event);
        Assert.Equal((session.SessionId, ArchiveStatus.Started), (recording.SessionId, recording.Status));

        await opentok.Archives.StopAsync(recording.Id, Ct);
        var received = await receiver.WaitForAsync(3);
        Assert.Equal([ArchiveStatus.Started, ArchiveStatus.Stopped, ArchiveStatus.Available], received.Select(r => Assert.IsType<ArchiveStatusEvent>(r.Event).Status));
        Assert.NotNull(Assert.IsType<ArchiveStatusEvent>(received[2].Event).Url);

        emulator.ArchiveAvailability = ArchiveAvailability.Manual;
        var manual = await opentok.RoutedSessionAsync();
        var archive = await opentok.Archives.StartAsync(manual.SessionId, cancellationToken: Ct);
        await opentok.Archives.StopAsync(archive.Id, Ct);
        await receiver.WaitForAsync(5);
        await emulator.Callbacks.WhenIdleAsync(Ct);
        Assert.Equal(5, receiver.Received.Count);

        Assert.True(emulator.CompleteArchive(archive.Id));
        var completed = Assert.IsType<ArchiveStatusEvent>((await receiver.WaitForAsync(6))[5].Event);
        Assert.Equal((archive.Id, ArchiveStatus.Available), (completed.Id, completed.Status));
    }

    [Fact]
    public async Task A_broadcast_reports_started_and_stopped_by_a_call_or_by_its_maximum_duration_on_the_emulator_clock()
    {
        var clock = ClockNow();
        var start = clock.GetUtcNow();
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Seed = 1, TimeProvider = clock, CallbackUrl = receiver.Url });
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        var other = await opentok.RoutedSessionAsync();

        var stoppedByCall = await opentok.Broadcasts.StartAsync(session.SessionId, new BroadcastOptions { Hls = new HlsOptions() }, Ct);
        var timed = await opentok.Broadcasts.StartAsync(other.SessionId, new BroadcastOptions { Hls = new HlsOptions(), MaxDuration = TimeSpan.FromSeconds(60) }, Ct);
        clock.Advance(TimeSpan.FromSeconds(5));
        await opentok.Broadcasts.StopAsync(stoppedByCall.Id, Ct);
        await receiver.WaitForAsync(3);
        clock.Advance(TimeSpan.FromSeconds(55));

        var received = (await receiver.WaitForAsync(4)).Select(r => Assert.IsType<BroadcastStatusEvent>(r.Event)).ToList();
        Assert.All(received, b => Assert.Equal((OpenTokEventKind.Broadcast, emulator.ApiKey), (b.Kind, b.ProjectId)));
        // Two sessions: each broadcast's events are in order; between sessions, only the clock orders them.
        Assert.Equal(
            [(BroadcastStatus.Started, start), (BroadcastStatus.Stopped, start.AddSeconds(5))],
            received.Where(b => b.Id == stoppedByCall.Id).Select(b => (b.Status, b.UpdatedAt!.Value)));
        Assert.Equal(
            [(BroadcastStatus.Started, start), (BroadcastStatus.Stopped, start.AddSeconds(60))],
            received.Where(b => b.Id == timed.Id).Select(b => (b.Status, b.UpdatedAt!.Value)));
        Assert.Equal((timed.Id, HlsStatus.Ended), (received[3].Id, received[3].BroadcastUrls!.HlsStatus)); // it came when the clock passed 60 s
        var timedStarted = received.First(b => b.Id == timed.Id);
        Assert.Equal((HlsStatus.Live, (TimeSpan?)TimeSpan.FromSeconds(60)), (timedStarted.BroadcastUrls!.HlsStatus, timedStarted.MaxDuration));
    }

    [Fact]
    public async Task A_render_reports_starting_started_and_stopped_with_its_reason_and_captions_report_to_their_own_status_url()
    {
        var clock = ClockNow();
        var start = clock.GetUtcNow();
        await using var receiver = await CallbackReceiver.StartAsync();
        // Render events only: a started render also joins its session, whose monitoring events are another family.
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions
        {
            Seed = 1,
            TimeProvider = clock,
            Callbacks = new EmulatorCallbackOptions { ExperienceComposerUrl = receiver.Url },
        });
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();

        var render = await opentok.ExperienceComposer.StartAsync(session.SessionId, session.GenerateToken(), new RenderOptions { Url = "https://webapp.example.com/room/1", MaxDuration = TimeSpan.FromSeconds(60) }, Ct);
        clock.Advance(RenderStore.StartingDuration);
        await receiver.WaitForAsync(2);
        clock.Advance(TimeSpan.FromSeconds(60));

        var renders = (await receiver.WaitForAsync(3)).Select(r => Assert.IsType<RenderStatusEvent>(r.Event)).ToList();
        Assert.Equal(
            [
                (RenderStatus.Starting, start, (string?)null, (string?)null),
                (RenderStatus.Started, start + RenderStore.StartingDuration, null, renders[2].StreamId),
                (RenderStatus.Stopped, start.AddSeconds(60), "Max Duration Exceeded", renders[2].StreamId),
            ],
            renders.Select(r => (r.Status, r.UpdatedAt!.Value, r.Reason, r.StreamId)));
        Assert.All(renders, r => Assert.Equal((OpenTokEventKind.Render, render.Id, session.SessionId, emulator.ApiKey), (r.Kind, r.Id, r.SessionId, r.ProjectId)));
        Assert.True(Guid.TryParseExact(renders[2].StreamId, "D", out _));
        Assert.DoesNotContain("\"event\"", renders[0].RawJson, StringComparison.Ordinal); // as the service's guide shows it

        var captions = await opentok.Captions.StartAsync(session.SessionId, session.GenerateToken(new TokenOptions { Role = Role.Moderator }),
            new CaptionsOptions { StatusCallbackUrl = receiver.OtherUrl.AbsoluteUri }, Ct);
        clock.Advance(TimeSpan.FromSeconds(42));
        await opentok.Captions.StopAsync(captions.CaptionsId, Ct);

        var received = await receiver.WaitForAsync(5);
        Assert.All(received.Skip(3), r => Assert.Equal("/other", r.Path));
        var captionEvents = received.Skip(3).Select(r => Assert.IsType<CaptionsStatusEvent>(r.Event)).ToList();
        Assert.Equal([CaptionsStatus.Started, CaptionsStatus.Stopped], captionEvents.Select(c => c.Status));
        Assert.All(captionEvents, c => Assert.Equal((OpenTokEventKind.Captions, captions.CaptionsId, session.SessionId, "en-US"), (c.Kind, c.CaptionsId, c.SessionId, c.LanguageCode)));
        Assert.Equal((TimeSpan.FromSeconds(42), (string?)null), (captionEvents[1].Duration, captionEvents[1].Reason));
        Assert.Equal([CallbackFamily.ExperienceComposer, CallbackFamily.ExperienceComposer, CallbackFamily.ExperienceComposer, CallbackFamily.Captions, CallbackFamily.Captions],
            emulator.Callbacks.Deliveries.Select(d => d.Family));
    }

    [Fact]
    public async Task A_SIP_connection_reports_its_call_created_answered_muted_and_destroyed_beside_its_session_monitoring_events()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions
        {
            Seed = 1,
            CallbackUrl = receiver.Url,
            Callbacks = new EmulatorCallbackOptions { SipUrl = receiver.OtherUrl },
        });
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        var live = emulator.State.Store<LiveSessionStore>();
        var conference = Guid.NewGuid().ToString("D");

        // What the SIP area does for a dial: a connection that rings, is answered and publishes the call's audio.
        var sip = live.AddServerConnection(session.SessionId, ConnectionKind.Sip, "caller=+15550100", ConnectionState.Connecting, conference);
        live.MarkServerConnectionConnected(session.SessionId, sip);
        var audio = live.AddServerStream(session.SessionId, sip, "phone", VideoType.Custom, hasAudio: true, hasVideo: false);
        await opentok.Moderation.ForceMuteStreamAsync(session.SessionId, audio, Ct);
        await opentok.Moderation.ForceDisconnectAsync(session.SessionId, sip, Ct);
        var unanswered = live.AddServerConnection(session.SessionId, ConnectionKind.Sip, null, ConnectionState.Connecting, "second-call");
        await opentok.Moderation.ForceDisconnectAsync(session.SessionId, unanswered, Ct);

        var received = await receiver.WaitForAsync(10);
        Assert.Equal(
            [
                ("/other", "callCreated"), ("/other", "callUpdated"), ("/events", "connectionCreated"), ("/events", "streamCreated"), ("/other", "muteForced"),
                ("/events", "streamDestroyed"), ("/events", "connectionDestroyed"), ("/other", "callDestroyed"),
                ("/other", "callCreated"), ("/other", "callDestroyed"),
            ],
            received.Select(r => (r.Path, r.Event.Kind.Value)));
        var calls = received.Where(r => r.Path == "/other").Select(r => Assert.IsType<SipCallEvent>(r.Event)).ToList();
        Assert.All(calls.Take(4), c => Assert.Equal((conference, sip, session.SessionId, emulator.ApiKey), (c.Call.Id, c.Call.ConnectionId, c.SessionId, c.ProjectId)));
        Assert.Equal(SipCallState.Active, calls[1].State);
        Assert.Equal(("700", "Normal Clearing"), (calls[3].ReasonCode, calls[3].ReasonMessage));
        Assert.Contains("\"reason_code\":\"700\"", calls[3].RawJson, StringComparison.Ordinal); // snake_case, a string
        Assert.Equal(("second-call", unanswered, "487"), (calls[5].Call.Id, calls[5].Call.ConnectionId, calls[5].ReasonCode));
        var joined = Assert.IsType<ConnectionEvent>(received[2].Event);
        Assert.Equal((sip, "caller=+15550100"), (joined.Connection.Id, joined.Connection.Data));
        Assert.Null(Assert.IsType<StreamEvent>(received[3].Event).Stream.VideoType);
    }

    [Fact]
    public async Task A_call_dialled_through_the_SDK_is_reported_under_the_id_the_dial_answered()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Seed = 2, Callbacks = new EmulatorCallbackOptions { SipUrl = receiver.Url } });
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();

        var call = await opentok.Sip.DialAsync(session.SessionId, session.GenerateToken(), new SipOptions { Uri = "sip:+15550100@sip.example.com" }, Ct);
        await opentok.Moderation.ForceDisconnectAsync(session.SessionId, call.ConnectionId, Ct);

        var received = await receiver.WaitForAsync(3);
        Assert.Equal(["callCreated", "callUpdated", "callDestroyed"], received.Select(r => r.Event.Kind.Value));
        Assert.All(received, r => Assert.Equal((call.Id, call.ConnectionId), (((SipCallEvent)r.Event).Call.Id, ((SipCallEvent)r.Event).Call.ConnectionId)));
    }

    [Fact]
    public async Task Urls_registered_through_the_legacy_callback_API_receive_their_events_until_unregistered()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Seed = 3 });
        using var opentok = emulator.CreateClient();
        var joined = await opentok.Callbacks.RegisterAsync(CallbackGroup.Connection, CallbackEvent.Created, receiver.Url.AbsoluteUri, Ct);
        await opentok.Callbacks.RegisterAsync(CallbackGroup.Archive, CallbackEvent.Status, receiver.OtherUrl.AbsoluteUri, Ct);
        var session = await opentok.RoutedSessionAsync();

        await using (var alice = await emulator.JoinAsync(session))
        {
            var archive = await opentok.Archives.StartAsync(session.SessionId, cancellationToken: Ct);
            var received = await receiver.WaitForAsync(2);
            Assert.Equal([("/events", "connectionCreated"), ("/other", "archive")], received.Select(r => (r.Path, r.Event.Kind.Value)));
            Assert.Equal(archive.Id, Assert.IsType<ArchiveStatusEvent>(received[1].Event).Id);
        }

        // Leaving is connectionDestroyed, which nobody registered for; after unregistering, a new client is not reported.
        await opentok.Callbacks.UnregisterAsync(joined.Id, Ct);
        await using (await emulator.JoinAsync(session))
        {
        }

        await emulator.Callbacks.WhenIdleAsync(Ct);
        Assert.Equal(2, receiver.Received.Count);
    }
}
