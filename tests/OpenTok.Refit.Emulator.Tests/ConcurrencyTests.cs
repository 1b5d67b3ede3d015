using System.Collections.Concurrent;
using OpenTok.Refit.Http;
using static OpenTok.Refit.Emulator.Tests.Support;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>Many clients at once: the rules still hold and nothing is lost or doubled.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Simultaneous_starts_on_one_session_give_exactly_one_archive_per_tag()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var sessions = new List<Session>();
        for (var i = 0; i < 8; i++)
        {
            sessions.Add(await client.RoutedSessionAsync());
        }

        var started = new ConcurrentBag<Archive>();
        var conflicts = 0;
        // 8 sessions x 2 tags x 6 competing starts, all at once.
        var attempts = sessions.SelectMany(s => new[] { null, "b" }.SelectMany(tag => Enumerable.Range(0, 6).Select(_ => (s.SessionId, tag))));
        await Parallel.ForEachAsync(attempts, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = Ct }, async (attempt, ct) =>
        {
            try
            {
                started.Add(await client.Archives.StartAsync(attempt.SessionId, new ArchiveOptions { MultiArchiveTag = attempt.tag }, ct));
            }
            catch (OpenTokConflictException)
            {
                Interlocked.Increment(ref conflicts);
            }
        });

        Assert.Equal(16, started.Count);
        Assert.Equal(8 * 2 * 5, conflicts);
        Assert.Equal(16, started.Select(a => (a.SessionId, a.MultiArchiveTag)).Distinct().Count());
        Assert.Equal(16, emulator.Archives.Count);
    }

    [Fact]
    public async Task Parallel_lifecycles_keep_every_archive_and_every_status()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();

        var ids = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 40), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct }, async (i, ct) =>
        {
            var session = await client.CreateSessionAsync(new SessionOptions { MediaMode = MediaMode.Routed }, ct);
            var archive = await client.Archives.StartAsync(session.SessionId, new ArchiveOptions { Name = $"p{i}" }, ct);
            await client.Archives.StopAsync(archive.Id, ct);
            if (i % 2 == 0)
            {
                await client.Archives.DeleteAsync(archive.Id, ct);
            }

            ids.Add(archive.Id);
        });

        var listed = await client.Archives.ListAsync(cancellationToken: Ct).ToListAsync(Ct);
        Assert.Equal(20, listed.Count);
        Assert.All(listed, a => Assert.Equal(ArchiveStatus.Available, a.Status));
        Assert.Equal(40, emulator.Archives.Count);
        Assert.Equal(40, emulator.Sessions.Count);
        Assert.Equal(ids.Order(), emulator.Archives.Select(a => a.Id).Order());
    }
}
