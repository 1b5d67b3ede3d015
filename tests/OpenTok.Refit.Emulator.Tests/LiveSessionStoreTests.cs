using OpenTok.Refit.Emulator.Areas.LiveSessions;
using static OpenTok.Refit.Emulator.Tests.LiveSupport;
using static OpenTok.Refit.Emulator.Tests.Support;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>
/// What the live-session store offers other areas: server connections made without a token (SIP, Audio Connector,
/// Experience Composer) and their streams, and the one activity stream every change goes through.
/// </summary>
public sealed class LiveSessionStoreTests
{
    [Fact]
    public async Task A_server_connection_rings_then_connects_publishes_is_muted_and_is_hung_up_like_a_client()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        var live = emulator.State.Store<LiveSessionStore>();
        await using var alice = await emulator.JoinAsync(session);

        var sip = live.AddServerConnection(session.SessionId, ConnectionKind.Sip, "caller=+15550100", ConnectionState.Connecting);

        Assert.Equal(ConnectionState.Connecting, (await opentok.Connections.ListAsync(session.SessionId, Ct)).Single(c => c.ConnectionId == sip).ConnectionState);
        Assert.Empty(alice.Events.Drain());
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => opentok.Signals.SendToConnectionAsync(session.SessionId, sip, new Signal { Type = "t", Data = "d" }, Ct));
        Assert.Throws<InvalidOperationException>(() => live.AddServerStream(session.SessionId, sip, "phone", VideoType.Custom, true, false));

        live.MarkServerConnectionConnected(session.SessionId, sip);
        var audio = live.AddServerStream(session.SessionId, sip, "phone", VideoType.Custom, hasAudio: true, hasVideo: false);

        Assert.Equal(ConnectionState.Connected, (await opentok.Connections.ListAsync(session.SessionId, Ct)).Single(c => c.ConnectionId == sip).ConnectionState);
        Assert.Equal("phone", (await opentok.Streams.GetAsync(session.SessionId, audio, Ct)).Name);
        Assert.Equal(
            [
                new EmulatedClientEvent.ConnectionCreated(sip, "caller=+15550100"),
                new EmulatedClientEvent.StreamCreated(audio, sip, "phone", VideoType.Custom, true, false),
            ],
            alice.Events.Drain());

        await opentok.Moderation.ForceMuteAllAsync(session.SessionId, cancellationToken: Ct);
        Assert.True(live.FindStream(session.SessionId, audio)!.AudioMuted);

        // Force disconnect ends the call; ending it again says it had ended.
        await opentok.Moderation.ForceDisconnectAsync(session.SessionId, sip, Ct);
        Assert.Empty(await opentok.Streams.ListAsync(session.SessionId, Ct));
        Assert.False(live.EndConnection(session.SessionId, sip, EmulatedEndReason.ClientDisconnected));
        Assert.Equal(
            [
                new EmulatedClientEvent.StreamDestroyed(audio, sip, EmulatedEndReason.ForceDisconnected),
                new EmulatedClientEvent.ConnectionDestroyed(sip, EmulatedEndReason.ForceDisconnected),
            ],
            alice.Events.Drain());
    }

    [Fact]
    public async Task Server_connections_connect_at_once_by_default_and_end_when_their_area_says_so()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        var live = emulator.State.Store<LiveSessionStore>();

        var composer = live.AddServerConnection(session.SessionId, ConnectionKind.ExperienceComposer);
        var socket = live.AddServerConnection(session.SessionId, ConnectionKind.AudioConnector);
        var composed = live.AddServerStream(session.SessionId, composer, "composed", VideoType.Custom, true, true);

        Assert.All(await opentok.Connections.ListAsync(session.SessionId, Ct), c => Assert.Equal(ConnectionState.Connected, c.ConnectionState));
        await opentok.Signals.SendAsync(session.SessionId, new Signal { Type = "t", Data = "d" }, Ct); // they count as connected
        Assert.True(live.EndConnection(session.SessionId, composer, EmulatedEndReason.ClientDisconnected));
        Assert.Null(live.FindStream(session.SessionId, composed));
        Assert.NotNull(socket);
        Assert.Throws<ArgumentException>(() => live.AddServerConnection(session.SessionId, ConnectionKind.Client));
    }

    [Fact]
    public async Task Every_change_reaches_an_observer_once_in_order()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        var seen = new List<SessionActivity>();
        emulator.State.Store<LiveSessionStore>().AddObserver(seen.Add);

        await using var host = await emulator.JoinAsync(session, Role.Moderator);
        var guest = await emulator.JoinAsync(session);
        var camera = await guest.PublishAsync(Camera("cam"), Ct);
        await opentok.Streams.SetClassListsAsync(session.SessionId, [new StreamClassList(camera.StreamId, ["focus"])], Ct);
        await host.SendSignalAsync("t", "d", guest.ConnectionId, Ct);
        await opentok.Moderation.ForceMuteAllAsync(session.SessionId, cancellationToken: Ct);
        await camera.UnmuteAudioAsync(Ct);
        await opentok.Moderation.DisableForceMuteAsync(session.SessionId, Ct);
        await guest.DisposeAsync();

        Assert.All(seen, a => Assert.Equal(session.SessionId, a.SessionId));
        Assert.Equal(
            [
                "ConnectionCreated " + host.ConnectionId,
                "ConnectionCreated " + guest.ConnectionId,
                "StreamCreated " + camera.StreamId,
                "StreamClassListChanged focus",
                $"Signal {host.ConnectionId}>{guest.ConnectionId} t",
                "ForceMuteChanged True",
                "StreamAudioChanged Forced=True Muted=True",
                "StreamAudioChanged Forced=False Muted=False",
                "ForceMuteChanged False",
                "StreamDestroyed ClientDisconnected",
                "ConnectionDestroyed " + guest.ConnectionId + " ClientDisconnected",
            ],
            seen.Select(a => a switch
            {
                ConnectionCreatedActivity c => $"ConnectionCreated {c.Connection.Id}",
                StreamCreatedActivity s => $"StreamCreated {s.Stream.Id}",
                StreamClassListChangedActivity s => $"StreamClassListChanged {string.Join(' ', s.Stream.LayoutClassList)}",
                SignalActivity s => $"Signal {s.FromConnectionId}>{s.ToConnectionId} {s.Type}",
                ForceMuteChangedActivity m => $"ForceMuteChanged {m.Active}",
                StreamAudioChangedActivity s => $"StreamAudioChanged Forced={s.Forced} Muted={s.Stream.AudioMuted}",
                StreamDestroyedActivity s => $"StreamDestroyed {s.Reason}",
                ConnectionDestroyedActivity c => $"ConnectionDestroyed {c.Connection.Id} {c.Reason}",
                _ => a.GetType().Name,
            }));
    }
}
