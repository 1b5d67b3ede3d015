using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using OpenTok.Refit.Http;
using static OpenTok.Refit.Emulator.Tests.Support;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>
/// 500 mixed SDK calls from 8 concurrent callers while the emulator refuses 20% of requests with 503 and 10% with
/// 429 (<c>Retry-After: 0</c>). Reads, PUTs and DELETEs are retried by the SDK; a POST refused with 503 is not (it
/// might have taken effect), so it surfaces as a typed <see cref="OpenTokApiException"/> and the caller decides: it
/// tries again, and a start that had in fact taken effect would answer 409 (one archive per session), from which
/// the caller recovers by listing. Afterwards: no unhandled failure, no duplicated archive, nothing lost.
/// </summary>
public sealed class ReliabilityTests
{
    private const int TotalCalls = 500;
    private const int Callers = 8;

    [Fact]
    public async Task Five_hundred_mixed_calls_through_20_percent_503s_and_10_percent_429s()
    {
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions
        {
            Seed = 2026,
            Faults = new FaultInjection { ServerErrorRate = 0.2, RateLimitRate = 0.1, RetryAfter = TimeSpan.Zero, Latency = TimeSpan.FromMilliseconds(1) },
        });
        using var client = emulator.CreateClient(o =>
        {
            o.Resilience.MaxRetryAttempts = 10;
            o.Resilience.BaseDelay = TimeSpan.FromMilliseconds(2);
            o.Resilience.MaxDelay = TimeSpan.FromMilliseconds(100);
        });

