using static OpenTok.Refit.Emulator.Tests.LiveSupport;
using static OpenTok.Refit.Emulator.Tests.Support;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>Manual-mode archives and broadcasts compose the streams emulated clients actually publish.</summary>
public sealed class LiveCompositionTests
{
    [Fact]
    public async Task A_manual_archive_takes_published_streams_only_and_drops_them_when_they_end()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        await using var alice = await emulator.JoinAsync(session);
        await using var bob = await emulator.JoinAsync(session);
        var aliceCamera = await alice.PublishAsync(Camera("alice"), Ct);
        var bobCamera = await bob.PublishAsync(Camera("bob"), Ct);
        var archive = await opentok.Archives.StartAsync(session.SessionId, new ArchiveOptions { StreamMode = StreamMode.Manual }, Ct);
        Assert.Empty(archive.Streams);

        await opentok.Archives.AddStreamAsync(archive.Id, aliceCamera.StreamId, hasVideo: false, cancellationToken: Ct);
        await opentok.Archives.AddStreamAsync(archive.Id, bobCamera.StreamId, cancellationToken: Ct);

        Assert.Equal(
            [
                new ArchiveStream { StreamId = aliceCamera.StreamId, HasAudio = true, HasVideo = false },
                new ArchiveStream { StreamId = bobCamera.StreamId, HasAudio = true, HasVideo = true },
            ],
            (await opentok.Archives.GetAsync(archive.Id, Ct)).Streams);

        // Streams nobody publishes here are refused: unknown ids, and ids of other sessions.
        var elsewhere = await opentok.RoutedSessionAsync();
        await using var carol = await emulator.JoinAsync(elsewhere);
        var carolCamera = await carol.PublishAsync(Camera("carol"), Ct);
        foreach (var streamId in new[] { Guid.NewGuid().ToString(), "stream-1", carolCamera.StreamId })
        {
            await Assert.ThrowsAsync<OpenTokNotFoundException>(() => opentok.Archives.AddStreamAsync(archive.Id, streamId, cancellationToken: Ct));
        }

        // A stream that ends leaves the archive.
        await bob.LeaveAsync(Ct);
        Assert.Equal([aliceCamera.StreamId], (await opentok.Archives.GetAsync(archive.Id, Ct)).Streams.Select(s => s.StreamId));
        await aliceCamera.UnpublishAsync(Ct);
        Assert.Empty((await opentok.Archives.GetAsync(archive.Id, Ct)).Streams);
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => opentok.Archives.RemoveStreamAsync(archive.Id, aliceCamera.StreamId, Ct));
    }

    [Fact]
    public async Task A_manual_broadcast_takes_published_streams_only_and_drops_them_when_they_end()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        await using var host = await emulator.JoinAsync(session, Role.Moderator);
        await using var guest = await emulator.JoinAsync(session);
        var hostCamera = await host.PublishAsync(Camera("host"), Ct);
        var guestCamera = await guest.PublishAsync(Camera("guest"), Ct);
        var broadcast = await opentok.Broadcasts.StartAsync(session.SessionId, new BroadcastOptions { Hls = new HlsOptions(), StreamMode = StreamMode.Manual }, Ct);

        await opentok.Broadcasts.AddStreamAsync(broadcast.Id, hostCamera.StreamId, cancellationToken: Ct);
        await opentok.Broadcasts.AddStreamAsync(broadcast.Id, guestCamera.StreamId, hasAudio: false, cancellationToken: Ct);
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => opentok.Broadcasts.AddStreamAsync(broadcast.Id, Guid.NewGuid().ToString(), cancellationToken: Ct));

        Assert.Equal([hostCamera.StreamId, guestCamera.StreamId], (await opentok.Broadcasts.GetAsync(broadcast.Id, Ct)).Streams.Select(s => s.StreamId));

        await host.ForceDisconnectAsync(guest.ConnectionId, Ct);
        Assert.Equal([hostCamera.StreamId], (await opentok.Broadcasts.GetAsync(broadcast.Id, Ct)).Streams.Select(s => s.StreamId));
    }

    [Fact]
    public async Task Until_an_emulated_client_joins_a_session_any_stream_id_is_taken_as_a_real_clients()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();

        // Nobody connected: the archive starts, and stream ids from clients the emulator cannot see are taken.
        var archive = await opentok.Archives.StartAsync(session.SessionId, new ArchiveOptions { StreamMode = StreamMode.Manual }, Ct);
        await opentok.Archives.AddStreamAsync(archive.Id, "seen-elsewhere", cancellationToken: Ct);

        // Once an emulated client has joined (even if it left since), the emulator knows who publishes.
        var alice = await emulator.JoinAsync(session);
        await alice.DisposeAsync();
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => opentok.Archives.AddStreamAsync(archive.Id, "seen-elsewhere-too", cancellationToken: Ct));
        Assert.Equal(["seen-elsewhere"], (await opentok.Archives.GetAsync(archive.Id, Ct)).Streams.Select(s => s.StreamId));
    }

    [Fact]
    public async Task An_auto_mode_archive_lists_no_streams_as_the_service_answers()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        await using var alice = await emulator.JoinAsync(session);
        await alice.PublishAsync(Camera("alice"), Ct);

        var archive = await opentok.Archives.StartAsync(session.SessionId, cancellationToken: Ct);

        Assert.Equal(StreamMode.Auto, archive.StreamMode);
        Assert.Empty((await opentok.Archives.GetAsync(archive.Id, Ct)).Streams);
    }
}
