using System.Buffers.Text;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using OpenTok.Refit.Tokens;
using static OpenTok.Refit.Emulator.Tests.LiveSupport;
using static OpenTok.Refit.Emulator.Tests.Support;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>
/// Emulated clients in process: tokens checked as the service checks them, the roles' rules, what each client sees,
/// signals between clients, and leaving.
/// </summary>
public sealed class EmulatedClientTests
{
    [Fact]
    public async Task A_client_connects_with_the_tokens_role_data_and_classes_in_both_token_formats()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();

        await using var jwt = await emulator.JoinAsync(session, Role.Moderator, "name=Ada", ["focus", "left"]);
        await using var t1 = await emulator.ConnectAsync(session.SessionId, session.GenerateToken(new TokenOptions { Format = TokenFormat.T1, Data = "name=Bo" }), Ct);

        Assert.True(Guid.TryParseExact(jwt.ConnectionId, "D", out _));
        Assert.Equal((session.SessionId, Role.Moderator, "name=Ada", ConnectionState.Connected), (jwt.SessionId, jwt.Role, jwt.Data, jwt.State));
        Assert.Equal(["focus", "left"], jwt.InitialLayoutClassList);
        Assert.Null(jwt.EndReason);
        Assert.Equal((Role.Publisher, "name=Bo"), (t1.Role, t1.Data));
        Assert.NotEqual(jwt.ConnectionId, t1.ConnectionId);
    }

    [Fact]
    public async Task An_expired_token_is_refused_as_expired()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Seed = 1, TimeProvider = clock });
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        var token = session.GenerateToken(new TokenOptions { ExpireTime = clock.GetUtcNow().AddHours(1) });

        clock.Advance(TimeSpan.FromHours(2));
        var e = await Assert.ThrowsAsync<EmulatedClientException>(() => emulator.ConnectAsync(session.SessionId, token, Ct));

        Assert.Equal(EmulatedClientError.ExpiredToken, e.Error);
        Assert.Contains("expired", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_for_another_session_or_an_unknown_one_is_refused_naming_why()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        var other = await opentok.RoutedSessionAsync();
        var unknown = SessionId.Create(emulator.ApiKey, "", DateTimeOffset.UtcNow, 0.25);

        var wrong = await Assert.ThrowsAsync<EmulatedClientException>(() => emulator.ConnectAsync(other.SessionId, session.GenerateToken(), Ct));
        var missing = await Assert.ThrowsAsync<EmulatedClientException>(() => emulator.ConnectAsync(unknown, opentok.GenerateToken(unknown), Ct));

        Assert.Equal(EmulatedClientError.TokenForAnotherSession, wrong.Error);
        Assert.Contains(session.SessionId, wrong.Message, StringComparison.Ordinal);
        Assert.Equal(EmulatedClientError.UnknownSession, missing.Error);
    }

    [Fact]
    public async Task An_unknown_session_is_adopted_when_the_emulator_accepts_unknown_sessions()
    {
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Seed = 1, AcceptUnknownSessions = true });
        using var opentok = emulator.CreateClient();
        var kept = SessionId.Create(emulator.ApiKey, "", DateTimeOffset.UtcNow, 0.25);

        await using var client = await emulator.ConnectAsync(kept, opentok.GenerateToken(kept), Ct);

        Assert.Equal(kept, client.SessionId);
        Assert.Single(await opentok.Connections.ListAsync(kept, Ct));
    }

    [Fact]
    public async Task A_tampered_or_foreign_token_is_refused_as_invalid()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        using var foreign = new OpenTokClient(emulator.ApiKey, "another-secret-0123456789abcdef01234567");
        var session = await opentok.RoutedSessionAsync();

        // A subscriber's token turned into a moderator's, keeping the signature: what an attacker would try.
        var parts = session.GenerateToken(new TokenOptions { Role = Role.Subscriber }).Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])).Replace("\"subscriber\"", "\"moderator\"", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";

        foreach (var token in new[] { tampered, foreign.GenerateToken(session.SessionId), "", "not-a-token", "T1==garbage" })
        {
            var e = await Assert.ThrowsAsync<EmulatedClientException>(() => emulator.ConnectAsync(session.SessionId, token, Ct));
            Assert.Equal(EmulatedClientError.InvalidToken, e.Error);
        }

        Assert.Empty(await opentok.Connections.ListAsync(session.SessionId, Ct));
    }

    [Fact]
    public async Task A_subscriber_cannot_publish_but_signals_and_sees_streams()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        await using var viewer = await emulator.JoinAsync(session, Role.Subscriber);
        await using var speaker = await emulator.JoinAsync(session);

        var e = await Assert.ThrowsAsync<EmulatedClientException>(() => viewer.PublishAsync(Camera("cam"), Ct));
        Assert.Equal(EmulatedClientError.NotPermitted, e.Error);
        Assert.Contains("subscriber", e.Message, StringComparison.Ordinal);
        Assert.Empty(await opentok.Streams.ListAsync(session.SessionId, Ct));

        var camera = await speaker.PublishAsync(Camera("cam"), Ct);
        await viewer.SendSignalAsync("question", "why?", speaker.ConnectionId, Ct);

        Assert.Equal(
            [
                new EmulatedClientEvent.ConnectionCreated(speaker.ConnectionId, null),
                new EmulatedClientEvent.StreamCreated(camera.StreamId, speaker.ConnectionId, "cam", VideoType.Camera, true, true),
            ],
            viewer.Events.Drain());
        Assert.Equal([new ReceivedSignal("question", "why?", viewer.ConnectionId)], speaker.Signals.Drain());
    }

    [Fact]
    public async Task Only_moderators_can_force_others_out_or_mute_them()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        await using var moderator = await emulator.JoinAsync(session, Role.Moderator);
        await using var publisher = await emulator.JoinAsync(session);
        await using var publisherOnly = await emulator.JoinAsync(session, Role.PublisherOnly);
        var camera = await publisherOnly.PublishAsync(Camera("cam"), Ct);

        foreach (var client in new[] { publisher, publisherOnly })
        {
            foreach (var attempt in new Func<Task>[]
            {
                () => client.ForceDisconnectAsync(moderator.ConnectionId, Ct),
                () => client.ForceMuteAsync(camera.StreamId, Ct),
                () => client.ForceMuteAllAsync(cancellationToken: Ct),
                () => client.DisableForceMuteAsync(Ct),
            })
            {
                var e = await Assert.ThrowsAsync<EmulatedClientException>(attempt);
                Assert.Equal(EmulatedClientError.NotPermitted, e.Error);
            }
        }

        Assert.False(camera.IsAudioMuted);
        await moderator.ForceMuteAsync(camera.StreamId, Ct);
        Assert.True(camera.IsAudioMuted);
        await moderator.ForceDisconnectAsync(publisher.ConnectionId, Ct);
        Assert.Equal(EmulatedEndReason.ForceDisconnected, publisher.EndReason);

        var gone = await Assert.ThrowsAsync<EmulatedClientException>(() => moderator.ForceDisconnectAsync(publisher.ConnectionId, Ct));
        Assert.Equal(EmulatedClientError.NotFound, gone.Error);
        var noStream = await Assert.ThrowsAsync<EmulatedClientException>(() => moderator.ForceMuteAsync(Guid.NewGuid().ToString(), Ct));
        Assert.Equal(EmulatedClientError.NotFound, noStream.Error);
    }

    [Fact]
    public async Task A_moderator_client_can_mute_all_but_its_own_stream()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        await using var moderator = await emulator.JoinAsync(session, Role.Moderator);
        await using var guest = await emulator.JoinAsync(session);
        var own = await moderator.PublishAsync(Camera("moderator"), Ct);
        var guests = await guest.PublishAsync(Camera("guest"), Ct);

        await moderator.ForceMuteAllAsync([own.StreamId], Ct);
        var later = await guest.PublishAsync(Camera("later"), Ct);

        Assert.Equal((false, true, true), (own.IsAudioMuted, guests.IsAudioMuted, later.IsAudioMuted));
        await moderator.DisableForceMuteAsync(Ct);
        Assert.False((await guest.PublishAsync(Camera("after"), Ct)).IsAudioMuted);
    }

    [Fact]
    public async Task A_publisher_only_client_gets_signals_and_connections_but_no_stream_events()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        await using var early = await emulator.JoinAsync(session);
        var before = await early.PublishAsync(Camera("before"), Ct);
        await using var kiosk = await emulator.JoinAsync(session, Role.PublisherOnly);
        await using var late = await emulator.JoinAsync(session, data: "late");
        var after = await late.PublishAsync(Camera("after"), Ct);
        await late.LeaveAsync(Ct);
        await early.SendSignalAsync("hello", "all", cancellationToken: Ct);

        Assert.Equal(
            [
                new EmulatedClientEvent.ConnectionCreated(early.ConnectionId, null),
                new EmulatedClientEvent.ConnectionCreated(late.ConnectionId, "late"),
                new EmulatedClientEvent.ConnectionDestroyed(late.ConnectionId, EmulatedEndReason.ClientDisconnected),
            ],
            kiosk.Events.Drain());
        Assert.Equal([new ReceivedSignal("hello", "all", early.ConnectionId)], kiosk.Signals.Drain());
        Assert.NotNull(before);
        Assert.NotNull(after);
    }

    [Fact]
    public async Task A_client_joining_late_hears_of_who_is_there_and_what_is_published_then_of_changes()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        await using var alice = await emulator.JoinAsync(session, data: "alice");
        var camera = await alice.PublishAsync(new EmulatedStream { Name = "cam", VideoType = VideoType.Custom, HasVideo = false }, Ct);
        await using var bob = await emulator.JoinAsync(session, data: "bob");
        var screen = await alice.PublishAsync(new EmulatedStream { Name = "screen", VideoType = VideoType.Screen }, Ct);
        await screen.UnpublishAsync(Ct);
        await screen.UnpublishAsync(Ct); // nothing the second time

        Assert.False(screen.IsPublished);
        Assert.Equal([camera.StreamId], alice.Publications.Select(p => p.StreamId));
        Assert.Equal(
            [
                new EmulatedClientEvent.ConnectionCreated(alice.ConnectionId, "alice"),
                new EmulatedClientEvent.StreamCreated(camera.StreamId, alice.ConnectionId, "cam", VideoType.Custom, true, false),
                new EmulatedClientEvent.StreamCreated(screen.StreamId, alice.ConnectionId, "screen", VideoType.Screen, true, true),
                new EmulatedClientEvent.StreamDestroyed(screen.StreamId, alice.ConnectionId, EmulatedEndReason.Unpublished),
            ],
            bob.Events.Drain());

        // Alice heard of Bob, never of her own streams.
        Assert.Equal([new EmulatedClientEvent.ConnectionCreated(bob.ConnectionId, "bob")], alice.Events.Drain());
    }

    [Fact]
    public async Task Client_signals_follow_the_services_rules_and_a_session_signal_reaches_the_sender_too()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        await using var alice = await emulator.JoinAsync(session);
        await using var bob = await emulator.JoinAsync(session);

        await alice.SendSignalAsync("", "untyped", cancellationToken: Ct);
        await alice.SendSignalAsync("to-bob", "only", bob.ConnectionId, Ct);

        Assert.Equal([new ReceivedSignal("", "untyped", alice.ConnectionId)], alice.Signals.Drain());
        Assert.Equal([new ReceivedSignal("", "untyped", alice.ConnectionId), new ReceivedSignal("to-bob", "only", alice.ConnectionId)], bob.Signals.Drain());

        await Assert.ThrowsAsync<OpenTokArgumentException>(() => alice.SendSignalAsync("no spaces", "x", cancellationToken: Ct));
        await Assert.ThrowsAsync<OpenTokArgumentException>(() => alice.SendSignalAsync(new string('t', 129), "x", cancellationToken: Ct));
        await Assert.ThrowsAsync<OpenTokArgumentException>(() => alice.SendSignalAsync("t", new string('é', 4097), cancellationToken: Ct));
        await alice.SendSignalAsync(new string('t', 128), new string('d', 8192), cancellationToken: Ct);
        var missing = await Assert.ThrowsAsync<EmulatedClientException>(() => alice.SendSignalAsync("t", "x", Guid.NewGuid().ToString(), Ct));
        Assert.Equal(EmulatedClientError.NotFound, missing.Error);
    }

    [Fact]
    public async Task Leaving_ends_the_clients_streams_completes_its_channels_and_is_idempotent()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        await using var alice = await emulator.JoinAsync(session);
        var bob = await emulator.JoinAsync(session);
        var camera = await bob.PublishAsync(Camera("bob"), Ct);
        alice.Events.Drain();

        // A reader waiting on the channels ends when the client leaves.
        var signalsRead = Task.Run(async () => await bob.Signals.ReadAllAsync(Ct).ToListAsync(Ct), Ct);
        await bob.DisposeAsync();
        await bob.LeaveAsync(Ct);

        Assert.Empty(await signalsRead);
        Assert.Equal(ConnectionState.Disconnected, bob.State);
        Assert.Equal(EmulatedEndReason.ClientDisconnected, bob.EndReason);
        Assert.Empty(await opentok.Streams.ListAsync(session.SessionId, Ct));
        Assert.Equal(
            [
                new EmulatedClientEvent.StreamDestroyed(camera.StreamId, bob.ConnectionId, EmulatedEndReason.ClientDisconnected),
                new EmulatedClientEvent.ConnectionDestroyed(bob.ConnectionId, EmulatedEndReason.ClientDisconnected),
            ],
            alice.Events.Drain());
        var e = await Assert.ThrowsAsync<EmulatedClientException>(() => bob.SendSignalAsync("t", "x", cancellationToken: Ct));
        Assert.Equal(EmulatedClientError.NotConnected, e.Error);
    }

    [Fact]
    public async Task Resetting_or_stopping_the_emulator_disconnects_its_clients()
    {
        await using var emulator = await StartAsync(); // disposed below too: disposing twice is fine
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        var alice = await emulator.JoinAsync(session);
        var eventsRead = Task.Run(async () => await alice.Events.ReadAllAsync(Ct).ToListAsync(Ct), Ct);

        emulator.Reset();

        Assert.Equal([new EmulatedClientEvent.Disconnected(EmulatedEndReason.NetworkDisconnected)], await eventsRead);
        Assert.Equal(EmulatedEndReason.NetworkDisconnected, alice.EndReason);

        var again = await opentok.RoutedSessionAsync();
        var bob = await emulator.JoinAsync(again);
        await emulator.DisposeAsync();
        Assert.Equal(EmulatedEndReason.NetworkDisconnected, bob.EndReason);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => emulator.ConnectAsync(again.SessionId, again.GenerateToken(), Ct));
    }

    [Fact]
    public async Task A_cancelled_call_does_nothing()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        await using var alice = await emulator.JoinAsync(session);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => alice.PublishAsync(Camera("cam"), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => emulator.ConnectAsync(session.SessionId, session.GenerateToken(), cancelled.Token));

        Assert.Empty(await opentok.Streams.ListAsync(session.SessionId, Ct));
        Assert.Single(await opentok.Connections.ListAsync(session.SessionId, Ct));
    }
    [Fact]
    public async Task Clients_joining_publishing_and_signalling_at_once_each_see_every_signal_and_the_session_adds_up()
    {
        const int Clients = 16;
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        var tokens = Enumerable.Range(0, Clients).Select(i => session.GenerateToken(new TokenOptions { Data = $"n={i}" })).ToList();

        // Everyone joins and publishes at once; then everyone signals the session at once.
        var clients = await Task.WhenAll(tokens.Select(token => Task.Run(async () =>
        {
            var client = await emulator.ConnectAsync(session.SessionId, token, Ct);
            await client.PublishAsync(Camera(client.Data!), Ct);
            return client;
        }, Ct)));
        await Task.WhenAll(clients.Select(c => Task.Run(() => c.SendSignalAsync("hi", c.Data!, cancellationToken: Ct), Ct)));

        Assert.Equal(Clients, (await opentok.Streams.ListAsync(session.SessionId, Ct)).Count);
        Assert.Equal(Clients, (await opentok.Connections.ListAsync(session.SessionId, Ct)).Count(c => c.ConnectionState == ConnectionState.Connected));
        foreach (var client in clients)
        {
            Assert.Equal(Enumerable.Range(0, Clients).Select(i => $"n={i}").Order(), client.Signals.Drain().Select(s => s.Data).Order());

            // Each hears of every other connection and stream exactly once, whether it joined before or after them.
            var events = client.Events.Drain();
            Assert.Equal(Clients - 1, events.OfType<EmulatedClientEvent.ConnectionCreated>().Select(e => e.ConnectionId).Distinct().Count());
            Assert.Equal(Clients - 1, events.OfType<EmulatedClientEvent.StreamCreated>().Select(e => e.StreamId).Distinct().Count());
            Assert.Equal(2 * (Clients - 1), events.Count);
        }

        await Task.WhenAll(clients.Select(c => Task.Run(() => c.LeaveAsync(Ct), Ct)));
        Assert.Empty(await opentok.Streams.ListAsync(session.SessionId, Ct));
    }
}
