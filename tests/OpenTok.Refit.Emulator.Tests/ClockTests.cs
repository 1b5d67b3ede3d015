using System.Net;
using Microsoft.Extensions.Time.Testing;
using static OpenTok.Refit.Emulator.Tests.Support;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>
/// The emulator reads every time from <see cref="OpenTokEmulatorOptions.TimeProvider"/>, so a test moves a fake clock
/// instead of waiting. The clock starts years away from this machine's on purpose: the SDK must follow the
/// emulator's clock through its <c>Date</c> header, as it follows the real service's.
/// </summary>
public sealed class ClockTests
{
    private static readonly DateTimeOffset Start = new(2031, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private static Task<OpenTokEmulator> StartAsync(FakeTimeProvider clock, ArchiveAvailability? availability = null, FaultInjection? faults = null) =>
        Support.StartAsync(new OpenTokEmulatorOptions
        {
            Seed = 1,
            TimeProvider = clock,
            ArchiveAvailability = availability ?? ArchiveAvailability.Immediate,
            Faults = faults ?? FaultInjection.None,
        });

    [Fact]
    public async Task A_delayed_archive_becomes_available_when_the_clock_passes_the_delay_and_not_before()
    {
        var clock = new FakeTimeProvider(Start);
        await using var emulator = await StartAsync(clock, ArchiveAvailability.After(TimeSpan.FromHours(1)));
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();
        var archive = await client.Archives.StartAsync(session.SessionId, cancellationToken: Ct);
        await client.Archives.StopAsync(archive.Id, Ct);

        clock.Advance(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1));
        Assert.Equal(ArchiveStatus.Stopped, (await client.Archives.GetAsync(archive.Id, Ct)).Status);

        clock.Advance(TimeSpan.FromSeconds(1));
        var available = await client.Archives.GetAsync(archive.Id, Ct);
        Assert.Equal(ArchiveStatus.Available, available.Status);
        Assert.NotNull(available.Url);
    }

    [Fact]
    public async Task Session_and_archive_times_come_from_the_clock_and_the_duration_is_the_time_advanced()
    {
        var clock = new FakeTimeProvider(Start);
        await using var emulator = await StartAsync(clock);
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();

        var started = await client.Archives.StartAsync(session.SessionId, cancellationToken: Ct);
        clock.Advance(TimeSpan.FromSeconds(90));
        var stopped = await client.Archives.StopAsync(started.Id, Ct);

        Assert.Equal(Start, Assert.Single(emulator.Sessions).CreatedAt);
        Assert.Equal(Start, started.CreatedAt);
        Assert.Equal(TimeSpan.FromSeconds(90), stopped.Duration);
        Assert.Equal(TimeSpan.FromSeconds(90), Assert.Single(emulator.Archives).Duration);
    }

    [Fact]
    public async Task A_REST_JWT_expired_by_the_clock_is_refused_with_403()
    {
        var clock = new FakeTimeProvider(Start);
        await using var emulator = await StartAsync(clock);
        var jwt = emulator.Jwt(issuedAt: Start, lifetime: TimeSpan.FromMinutes(3));

        using (var fresh = await emulator.SendAsync(HttpMethod.Get, emulator.ArchivePath(), jwt: jwt))
        {
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        }

        clock.Advance(TimeSpan.FromMinutes(3));
        using var expired = await emulator.SendAsync(HttpMethod.Get, emulator.ArchivePath(), jwt: jwt);

        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        var error = await expired.ErrorAsync();
        Assert.Equal(403, error.Code);
        Assert.Contains("expired", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, emulator.Statistics.AuthenticationFailures);
    }

    [Fact]
    public async Task Answers_are_dated_by_the_clock_so_the_SDK_keeps_authenticating_when_it_jumps()
    {
        var clock = new FakeTimeProvider(Start);
        await using var emulator = await StartAsync(clock);
        using var client = emulator.CreateClient();
        await client.RoutedSessionAsync();

        clock.Advance(TimeSpan.FromDays(3));
        using (var answer = await emulator.SendAsync(HttpMethod.Get, emulator.ArchivePath(), jwt: emulator.Jwt(issuedAt: clock.GetUtcNow())))
        {
            Assert.Equal(Start.AddDays(3), answer.Headers.Date);
        }

        // The client's JWTs are dated by the old Date; the 403 carries the new one, and the SDK re-signs once.
        await client.RoutedSessionAsync();
        Assert.Equal(2, emulator.Statistics.SessionsCreated);
    }

    [Fact]
    public async Task Archive_urls_expire_by_the_clock()
    {
        var clock = new FakeTimeProvider(Start);
        await using var emulator = await StartAsync(clock);
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();
        var archive = await client.Archives.StartAsync(session.SessionId, cancellationToken: Ct);
        await client.Archives.StopAsync(archive.Id, Ct);
        var url = (await client.Archives.GetAsync(archive.Id, Ct)).Url!;
        using var http = emulator.RawClient();

        clock.Advance(TimeSpan.FromMinutes(10));
        using (var lastSecond = await http.GetAsync(url, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, lastSecond.StatusCode);
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        using var expired = await http.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Contains("expired", (await expired.ErrorAsync()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_tokens_expire_by_the_clock()
    {
        // Near this machine's time: the SDK checks a token's expiry against its own clock when it signs.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await StartAsync(clock);
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();
        var token = client.GenerateToken(session.SessionId, new TokenOptions { ExpireTime = clock.GetUtcNow().AddHours(1) });

        Assert.True(emulator.VerifyClientToken(token).IsValid);

        clock.Advance(TimeSpan.FromHours(1));
        var refused = emulator.VerifyClientToken(token);
        Assert.False(refused.IsValid);
        Assert.Contains("expired", refused.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Injected_latency_passes_on_the_clock()
    {
        var clock = new FakeTimeProvider(Start);
        var latency = TimeSpan.FromMinutes(30);
        await using var emulator = await StartAsync(clock, faults: new FaultInjection { Latency = latency });
        using var http = emulator.RawClient();
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        giveUp.CancelAfter(TimeSpan.FromSeconds(30));

        // A REST path no area maps: the latency applies, then a 404 that needs no JWT (which the moving clock would expire).
        var call = http.GetAsync($"v2/project/{emulator.ApiKey}/no-such-endpoint", giveUp.Token);
        var advanced = TimeSpan.Zero;
        while (!call.IsCompleted && advanced < TimeSpan.FromHours(2))
        {
            await Task.Delay(5, Ct);
            clock.Advance(TimeSpan.FromMinutes(1));
            advanced += TimeSpan.FromMinutes(1);
        }

        // The request may reach the delay a few steps late, never early: it cannot finish before the clock has moved the latency.
        using var response = await call;
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.InRange(advanced, latency, TimeSpan.FromHours(2));
    }

    [Fact]
    public void The_time_provider_is_required()
    {
        Assert.Throws<ArgumentNullException>(() => new OpenTokEmulatorOptions { TimeProvider = null! }.Validate());
    }
}
