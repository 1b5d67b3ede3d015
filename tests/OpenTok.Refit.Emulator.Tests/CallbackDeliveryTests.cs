using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using static OpenTok.Refit.Emulator.Tests.LiveSupport;
using static OpenTok.Refit.Emulator.Tests.Support;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>
/// How the emulator delivers callback events to a real receiver: signed, retried in order, dropped or duplicated on
/// purpose, routed per family and at run time, never holding up a REST answer, and stopped cleanly.
/// </summary>
public sealed class CallbackDeliveryTests
{
    private const string Secret = "emulator-signature-secret-0123456789abcdef";

    private static EmulatorCallbackOptions Fast => new() { RetryBaseDelay = TimeSpan.FromMilliseconds(10) };

    [Fact]
    public async Task Signed_deliveries_carry_a_JWT_that_MapOpenTokCallbacks_and_CallbackSignature_accept()
    {
        await using var receiver = await CallbackReceiver.StartAsync(signatureSecret: Secret);
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions
        {
            Seed = 1,
            CallbackUrl = receiver.Url,
            Callbacks = Fast with { SignatureSecret = Secret },
        });
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        await using var client = await emulator.JoinAsync(session);
        var archive = await opentok.Archives.StartAsync(session.SessionId, cancellationToken: Ct);
        await opentok.Archives.StopAsync(archive.Id, Ct);

