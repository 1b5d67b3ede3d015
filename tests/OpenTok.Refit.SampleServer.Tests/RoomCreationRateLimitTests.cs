using System.Net;
using OpenTok.Refit.Emulator;
using static OpenTok.Refit.SampleServer.Tests.SampleServerHost;

namespace OpenTok.Refit.SampleServer.Tests;

/// <summary>Creating rooms is rate-limited per client (429 with Retry-After); joining a room that exists never is.</summary>
public sealed class RoomCreationRateLimitTests : IAsyncLifetime
{
    private readonly TempDatabase _database = new();
    private OpenTokEmulator _emulator = null!;

    public async ValueTask InitializeAsync() =>
        _emulator = await OpenTokEmulator.StartAsync(new OpenTokEmulatorOptions { Seed = 13 }, Ct);

    public async ValueTask DisposeAsync()
    {
        await _emulator.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task New_rooms_past_the_limit_are_a_429_with_retry_after_while_existing_rooms_can_still_be_joined()
    {
        await using var server = await StartAsync(_database.Path, _emulator, logs: null,
            "--SampleServer:RoomCreation:PermitLimit=2", "--SampleServer:RoomCreation:Window=00:10:00");
        var first = await server.RoomAsync("first");
        await server.RoomAsync("second");

        using var third = await server.Http.GetAsync("room/third", Ct);

        var problem = await ProblemAsync(third, 429);
        Assert.Contains("new rooms", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var retryAfter = third.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        Assert.Equal(2, _emulator.Statistics.SessionsCreated);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(first.SessionId, (await server.RoomAsync("first")).SessionId);
        }
    }

    [Fact]
    public async Task A_rejected_room_name_spends_nothing_from_the_allowance()
    {
        await using var server = await StartAsync(_database.Path, _emulator, logs: null,
            "--SampleServer:RoomCreation:PermitLimit=1", "--SampleServer:RoomCreation:Window=00:10:00");

        for (var i = 0; i < 3; i++)
        {
            using var bad = await server.Http.GetAsync("room/a%E2%80%8Bb", Ct);
            await ProblemAsync(bad, 400);
        }

        using var good = await server.Http.GetAsync("room/good", Ct);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    [Fact]
    public async Task The_limit_is_on_by_default_and_generous()
    {
        await using var server = await StartAsync(_database.Path, _emulator);
        var limit = SampleServerApp.DefaultRoomCreationPermitLimit;
        Assert.InRange(limit, 30, 1000);

        for (var batch = 0; batch < limit; batch += 10)
        {
            await Task.WhenAll(Enumerable.Range(batch, Math.Min(10, limit - batch)).Select(i => server.RoomAsync($"room-{i}")));
        }

        using var oneMore = await server.Http.GetAsync("room/one-more", Ct);
        await ProblemAsync(oneMore, 429);
        Assert.NotNull(oneMore.Headers.RetryAfter);
    }
}
