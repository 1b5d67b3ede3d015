using System.Net;
using Microsoft.Extensions.Time.Testing;
using static OpenTok.Refit.Emulator.Tests.LiveSupport;
using static OpenTok.Refit.Emulator.Tests.Support;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>
/// The SDK's signals, moderation, streams and connections calls end to end over real HTTP, acting on emulated
/// clients: what a server does to a live session, and what its clients see.
/// </summary>
public sealed class LiveSessionSdkTests
{
    [Fact]
    public async Task Muting_all_but_one_stream_mutes_the_others_and_later_streams_until_disabled()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        await using var host = await emulator.JoinAsync(session, Role.Moderator);
        await using var bob = await emulator.JoinAsync(session);
        await using var carol = await emulator.JoinAsync(session);
        var hostCamera = await host.PublishAsync(Camera("host"), Ct);
        var bobCamera = await bob.PublishAsync(Camera("bob"), Ct);
        var carolCamera = await carol.PublishAsync(Camera("carol"), Ct);
        bob.Events.Drain();
        host.Events.Drain();

        await opentok.Moderation.ForceMuteAllAsync(session.SessionId, [hostCamera.StreamId], Ct);

        Assert.False(hostCamera.IsAudioMuted);
        Assert.True(bobCamera.IsAudioMuted);
        Assert.True(carolCamera.IsAudioMuted);
        Assert.Equal([new EmulatedClientEvent.MuteForced(bobCamera.StreamId)], bob.Events.Drain());
        Assert.Empty(host.Events.Drain());

        // While the session is muted, new streams start muted, and their publishers are told.
        var bobScreen = await bob.PublishAsync(new EmulatedStream { Name = "slides", VideoType = VideoType.Screen }, Ct);
        Assert.True(bobScreen.IsAudioMuted);
        Assert.Equal([new EmulatedClientEvent.MuteForced(bobScreen.StreamId)], bob.Events.Drain());

        await opentok.Moderation.DisableForceMuteAsync(session.SessionId, Ct);

        var carolScreen = await carol.PublishAsync(new EmulatedStream { Name = "carol-screen", VideoType = VideoType.Screen }, Ct);
        Assert.False(carolScreen.IsAudioMuted);