        var run = new Run(client);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(i => Task.Run(() => run.CallerAsync(i), Ct)));
        watch.Stop();

        var statistics = emulator.Statistics;
        emulator.Faults = FaultInjection.None;
        var listed = await client.Archives.ListAsync(cancellationToken: Ct).ToListAsync(Ct);
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"calls: {run.Calls}, HTTP requests seen by the emulator: {statistics.Requests} ({statistics.Requests - run.Calls} retries)");
        output?.WriteLine($"injected: {statistics.ServerErrorsInjected} x 503, {statistics.RateLimitsInjected} x 429");
        output?.WriteLine($"surfaced to the caller as typed OpenTokApiException: {run.Surfaced.Count} ({string.Join(", ", run.Surfaced.GroupBy(s => s).Select(g => $"{g.Key}: {g.Count()}"))})");
        output?.WriteLine($"sessions: {run.Sessions}, archives started: {run.Started.Count}, stopped: {run.Stopped.Count}, deleted: {run.Deleted.Count}, recovered after 409: {run.Recovered}");
        output?.WriteLine($"duration: {watch.Elapsed.TotalSeconds:0.00} s");

        Assert.Equal(TotalCalls, run.Calls);
        Assert.Empty(run.Unexpected);
        Assert.True(statistics.ServerErrorsInjected > 0 && statistics.RateLimitsInjected > 0, "the faults were injected");
        Assert.True(statistics.Requests > TotalCalls, "the SDK retried");

        // Nothing duplicated: the emulator holds exactly the archives the callers saw start, once each.
        Assert.Equal(run.Started.Count, statistics.ArchivesStarted);
        Assert.Equal(run.Started.Keys.Order(), emulator.Archives.Select(a => a.Id).Order());

        // Nothing lost: every archive is where its caller left it, and the listing holds every one not deleted.
        var byId = emulator.Archives.ToDictionary(a => a.Id);
        foreach (var id in run.Started.Keys)
        {
            var expected = run.Deleted.ContainsKey(id) ? ArchiveStatus.Deleted : run.Stopped.ContainsKey(id) ? ArchiveStatus.Available : ArchiveStatus.Started;
            Assert.Equal(expected, byId[id].Status);
        }

        Assert.Equal(run.Started.Keys.Except(run.Deleted.Keys).Order(), listed.Select(a => a.Id).Order());
        Assert.Equal(run.Sessions, emulator.Statistics.SessionsCreated);
    }

    /// <summary>The callers' shared budget and record of what they saw.</summary>
    private sealed class Run(OpenTokClient client)
    {
        private int _calls;
        private int _sessions;
        private int _recovered;

        public int Calls => Math.Min(Volatile.Read(ref _calls), TotalCalls);

        public int Sessions => Volatile.Read(ref _sessions);

        public int Recovered => Volatile.Read(ref _recovered);

        public ConcurrentDictionary<string, bool> Started { get; } = new();

        public ConcurrentDictionary<string, bool> Stopped { get; } = new();

        public ConcurrentDictionary<string, bool> Deleted { get; } = new();

        public ConcurrentBag<string> Surfaced { get; } = [];

        public ConcurrentBag<Exception> Unexpected { get; } = [];

        /// <summary>One caller: session ▸ start ▸ get ▸ list ▸ layout ▸ stop ▸ get ▸ delete (every other archive) ▸ start …, a new session every third archive.</summary>
        public async Task CallerAsync(int caller)
        {
            string? sessionId = null;
            string? archiveId = null;
            var step = 0;
            var archives = 0;
            void Advance()
            {
                if (++step == Script.Length)
                {
                    step = 0;
                    archiveId = null;
                    if (++archives % 3 == 0)
                    {
                        sessionId = null;
                    }
                }
            }

            while (true)
            {
                var operation = sessionId is null ? "CreateSession" : Script[step];
                if (operation == "DeleteArchive" && archives % 2 != 0)
                {
                    Advance(); // every other archive is kept
                    continue;
                }

                if (Interlocked.Increment(ref _calls) > TotalCalls)
                {
                    return;
                }

                try
                {
                    switch (operation)
                    {
                        case "CreateSession":
                            sessionId = (await client.CreateSessionAsync(new SessionOptions { MediaMode = MediaMode.Routed }, Ct)).SessionId;
                            Interlocked.Increment(ref _sessions);
                            continue;
                        case "StartArchive":
                            archiveId = (await client.Archives.StartAsync(sessionId!, new ArchiveOptions { Name = $"caller {caller} #{archives}" }, Ct)).Id;
                            Started[archiveId] = true;
                            break;
                        case "GetArchive":
                            var archive = await client.Archives.GetAsync(archiveId!, Ct);
                            Check(archive.Status == (Stopped.ContainsKey(archiveId!) ? ArchiveStatus.Available : ArchiveStatus.Started), $"{archiveId} is {archive.Status}");
                            break;
                        case "ListArchives":
                            var page = await client.Archives.ListAsync(sessionId, Ct).ToListAsync(Ct);
                            Check(page.Any(a => a.Id == archiveId), $"{archiveId} is missing from its session's list");
                            break;
                        case "SetLayout":
                            await client.Archives.SetLayoutAsync(archiveId!, new Layout { Type = archives % 2 == 0 ? LayoutType.Pip : LayoutType.BestFit }, Ct);
                            break;
                        case "StopArchive":
                            await client.Archives.StopAsync(archiveId!, Ct);
                            Stopped[archiveId!] = true;
                            break;
                        case "DeleteArchive":
                            await client.Archives.DeleteAsync(archiveId!, Ct);
                            Deleted[archiveId!] = true;
                            break;
                    }

                    Advance();
                }
                catch (OpenTokConflictException) when (operation == "StartArchive")
                {
                    // The start refused with 503 had taken effect after all: find the archive instead of starting another.
                    Interlocked.Increment(ref _recovered);
                    Interlocked.Increment(ref _calls);
                    archiveId = (await client.Archives.ListAsync(sessionId, Ct).ToListAsync(Ct)).First(a => a.Status == ArchiveStatus.Started).Id;
                    Started[archiveId] = true;
                    Advance();
                }
                catch (OpenTokApiException e) when (e.StatusCode == HttpStatusCode.ServiceUnavailable && operation is "CreateSession" or "StartArchive" or "StopArchive")
                {
                    // A POST is not retried on 503 by the SDK: the caller sees it, typed, and tries the step again.
                    Surfaced.Add($"{operation} 503");
                }
                catch (Exception e)
                {
                    Unexpected.Add(new InvalidOperationException($"caller {caller}, {operation}: {e.GetType().Name}: {e.Message}", e));
                }
            }
        }

        private static readonly string[] Script = ["StartArchive", "GetArchive", "ListArchives", "SetLayout", "StopArchive", "GetArchive", "DeleteArchive"];

        private void Check(bool condition, string problem)
        {
            if (!condition)
            {
                Unexpected.Add(new InvalidOperationException(problem));
            }
        }
    }
}
