using Microsoft.Extensions.Time.Testing;
using OpenTok.Refit.Emulator.Areas.ExperienceComposer;
using static OpenTok.Refit.Emulator.Tests.LiveSupport;
using static OpenTok.Refit.Emulator.Tests.Support;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>
/// An Experience Composer inside its session: once started it is a connection publishing the render's stream, which the
/// REST API and emulated clients see at the moment the clock gets there (with nobody polling the render), and which
/// ends when the render stops, by a stop call or its maximum duration.
/// </summary>
public sealed class RenderSessionTests
{
    private static readonly RenderOptions Whiteboard = new() { Url = "https://webapp.example.com/board/1", Properties = new RenderProperties { Name = "Whiteboard" } };

    private static async Task<(OpenTokEmulator Emulator, FakeTimeProvider Clock)> StartWithClockAsync()
    {
        // Starts at the real time to the second: tokens the SDK signs on the real clock stay valid as it advances.
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        return (await StartAsync(new OpenTokEmulatorOptions { Seed = 1, TimeProvider = clock }), clock);
    }

    [Fact]
    public async Task A_started_render_publishes_its_stream_in_the_session_and_stopping_it_ends_both()
    {
        var (emulator, clock) = await StartWithClockAsync();
        await using var running = emulator;
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        await using var alice = await emulator.JoinAsync(session);

        var render = await opentok.ExperienceComposer.StartAsync(session.SessionId, session.GenerateToken(new TokenOptions { Data = "composer" }), Whiteboard, Ct);

        // Starting: still loading the page, not in the session.
        Assert.Equal([alice.ConnectionId], (await opentok.Connections.ListAsync(session.SessionId, Ct)).Select(c => c.ConnectionId));
        Assert.Empty(await opentok.Streams.ListAsync(session.SessionId, Ct));
        Assert.Empty(alice.Events.Drain());

        clock.Advance(RenderStore.StartingDuration);

        // The timer did it: alice heard before anyone read the render.
        var events = alice.Events.Drain();
        Assert.Equal(2, events.Count);
        var joined = Assert.IsType<EmulatedClientEvent.ConnectionCreated>(events[0]);
        Assert.Equal("composer", joined.Data);
        var published = Assert.IsType<EmulatedClientEvent.StreamCreated>(events[1]);
        Assert.Equal((joined.ConnectionId, "Whiteboard", VideoType.Camera, true, true), (published.ConnectionId, published.Name, published.VideoType, published.HasAudio, published.HasVideo));
        var started = await opentok.ExperienceComposer.GetAsync(render.Id, Ct);
        Assert.Equal((RenderStatus.Started, published.StreamId), (started.Status, started.StreamId));
        Assert.Equal("Whiteboard", (await opentok.Streams.GetAsync(session.SessionId, published.StreamId, Ct)).Name);

        await opentok.ExperienceComposer.StopAsync(render.Id, Ct);

        Assert.Empty(await opentok.Streams.ListAsync(session.SessionId, Ct));
        Assert.Equal(ConnectionState.Disconnected, (await opentok.Connections.ListAsync(session.SessionId, Ct)).Single(c => c.ConnectionId == joined.ConnectionId).ConnectionState);
        Assert.Equal(
            [
                new EmulatedClientEvent.StreamDestroyed(published.StreamId, joined.ConnectionId, EmulatedEndReason.ClientDisconnected),
                new EmulatedClientEvent.ConnectionDestroyed(joined.ConnectionId, EmulatedEndReason.ClientDisconnected),
            ],
            alice.Events.Drain());
        Assert.Equal(published.StreamId, (await opentok.ExperienceComposer.GetAsync(render.Id, Ct)).StreamId);
    }

    [Fact]
    public async Task The_maximum_duration_ends_the_connection_on_time_with_nobody_reading()
    {
        var (emulator, clock) = await StartWithClockAsync();
        await using var running = emulator;
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        await using var alice = await emulator.JoinAsync(session);
        var render = await opentok.ExperienceComposer.StartAsync(session.SessionId, session.GenerateToken(), Whiteboard with { MaxDuration = TimeSpan.FromSeconds(60) }, Ct);
        clock.Advance(RenderStore.StartingDuration);
        var joined = Assert.IsType<EmulatedClientEvent.ConnectionCreated>(alice.Events.Drain()[0]);

        clock.Advance(TimeSpan.FromSeconds(57));
        Assert.Empty(alice.Events.Drain());

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(
            [typeof(EmulatedClientEvent.StreamDestroyed), typeof(EmulatedClientEvent.ConnectionDestroyed)],
            alice.Events.Drain().Select(e => e.GetType()));

        var stopped = await opentok.ExperienceComposer.GetAsync(render.Id, Ct);
        Assert.Equal((RenderStatus.Stopped, "Max Duration Exceeded"), (stopped.Status, stopped.Reason));
        Assert.Equal(ConnectionState.Disconnected, (await opentok.Connections.ListAsync(session.SessionId, Ct)).Single(c => c.ConnectionId == joined.ConnectionId).ConnectionState);
    }

