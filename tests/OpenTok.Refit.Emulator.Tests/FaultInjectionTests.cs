using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using OpenTok.Refit.Http;
using static OpenTok.Refit.Emulator.Tests.Support;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>Injected faults: what the wire shows, what the SDK does with them, and that they can be flipped at run time.</summary>
public sealed class FaultInjectionTests
{
    [Fact]
    public async Task Faults_are_off_by_default()
    {
        await using var emulator = await StartAsync();

        Assert.Same(FaultInjection.None, emulator.Faults);
        Assert.Equal(ArchiveAvailability.Immediate, emulator.ArchiveAvailability);
    }

    [Fact]
    public async Task Server_errors_carry_the_chosen_status_and_the_error_body()
    {
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Faults = new FaultInjection { ServerErrorRate = 1, ServerErrorStatusCode = 502 } });

        using var response = await emulator.SendAsync(HttpMethod.Get, emulator.ArchivePath());

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(502, (await response.ErrorAsync()).Code);
        Assert.Equal(1, emulator.Statistics.ServerErrorsInjected);
    }

    [Fact]
    public async Task Rate_limits_carry_Retry_After_in_whole_seconds_including_zero()
    {
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Faults = new FaultInjection { RateLimitRate = 1, RetryAfter = TimeSpan.FromMilliseconds(1500) } });

        using (var response = await emulator.SendAsync(HttpMethod.Get, emulator.ArchivePath()))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
            Assert.Equal(429, (await response.ErrorAsync()).Code);
        }

        emulator.Faults = emulator.Faults with { RetryAfter = TimeSpan.Zero };
        using (var response = await emulator.SendAsync(HttpMethod.Get, emulator.ArchivePath()))
        {
            Assert.Equal(TimeSpan.Zero, response.Headers.RetryAfter?.Delta);
        }
    }

    [Fact]
    public async Task The_SDK_surfaces_a_persistent_429_as_a_typed_rate_limit_error_after_its_retries()
    {
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Faults = new FaultInjection { RateLimitRate = 1, RetryAfter = TimeSpan.Zero } });
        using var client = emulator.FastClient(maxRetries: 2, circuitBreaker: false);

        var e = await Assert.ThrowsAsync<OpenTokRateLimitedException>(() => client.CreateSessionAsync(cancellationToken: Ct));

        Assert.Equal(TimeSpan.Zero, e.RetryAfter);
        Assert.Equal(3, emulator.Statistics.Requests); // POST is retried on 429: the request provably did not take effect
        Assert.Equal(0, emulator.Statistics.SessionsCreated);
    }

    [Fact]
    public async Task Dropped_connections_fail_the_request_without_an_answer()
    {
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Faults = new FaultInjection { DropConnectionRate = 1 } });

        await Assert.ThrowsAsync<HttpRequestException>(() => emulator.SendAsync(HttpMethod.Get, emulator.ArchivePath()));
        Assert.Equal(1, emulator.Statistics.ConnectionsDropped);
    }

    [Fact]
    public async Task A_drop_after_effect_fails_the_POST_on_the_wire_yet_the_archive_exists()
    {
        using var text = new StringWriter();
        var log = TextWriter.Synchronized(text);
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { RequestLog = log });
        using var sdk = emulator.CreateClient();
        var session = await sdk.RoutedSessionAsync();
        emulator.Faults = new FaultInjection { DropAfterEffectRate = 1.0 };

        // A fresh HttpClient, so a fresh connection: HttpClient silently resends a request that failed on a reused one.
        using (var http = emulator.RawClient())
        {
            using var start = emulator.Request(HttpMethod.Post, emulator.ArchivePath(), $$"""{"sessionId":"{{session.SessionId}}"}""");
            await Assert.ThrowsAsync<HttpRequestException>(() => http.SendAsync(start, Ct));
        }

        emulator.Faults = FaultInjection.None;
        using var list = await emulator.SendAsync(HttpMethod.Get, emulator.ArchivePath());
        var archive = Assert.Single((await list.Content.ReadFromJsonAsync(OpenTokJsonContext.Default.ArchiveList, Ct))!.Items);
        Assert.Equal((session.SessionId, ArchiveStatus.Started), (archive.SessionId, archive.Status));
        var statistics = emulator.Statistics;
        Assert.Equal((1L, 1L, 1L), (statistics.ArchivesStarted, statistics.ConnectionsDropped, statistics.ConnectionsDroppedAfterEffect));
        var lines = await LogLinesAsync(log, text, 3);
        Assert.Contains(lines, l => l.StartsWith($"POST /{emulator.ArchivePath()} -> dropped after handling, its 200 not sent (", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_request_log_says_dropped_for_every_connection_a_client_saw_dropped()
    {
        // Synchronized, and read under its lock: the emulator writes the log while the test reads it.
        using var text = new StringWriter();
        var log = TextWriter.Synchronized(text);
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Seed = 3, RequestLog = log, Faults = new FaultInjection { DropConnectionRate = 0.5 } });
        const int Requests = 30;
        var (dropped, answered) = (0, 0);

        // One keep-alive connection, reopened only when the emulator drops it.
        var connection = await RawHttpConnection.OpenAsync(emulator.BaseAddress);
        try
        {
            for (var i = 0; i < Requests; i++)
            {
                await connection.SendAsync($"GET /{emulator.ArchivePath()} HTTP/1.1\r\nHost: 127.0.0.1\r\n{OpenTokAuthHandler.AuthHeaderName}: {emulator.Jwt()}\r\n\r\n");
                if (await connection.ReadResponseAsync() is { } response)
                {
                    Assert.Equal(200, response.StatusCode);
                    answered++;
                }
                else
                {
                    dropped++;
                    connection.Dispose();
                    connection = await RawHttpConnection.OpenAsync(emulator.BaseAddress);
                }
            }
        }
        finally
        {
            connection.Dispose();
        }

        var lines = await LogLinesAsync(log, text, Requests);
        Assert.True(dropped > 5 && answered > 5, $"{dropped} dropped, {answered} answered");
        Assert.Equal(dropped, lines.Count(l => l.Contains(" -> dropped", StringComparison.Ordinal)));
        Assert.Equal(answered, lines.Count(l => l.Contains(" -> 200 ", StringComparison.Ordinal)));
        Assert.Equal(dropped, emulator.Statistics.ConnectionsDropped);
    }

    [Fact]
    public async Task The_SDK_retries_reads_through_dropped_connections_and_503s_but_not_a_stop()
    {
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Seed = 7 });
        using var client = emulator.FastClient(maxRetries: 10, circuitBreaker: false);
        var session = await client.RoutedSessionAsync();
        var archive = await client.Archives.StartAsync(session.SessionId, cancellationToken: Ct);

        emulator.Faults = new FaultInjection { DropConnectionRate = 0.2, ServerErrorRate = 0.2 };
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(archive.Id, (await client.Archives.GetAsync(archive.Id, Ct)).Id);
        }

        emulator.Faults = new FaultInjection { ServerErrorRate = 1 };
        var e = await Assert.ThrowsAsync<OpenTokApiException>(() => client.Archives.StopAsync(archive.Id, Ct));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, e.StatusCode);
        emulator.Faults = FaultInjection.None;
        Assert.Equal(ArchiveStatus.Started, (await client.Archives.GetAsync(archive.Id, Ct)).Status); // the refused stop took no effect
    }

    [Fact]
    public async Task Latency_is_added_to_REST_calls_only()
    {
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Faults = new FaultInjection { Latency = TimeSpan.FromMilliseconds(300) } });
        using var http = emulator.RawClient();
        using (await http.GetAsync("media/x/archive.mp4", Ct)) // warm the connection up
        {
        }

        var watch = Stopwatch.StartNew();
        using (await http.GetAsync("media/x/archive.mp4", Ct))
        {
        }

        var media = watch.Elapsed;
        watch.Restart();
        using (await emulator.SendAsync(HttpMethod.Get, emulator.ArchivePath()))
        {
        }

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(290), $"the REST call took {watch.Elapsed}");
        Assert.True(media < TimeSpan.FromMilliseconds(250), $"the file took {media}");
    }

    [Fact]
    public async Task Faults_change_at_run_time()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient(o => o.Resilience.Enabled = false);

        await client.CreateSessionAsync(cancellationToken: Ct);
        emulator.Faults = new FaultInjection { ServerErrorRate = 1 };
        await Assert.ThrowsAsync<OpenTokApiException>(() => client.CreateSessionAsync(cancellationToken: Ct));
        emulator.Faults = FaultInjection.None;
        await client.CreateSessionAsync(cancellationToken: Ct);

        Assert.Equal((3L, 1L, 2L), (emulator.Statistics.Requests, emulator.Statistics.ServerErrorsInjected, emulator.Statistics.SessionsCreated));
    }

    [Fact]
    public async Task The_same_seed_injects_the_same_faults()
    {
        async Task<string> RunAsync()
        {
            await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Seed = 42, Faults = new FaultInjection { ServerErrorRate = 0.3, RateLimitRate = 0.3 } });
            var outcomes = new List<int>();
            for (var i = 0; i < 30; i++)
            {
                using var response = await emulator.SendAsync(HttpMethod.Get, emulator.ArchivePath());
                outcomes.Add((int)response.StatusCode);
            }

            return string.Join(",", outcomes);
        }

        var first = await RunAsync();
        Assert.Equal(first, await RunAsync());
        Assert.Contains("503", first, StringComparison.Ordinal);
        Assert.Contains("429", first, StringComparison.Ordinal);
        Assert.Contains("200", first, StringComparison.Ordinal);
    }

    /// <summary>The log's lines once it has <paramref name="count"/> of them: a line is written after its answer, so it may trail what the client saw.</summary>
    private static async Task<string[]> LogLinesAsync(TextWriter log, StringWriter text, int count)
    {
        for (var i = 0; ; i++)
        {
            string[] lines;
            lock (log)
            {
                lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }

            if (lines.Length >= count || i == 200)
            {
                return lines;
            }

            await Task.Delay(25, Ct);
        }
    }

    [Fact]
    public void Fault_settings_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new FaultInjection { ServerErrorRate = 1.5 }.Validate());
        Assert.Throws<ArgumentException>(() => new FaultInjection { ServerErrorRate = 0.6, RateLimitRate = 0.6 }.Validate());
        Assert.Throws<ArgumentException>(() => new FaultInjection { DropAfterEffectRate = -0.1 }.Validate());
        Assert.Throws<ArgumentException>(() => new FaultInjection { DropConnectionRate = 0.5, DropAfterEffectRate = 0.6 }.Validate());
        Assert.Throws<ArgumentException>(() => new FaultInjection { ServerErrorStatusCode = 404 }.Validate());
        Assert.Throws<ArgumentException>(() => new FaultInjection { Latency = TimeSpan.FromSeconds(-1) }.Validate());
        Assert.Throws<ArgumentException>(() => ArchiveAvailability.After(TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentException>(() => new OpenTokEmulatorOptions { ApiKey = "" }.Validate());
        Assert.Throws<ArgumentException>(() => new OpenTokEmulatorOptions { Port = 70000 }.Validate());
    }
}