        var received = await receiver.WaitForAsync(4); // MapOpenTokCallbacks verified each, or it would have answered 401 or 503
        var checks = received.Select(r => CallbackSignature.Verify(r.Authorization, Encoding.UTF8.GetBytes(r.Event.RawJson), Secret, DateTimeOffset.UtcNow)).ToList();
        Assert.All(checks, c => Assert.Equal((CallbackSignatureStatus.Valid, emulator.ApiKey, (string?)null), (c.Status, c.ApiKey, c.ApplicationId)));
        Assert.All(received, r => Assert.StartsWith("Bearer ", r.Authorization, StringComparison.Ordinal));
        Assert.Equal(4, checks.Select(c => c.TokenId).Distinct().Count());
        Assert.All(checks, c => Assert.InRange(c.IssuedAt!.Value, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1)));
        await emulator.Callbacks.WhenIdleAsync(Ct);
        Assert.All(emulator.Callbacks.Deliveries, d => Assert.True(d.IsSigned));

        // A receiver that holds another secret refuses every delivery (401); the emulator gives up after its attempts.
        emulator.Callbacks.SignatureSecret = "a-different-secret-entirely";
        await using var other = await emulator.JoinAsync(session);
        await emulator.Callbacks.WhenIdleAsync(Ct);
        var refused = emulator.Callbacks.Deliveries[^1];
        Assert.Equal((CallbackDeliveryState.Failed, 5, (int?)401), (refused.State, refused.Attempts, refused.LastStatusCode));
        Assert.DoesNotContain(Secret, emulator.Callbacks.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Vonage_application_s_events_carry_its_application_id_and_its_signatures_the_application_id_claim()
    {
        await using var receiver = await CallbackReceiver.StartAsync(signatureSecret: Secret);
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions
        {
            Seed = 1,
            Application = EmulatedApplication.Generate(),
            CallbackUrl = receiver.Url,
            Callbacks = new EmulatorCallbackOptions { SignatureSecret = Secret },
        });
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        await using var client = await emulator.JoinAsync(session);
        await opentok.Archives.StartAsync(session.SessionId, cancellationToken: Ct);

        var received = await receiver.WaitForAsync(2);
        Assert.All(received, r => Assert.Equal((emulator.ApplicationId, (string?)null), (r.Event.ApplicationId, r.Event.ProjectId)));
        Assert.IsType<ConnectionEvent>(received[0].Event);
        Assert.Equal(ArchiveStatus.Started, Assert.IsType<ArchiveStatusEvent>(received[1].Event).Status);
        var signature = CallbackSignature.Verify(received[1].Authorization, Encoding.UTF8.GetBytes(received[1].Event.RawJson), Secret, DateTimeOffset.UtcNow);
        Assert.Equal((CallbackSignatureStatus.Valid, emulator.ApplicationId, emulator.Options.ApiKey), (signature.Status, signature.ApplicationId, signature.ApiKey));
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_until_it_succeeds_and_later_events_of_its_session_wait_for_it()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        receiver.FailWith = n => n <= 2 ? HttpStatusCode.InternalServerError : null;
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Seed = 1, CallbackUrl = receiver.Url, Callbacks = Fast });
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();

        var client = await emulator.JoinAsync(session);
        var camera = await client.PublishAsync(Camera("cam"), Ct);
        await camera.UnpublishAsync(Ct);
        await client.DisposeAsync();

        var received = await receiver.WaitForAsync(4);
        Assert.Equal(["connectionCreated", "streamCreated", "streamDestroyed", "connectionDestroyed"], received.Select(r => r.Event.Kind.Value));
        await emulator.Callbacks.WhenIdleAsync(Ct);
        var log = emulator.Callbacks.Deliveries;
        Assert.Equal((CallbackDeliveryState.Delivered, 3, (int?)200, (string?)null), (log[0].State, log[0].Attempts, log[0].LastStatusCode, log[0].LastError));
        Assert.All(log.Skip(1), d => Assert.Equal((CallbackDeliveryState.Delivered, 1), (d.State, d.Attempts)));
        Assert.Equal(6, receiver.Requests);
    }

    [Fact]
    public async Task Retries_wait_on_the_emulator_clock_doubling_each_time()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        await using var receiver = await CallbackReceiver.StartAsync();
        receiver.FailWith = n => n <= 2 ? HttpStatusCode.ServiceUnavailable : null;
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Seed = 1, TimeProvider = clock, CallbackUrl = receiver.Url });
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        await using var client = await emulator.JoinAsync(session);

        await AttemptsAsync(emulator, 1);
        clock.Advance(TimeSpan.FromMilliseconds(999));
        await Task.Delay(200, Ct);
        Assert.Equal(1, emulator.Callbacks.Deliveries[0].Attempts); // the first retry waits 1 s of the emulator's clock
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await AttemptsAsync(emulator, 2);
        clock.Advance(TimeSpan.FromMilliseconds(1999));
        await Task.Delay(200, Ct);
        Assert.Equal(2, emulator.Callbacks.Deliveries[0].Attempts); // the second waits 2 s
        clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(client.ConnectionId, Assert.IsType<ConnectionEvent>((await receiver.WaitForAsync(1))[0].Event).Connection.Id);
        await emulator.Callbacks.WhenIdleAsync(Ct);
        var delivery = emulator.Callbacks.Deliveries[0];
        Assert.Equal((CallbackDeliveryState.Delivered, 3), (delivery.State, delivery.Attempts));
        Assert.Equal(TimeSpan.FromSeconds(3), delivery.LastAttemptAt - delivery.QueuedAt);
        Assert.Equal(delivery.LastAttemptAt, delivery.CompletedAt);
    }

    [Fact]
    public async Task An_event_is_given_up_after_its_last_attempt_and_the_session_s_next_events_go_on()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        receiver.FailWith = n => n <= 3 ? HttpStatusCode.BadGateway : null;
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Seed = 1, CallbackUrl = receiver.Url, Callbacks = Fast with { MaxAttempts = 3 } });
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();

        var client = await emulator.JoinAsync(session);
        await client.DisposeAsync();

        Assert.Equal(client.ConnectionId, Assert.IsType<ConnectionEvent>(Assert.Single(await receiver.WaitForAsync(1)).Event).Connection.Id);
        await emulator.Callbacks.WhenIdleAsync(Ct);
        var (lost, delivered) = (emulator.Callbacks.Deliveries[0], emulator.Callbacks.Deliveries[1]);
        Assert.Equal((OpenTokEventKind.ConnectionCreated, CallbackDeliveryState.Failed, 3, (int?)502), (lost.Kind, lost.State, lost.Attempts, lost.LastStatusCode));
        Assert.Contains("502", lost.LastError, StringComparison.Ordinal);
        Assert.Equal((OpenTokEventKind.ConnectionDestroyed, CallbackDeliveryState.Delivered), (delivered.Kind, delivered.State));

        // Nobody listening at all: a transport error, retried and given up the same way.
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        emulator.Callbacks.Url = new Uri($"http://127.0.0.1:{port}/events");
        await using var refused = await emulator.JoinAsync(session);
        await emulator.Callbacks.WhenIdleAsync(Ct);
        var unreachable = emulator.Callbacks.Deliveries[^1];
        Assert.Equal((CallbackDeliveryState.Failed, 3, (int?)null), (unreachable.State, unreachable.Attempts, unreachable.LastStatusCode));
        Assert.False(string.IsNullOrEmpty(unreachable.LastError));
    }

    [Fact]
    public async Task The_drop_fault_loses_deliveries_on_purpose_and_logs_them_seeded_like_the_other_faults()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Seed = 1, CallbackUrl = receiver.Url, Faults = new FaultInjection { CallbackDropRate = 1 } });
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();

        var lost = await emulator.JoinAsync(session);
        await lost.DisposeAsync();
        emulator.Faults = FaultInjection.None;
        await using var heard = await emulator.JoinAsync(session);

        Assert.Equal(heard.ConnectionId, Assert.IsType<ConnectionEvent>(Assert.Single(await receiver.WaitForAsync(1)).Event).Connection.Id);
        await emulator.Callbacks.WhenIdleAsync(Ct);
        Assert.Equal(
            [(CallbackDeliveryState.Dropped, 0), (CallbackDeliveryState.Dropped, 0), (CallbackDeliveryState.Delivered, 1)],
            emulator.Callbacks.Deliveries.Select(d => (d.State, d.Attempts)));
        Assert.Equal(1, receiver.Requests);

        // The same seed drops the same deliveries.
        Assert.Equal(await DropPatternAsync(7), await DropPatternAsync(7));
        Assert.Equal([false, true], (await DropPatternAsync(7)).Distinct().Order()); // some dropped, some not
    }

    [Fact]
    public async Task The_duplicate_fault_sends_an_event_twice_the_copy_right_after_the_original()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Seed = 1, CallbackUrl = receiver.Url, Faults = new FaultInjection { CallbackDuplicateRate = 1 } });
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();

        var client = await emulator.JoinAsync(session);
        await client.DisposeAsync();

        var received = await receiver.WaitForAsync(4);
        Assert.Equal(["connectionCreated", "connectionCreated", "connectionDestroyed", "connectionDestroyed"], received.Select(r => r.Event.Kind.Value));
        Assert.Equal(received[0].Event.RawJson, received[1].Event.RawJson);
        Assert.Equal(received[2].Event, received[3].Event);
        await emulator.Callbacks.WhenIdleAsync(Ct);
        Assert.Equal([false, true, false, true], emulator.Callbacks.Deliveries.Select(d => d.IsDuplicate));
        Assert.All(emulator.Callbacks.Deliveries, d => Assert.Equal(CallbackDeliveryState.Delivered, d.State));
    }

    [Fact]
    public async Task A_family_s_own_URL_overrides_the_common_one()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions
        {
            Seed = 1,
            CallbackUrl = receiver.Url,
            Callbacks = new EmulatorCallbackOptions { ArchiveUrl = receiver.OtherUrl },
        });
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();

        await using var client = await emulator.JoinAsync(session);
        await opentok.Archives.StartAsync(session.SessionId, cancellationToken: Ct);

        var received = await receiver.WaitForAsync(2);
        Assert.Equal([("/events", "connectionCreated"), ("/other", "archive")], received.Select(r => (r.Path, r.Event.Kind.Value)));
        Assert.Equal((receiver.OtherUrl, receiver.Url, receiver.Url), (emulator.Callbacks.UrlFor(CallbackFamily.Archive), emulator.Callbacks.UrlFor(CallbackFamily.Broadcast), emulator.Callbacks.Url));
    }

    [Fact]
    public async Task URLs_set_at_run_time_apply_to_the_events_that_follow()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();

        await using var unheard = await emulator.JoinAsync(session); // no URL yet: nothing is sent or logged
        Assert.Empty(emulator.Callbacks.Deliveries);

        emulator.Callbacks.Url = receiver.Url; // as a host does once it knows its own address
        await using var heard = await emulator.JoinAsync(session);
        emulator.Callbacks.SessionMonitoringUrl = receiver.OtherUrl;
        await using var elsewhere = await emulator.JoinAsync(session);
        emulator.Callbacks.SessionMonitoringUrl = null;
        emulator.Callbacks.Url = null;
        await using var unheardAgain = await emulator.JoinAsync(session);

        var received = await receiver.WaitForAsync(2);
        Assert.Equal(
            [("/events", heard.ConnectionId), ("/other", elsewhere.ConnectionId)],
            received.Select(r => (r.Path, Assert.IsType<ConnectionEvent>(r.Event).Connection.Id)));
        await emulator.Callbacks.WhenIdleAsync(Ct);
        Assert.Equal(2, emulator.Callbacks.Deliveries.Count);
        Assert.Throws<ArgumentException>(() => emulator.Callbacks.Url = new Uri("ftp://127.0.0.1/events"));
        Assert.Throws<ArgumentException>(() => emulator.Callbacks.ArchiveUrl = new Uri("/relative", UriKind.Relative));
        Assert.Throws<ArgumentException>(() => emulator.Callbacks.SignatureSecret = " ");
    }

    [Fact]
    public async Task A_receiver_that_never_answers_holds_up_no_REST_call_and_no_other_session()
    {
        using var blackHole = new BlackHole();
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions
        {
            Seed = 1,
            CallbackUrl = blackHole.Url,
            Callbacks = new EmulatorCallbackOptions { AttemptTimeout = TimeSpan.FromMinutes(5) },
        });
        using var opentok = emulator.CreateClient();
        var stuck = await opentok.RoutedSessionAsync();

        await using var waiting = await emulator.JoinAsync(stuck);
        for (var i = 0; i < 5; i++)
        {
            var archive = await opentok.Archives.StartAsync(stuck.SessionId, cancellationToken: Ct);
            await opentok.Archives.StopAsync(archive.Id, Ct);
        }

        Assert.Equal(5, (await opentok.Archives.ListAsync(sessionId: stuck.SessionId).ToListAsync(Ct)).Count);
        var queued = emulator.Callbacks.Deliveries;
        Assert.Equal(16, queued.Count); // a connection, then started, stopped and available for each archive
        Assert.All(queued, d => Assert.Equal(CallbackDeliveryState.Pending, d.State));

        // Another session's events are not behind the stuck one; the queued ones keep the URL they were queued with.
        emulator.Callbacks.Url = receiver.Url;
        var free = await opentok.RoutedSessionAsync();
        await using var heard = await emulator.JoinAsync(free);
        Assert.Equal(heard.ConnectionId, Assert.IsType<ConnectionEvent>(Assert.Single(await receiver.WaitForAsync(1)).Event).Connection.Id);
        Assert.Equal((CallbackDeliveryState.Pending, blackHole.Url), (emulator.Callbacks.Deliveries[0].State, emulator.Callbacks.Deliveries[0].Url));
        for (var i = 0; i < 1500 && blackHole.Connections == 0; i++)
        {
            await Task.Delay(10, Ct);
        }

        Assert.Equal(1, blackHole.Connections); // one attempt under way, the rest waiting behind it
    }

    [Fact]
    public async Task Disposing_the_emulator_abandons_pending_deliveries_cleanly()
    {
        using var blackHole = new BlackHole();
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        await using var receiver = await CallbackReceiver.StartAsync();
        receiver.FailWith = _ => HttpStatusCode.InternalServerError;
        var emulator = await StartAsync(new OpenTokEmulatorOptions
        {
            Seed = 1,
            TimeProvider = clock,
            CallbackUrl = blackHole.Url,
            Callbacks = new EmulatorCallbackOptions { AttemptTimeout = TimeSpan.FromMinutes(5) },
        });
        var callbacks = emulator.Callbacks;
        using var opentok = emulator.CreateClient();
        var hanging = await opentok.RoutedSessionAsync();
        var failing = await opentok.RoutedSessionAsync();
        var inFlight = await emulator.JoinAsync(hanging);
        await inFlight.PublishAsync(Camera("cam"), Ct);
        callbacks.Url = receiver.Url;
        var retrying = await emulator.JoinAsync(failing);
        await AttemptsAsync(emulator, 1, index: 2); // failed once, waiting for a retry on the fake clock

        await emulator.DisposeAsync();

        var log = callbacks.Deliveries;
        Assert.Equal(
            [(OpenTokEventKind.ConnectionCreated, 0), (OpenTokEventKind.StreamCreated, 0), (OpenTokEventKind.ConnectionCreated, 1)],
            log.Select(d => (d.Kind, d.Attempts)));
        Assert.All(log, d => Assert.Equal(CallbackDeliveryState.Abandoned, d.State));
        Assert.All(log, d => Assert.NotNull(d.CompletedAt));
        Assert.Equal(0, callbacks.PendingCount);
        await callbacks.WhenIdleAsync(Ct);
        clock.Advance(TimeSpan.FromMinutes(1)); // a retry timer that fired now would find nothing to do
        await Task.Delay(100, Ct);
        Assert.Equal(1, receiver.Requests);
        Assert.Equal(log, callbacks.Deliveries);
        await emulator.DisposeAsync(); // twice is harmless
    }

    [Fact]
    public async Task Under_concurrent_clients_and_failing_answers_each_session_receives_its_events_in_the_order_they_happened()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        receiver.FailWith = n => n % 3 == 0 ? HttpStatusCode.ServiceUnavailable : null;

        // Every third request fails, whichever lane sends it, so one delivery can fail several times running (five in a
        // row, the default limit, happened about once in six runs on a busy machine): give it room, as this test is
        // about order, not about giving up.
        var callbacks = new EmulatorCallbackOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(10), MaxAttempts = EmulatorCallbackOptions.MaxAllowedAttempts };
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Seed = 1, CallbackUrl = receiver.Url, Callbacks = callbacks });
        using var opentok = emulator.CreateClient();
        var sessions = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => opentok.RoutedSessionAsync()));

        await Task.WhenAll(sessions.SelectMany(session => Enumerable.Range(0, 5).Select(async i =>
        {
            var client = await emulator.JoinAsync(session, data: $"client={i}");
            var stream = await client.PublishAsync(Camera($"cam{i}"), Ct);
            await stream.UnpublishAsync(Ct);
            await client.DisposeAsync();
        })));

        var received = await receiver.WaitForAsync(4 * 5 * 4);
        await emulator.Callbacks.WhenIdleAsync(Ct);
        var log = emulator.Callbacks.Deliveries;
        Assert.All(log, d => Assert.Equal(CallbackDeliveryState.Delivered, d.State));
        Assert.Contains(log, d => d.Attempts > 1);
        foreach (var session in sessions)
        {
            // The log is in the order the changes happened; each session's deliveries arrived in that order.
            Assert.Equal(
                log.Where(d => d.SessionId == session.SessionId).Select(d => d.Body),
                received.Where(r => r.Event.SessionId == session.SessionId).Select(r => r.Event.RawJson));
        }
    }

    /// <summary>Waits until delivery <paramref name="index"/> of the log has been tried <paramref name="attempts"/> times (by then its retry's timer is set).</summary>
    private static async Task AttemptsAsync(OpenTokEmulator emulator, int attempts, int index = 0)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        while (emulator.Callbacks.Deliveries.ElementAtOrDefault(index)?.Attempts != attempts)
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    /// <summary>Which of 12 events an emulator with <paramref name="seed"/> and a drop rate of one half drops.</summary>
    private static async Task<bool[]> DropPatternAsync(int seed)
    {
        using var blackHole = new BlackHole();
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions
        {
            Seed = seed,
            CallbackUrl = blackHole.Url,
            Faults = new FaultInjection { CallbackDropRate = 0.5 },
        });
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        for (var i = 0; i < 6; i++)
        {
            var client = await emulator.JoinAsync(session);
            await client.DisposeAsync();
        }

        return [.. emulator.Callbacks.Deliveries.Select(d => d.State == CallbackDeliveryState.Dropped)];
    }
}