    [Fact]
    public async Task A_render_jumped_past_its_whole_life_still_joined_and_left_in_order()
    {
        var (emulator, clock) = await StartWithClockAsync();
        await using var running = emulator;
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        await using var alice = await emulator.JoinAsync(session);
        var render = await opentok.ExperienceComposer.StartAsync(session.SessionId, session.GenerateToken(), Whiteboard with { MaxDuration = TimeSpan.FromSeconds(60) }, Ct);

        clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(
            [
                typeof(EmulatedClientEvent.ConnectionCreated), typeof(EmulatedClientEvent.StreamCreated),
                typeof(EmulatedClientEvent.StreamDestroyed), typeof(EmulatedClientEvent.ConnectionDestroyed),
            ],
            alice.Events.Drain().Select(e => e.GetType()));
        Assert.NotNull((await opentok.ExperienceComposer.GetAsync(render.Id, Ct)).StreamId);
    }

    [Fact]
    public async Task A_render_stopped_while_starting_never_joins_and_a_reset_forgets_pending_ones()
    {
        var (emulator, clock) = await StartWithClockAsync();
        await using var running = emulator;
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        await using var alice = await emulator.JoinAsync(session);
        var stopped = await opentok.ExperienceComposer.StartAsync(session.SessionId, session.GenerateToken(), Whiteboard, Ct);
        await opentok.ExperienceComposer.StopAsync(stopped.Id, Ct);

        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Empty(alice.Events.Drain());
        Assert.Single(await opentok.Connections.ListAsync(session.SessionId, Ct));

        // A render still starting when the emulator is reset never joins the session of a later life.
        var pending = await opentok.ExperienceComposer.StartAsync(session.SessionId, session.GenerateToken(), Whiteboard, Ct);
        emulator.Reset();
        clock.Advance(TimeSpan.FromMinutes(1));
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => opentok.ExperienceComposer.GetAsync(pending.Id, Ct));
        Assert.Empty(emulator.Sessions);
    }

    [Fact]
    public async Task Forcing_a_renders_connection_out_stops_it()
    {
        var (emulator, clock) = await StartWithClockAsync();
        await using var running = emulator;
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        var render = await opentok.ExperienceComposer.StartAsync(session.SessionId, session.GenerateToken(), Whiteboard, Ct);
        clock.Advance(RenderStore.StartingDuration);
        var connection = Assert.Single(await opentok.Connections.ListAsync(session.SessionId, Ct));

        await opentok.Moderation.ForceDisconnectAsync(session.SessionId, connection.ConnectionId, Ct);

        var stopped = await opentok.ExperienceComposer.GetAsync(render.Id, Ct);
        Assert.Equal((RenderStatus.Stopped, "Stop Requested"), (stopped.Status, stopped.Reason));
        Assert.NotNull(stopped.StreamId);
        Assert.Empty(await opentok.Streams.ListAsync(session.SessionId, Ct));
        clock.Advance(TimeSpan.FromHours(3)); // its maximum duration passes with nothing left to end
        Assert.Equal(stopped, await opentok.ExperienceComposer.GetAsync(render.Id, Ct));
    }

    [Fact]
    public async Task On_the_real_clock_a_render_publishes_by_itself()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        await using var alice = await emulator.JoinAsync(session);

        await opentok.ExperienceComposer.StartAsync(session.SessionId, session.GenerateToken(), Whiteboard, Ct);

        // Waits for the system timer (RenderStore.StartingDuration), not for a read; a generous bound, not a measurement.
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        patience.CancelAfter(TimeSpan.FromSeconds(60));
        Assert.IsType<EmulatedClientEvent.ConnectionCreated>(await alice.Events.ReadAsync(patience.Token));
        Assert.Equal("Whiteboard", Assert.IsType<EmulatedClientEvent.StreamCreated>(await alice.Events.ReadAsync(patience.Token)).Name);
    }
}