        // Streams muted already stay muted until their publishers unmute.
        Assert.True(bobCamera.IsAudioMuted);
        await bobCamera.UnmuteAudioAsync(Ct);
        Assert.False(bobCamera.IsAudioMuted);
        Assert.True(bobScreen.IsAudioMuted);
    }

    [Fact]
    public async Task Forcing_one_stream_mute_mutes_only_it_and_an_unknown_stream_is_404()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        await using var alice = await emulator.JoinAsync(session);
        var camera = await alice.PublishAsync(Camera("cam"), Ct);
        var screen = await alice.PublishAsync(new EmulatedStream { Name = "screen", VideoType = VideoType.Screen }, Ct);

        await opentok.Moderation.ForceMuteStreamAsync(session.SessionId, camera.StreamId, Ct);

        Assert.True(camera.IsAudioMuted);
        Assert.False(screen.IsAudioMuted);
        Assert.Equal([new EmulatedClientEvent.MuteForced(camera.StreamId)], alice.Events.Drain());
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => opentok.Moderation.ForceMuteStreamAsync(session.SessionId, Guid.NewGuid().ToString(), Ct));
    }

    [Fact]
    public async Task A_signal_to_one_connection_reaches_only_it_and_a_session_signal_reaches_everyone()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        await using var alice = await emulator.JoinAsync(session);
        await using var bob = await emulator.JoinAsync(session, Role.Subscriber);
        await using var carol = await emulator.JoinAsync(session, Role.PublisherOnly);

        await opentok.Signals.SendToConnectionAsync(session.SessionId, bob.ConnectionId, new Signal { Type = "chat", Data = "hi bob" }, Ct);

        Assert.Equal(new ReceivedSignal("chat", "hi bob", null), await bob.Signals.ReadAsync(Ct));
        Assert.Empty(alice.Signals.Drain());
        Assert.Empty(carol.Signals.Drain());

        await opentok.Signals.SendAsync(session.SessionId, new Signal { Type = "announce", Data = "{\"n\":1} é ✓" }, Ct);

        foreach (var client in new[] { alice, bob, carol })
        {
            Assert.Equal([new ReceivedSignal("announce", "{\"n\":1} é ✓", null)], client.Signals.Drain());
        }
    }

    [Fact]
    public async Task Signals_need_connected_clients_and_a_connection_of_the_session()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        var other = await opentok.RoutedSessionAsync();
        var signal = new Signal { Type = "t", Data = "d" };

        // Nobody there yet.
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => opentok.Signals.SendAsync(session.SessionId, signal, Ct));
        await using var alice = await emulator.JoinAsync(session);
        await opentok.Signals.SendAsync(session.SessionId, signal, Ct);

        // A connection of another session, and an unknown one.
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => opentok.Signals.SendToConnectionAsync(other.SessionId, alice.ConnectionId, signal, Ct));
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => opentok.Signals.SendToConnectionAsync(session.SessionId, Guid.NewGuid().ToString(), signal, Ct));

        // Once she has left, nobody is there again.
        await alice.LeaveAsync(Ct);
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => opentok.Signals.SendToConnectionAsync(session.SessionId, alice.ConnectionId, signal, Ct));
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => opentok.Signals.SendAsync(session.SessionId, signal, Ct));
    }

    [Fact]
    public async Task A_force_disconnected_clients_streams_disappear_and_it_and_the_others_see_why()
    {
        // Near the real time: the SDK signs client tokens by its own clock.
        var start = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var clock = new FakeTimeProvider(start);
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Seed = 1, TimeProvider = clock });
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        await using var alice = await emulator.JoinAsync(session);
        clock.Advance(TimeSpan.FromSeconds(2));
        await using var bob = await emulator.JoinAsync(session);
        var aliceCamera = await alice.PublishAsync(Camera("alice"), Ct);
        var bobCamera = await bob.PublishAsync(Camera("bob"), Ct);
        Assert.Equal([aliceCamera.StreamId, bobCamera.StreamId], (await opentok.Streams.ListAsync(session.SessionId, Ct)).Select(s => s.Id));
        alice.Events.Drain();

        await opentok.Moderation.ForceDisconnectAsync(session.SessionId, bob.ConnectionId, Ct);

        Assert.Equal([aliceCamera.StreamId], (await opentok.Streams.ListAsync(session.SessionId, Ct)).Select(s => s.Id));
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => opentok.Streams.GetAsync(session.SessionId, bobCamera.StreamId, Ct));
        Assert.Equal(ConnectionState.Disconnected, bob.State);
        Assert.Equal(EmulatedEndReason.ForceDisconnected, bob.EndReason);
        Assert.False(bobCamera.IsPublished);
        Assert.Empty(bob.Publications);
        Assert.Equal(new EmulatedClientEvent.Disconnected(EmulatedEndReason.ForceDisconnected), bob.Events.Drain()[^1]);
        Assert.True(bob.Events.Completion.IsCompleted);
        Assert.Equal(
            [
                new EmulatedClientEvent.StreamDestroyed(bobCamera.StreamId, bob.ConnectionId, EmulatedEndReason.ForceDisconnected),
                new EmulatedClientEvent.ConnectionDestroyed(bob.ConnectionId, EmulatedEndReason.ForceDisconnected),
            ],
            alice.Events.Drain());

        // The list keeps the disconnected connection, in order, with the times the emulator's clock gave.
        var connections = await opentok.Connections.ListAsync(session.SessionId, Ct);
        Assert.Equal(
            [
                new Connection { ConnectionId = alice.ConnectionId, ConnectionState = ConnectionState.Connected, CreatedAt = start },
                new Connection { ConnectionId = bob.ConnectionId, ConnectionState = ConnectionState.Disconnected, CreatedAt = start.AddSeconds(2) },
            ],
            connections);

        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => opentok.Moderation.ForceDisconnectAsync(session.SessionId, bob.ConnectionId, Ct));
        var e = await Assert.ThrowsAsync<EmulatedClientException>(() => bob.PublishAsync(Camera("again"), Ct));
        Assert.Equal(EmulatedClientError.NotConnected, e.Error);
    }

    [Fact]
    public async Task Connections_and_streams_of_unknown_sessions_are_404_and_an_empty_session_has_none()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        var unknown = Tokens.SessionId.Create(emulator.ApiKey, "", DateTimeOffset.UtcNow, 0.5);

        Assert.Empty(await opentok.Connections.ListAsync(session.SessionId, Ct));
        Assert.Empty(await opentok.Streams.ListAsync(session.SessionId, Ct));
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => opentok.Connections.ListAsync(unknown, Ct));
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => opentok.Streams.ListAsync(unknown, Ct));
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => opentok.Streams.GetAsync(session.SessionId, Guid.NewGuid().ToString(), Ct));
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => opentok.Moderation.ForceMuteAllAsync(unknown, cancellationToken: Ct));
    }

    [Fact]
    public async Task A_stream_reads_back_as_published_with_its_tokens_classes_and_class_lists_are_set_then_read_back()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        await using var alice = await emulator.JoinAsync(session, classes: ["focus"]);
        var camera = await alice.PublishAsync(Camera("alice cam"), Ct);
        var screen = await alice.PublishAsync(new EmulatedStream { Name = "slides", VideoType = VideoType.Screen, HasAudio = false }, Ct);

        var read = await opentok.Streams.GetAsync(session.SessionId, camera.StreamId, Ct);
        Assert.Equal((camera.StreamId, VideoType.Camera, "alice cam"), (read.Id, read.VideoType, read.Name));
        Assert.Equal(["focus"], read.LayoutClassList);

        await opentok.Streams.SetClassListsAsync(session.SessionId, [new StreamClassList(camera.StreamId, []), new StreamClassList(screen.StreamId, ["full", "wide"])], Ct);

        var streams = await opentok.Streams.ListAsync(session.SessionId, Ct);
        Assert.Equal([camera.StreamId, screen.StreamId], streams.Select(s => s.Id));
        Assert.Empty(streams[0].LayoutClassList);
        Assert.Equal(["full", "wide"], streams[1].LayoutClassList);
        Assert.Equal(VideoType.Screen, streams[1].VideoType);

        // One unknown stream refuses the whole request: nothing changes.
        var e = await Assert.ThrowsAsync<OpenTokApiException>(() => opentok.Streams.SetClassListsAsync(session.SessionId,
            [new StreamClassList(camera.StreamId, ["changed"]), new StreamClassList(Guid.NewGuid().ToString(), ["x"])], Ct));
        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Empty((await opentok.Streams.GetAsync(session.SessionId, camera.StreamId, Ct)).LayoutClassList);
    }

    [Fact]
    public async Task In_application_mode_clients_connect_with_RS256_tokens_and_the_calls_work_the_same()
    {
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Seed = 1, Application = EmulatedApplication.Generate() });
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        await using var host = await emulator.JoinAsync(session, Role.Moderator, data: "name=host");
        await using var guest = await emulator.JoinAsync(session);
        var camera = await guest.PublishAsync(Camera("guest"), Ct);

        Assert.Equal((Role.Moderator, "name=host"), (host.Role, host.Data));
        await opentok.Signals.SendToConnectionAsync(session.SessionId, guest.ConnectionId, new Signal { Type = "t", Data = "d" }, Ct);
        Assert.Single(guest.Signals.Drain());
        await host.ForceMuteAsync(camera.StreamId, Ct);
        Assert.True(camera.IsAudioMuted);
        Assert.Equal([host.ConnectionId, guest.ConnectionId], (await opentok.Connections.ListAsync(session.SessionId, Ct)).Select(c => c.ConnectionId));

        // A token signed with another application's key is refused.
        using var otherKey = System.Security.Cryptography.RSA.Create(2048);
        var now = DateTimeOffset.UtcNow;
        var forged = Tokens.ApplicationTokens.CreateClientToken(
            new Tokens.ClientTokenClaims(emulator.ApiKey, session.SessionId, Role.Moderator, now, now.AddHours(1), 1, null, []), otherKey, Guid.NewGuid());
        var e = await Assert.ThrowsAsync<EmulatedClientException>(() => emulator.ConnectAsync(session.SessionId, forged, Ct));
        Assert.Equal(EmulatedClientError.InvalidToken, e.Error);
    }
    [Fact]
    public async Task The_READMEs_emulated_client_example_runs_as_written()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();

        var session = await opentok.CreateSessionAsync(new SessionOptions { MediaMode = MediaMode.Routed });
        await using EmulatedClient host = await emulator.ConnectAsync(session.SessionId, session.GenerateToken(new TokenOptions { Role = Role.Moderator }));
        await using EmulatedClient guest = await emulator.ConnectAsync(session.SessionId, session.GenerateToken());

        EmulatedPublication camera = await guest.PublishAsync(new EmulatedStream { Name = "cam", VideoType = VideoType.Camera });
        await opentok.Moderation.ForceMuteAllAsync(session.SessionId, excludedStreamIds: []);
        Assert.True(camera.IsAudioMuted);

        await opentok.Signals.SendToConnectionAsync(session.SessionId, guest.ConnectionId, new Signal { Type = "chat", Data = "hi" });
        ReceivedSignal signal = await guest.Signals.ReadAsync();
        Assert.Equal(new ReceivedSignal("chat", "hi", null), signal);

        await host.ForceDisconnectAsync(guest.ConnectionId);
        Assert.Empty(await opentok.Streams.ListAsync(session.SessionId));
        Assert.Equal(new EmulatedClientEvent.Disconnected(EmulatedEndReason.ForceDisconnected), await guest.Events.ReadAllAsync(Ct).LastAsync(Ct));
    }
}
