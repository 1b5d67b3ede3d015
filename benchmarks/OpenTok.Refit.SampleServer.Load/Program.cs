using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenTok.Refit.SampleServer;

// dotnet run -c Release --project benchmarks/OpenTok.Refit.SampleServer.Load -- [--requests 2000] [--concurrency 32]
//
// Starts the sample server in this process on 127.0.0.1 with a fresh SQLite file and its embedded OpenTok emulator,
// then asks for `requests` rooms that do not exist yet, `concurrency` at a time, and prints the latency percentiles.
// Every request is the expensive one: a session is created and the room written. Nothing leaves this machine.
var requests = Option("--requests", 2000);
var concurrency = Option("--concurrency", 32);
var warmup = Option("--warmup", 64);

var folder = Path.Combine(Path.GetTempPath(), "opentok-sample-load", Guid.NewGuid().ToString("N"));
string[] serverArgs =
[
    "--urls=http://127.0.0.1:0",
    $"--SampleServer:DatabasePath={Path.Combine(folder, "rooms.db")}",
    "--OpenTok:ApiKey=", // empty, whatever the environment says: the embedded emulator
    "--OpenTok:ApiSecret=",
    // One client asks for every room here, so the per-client limit on new rooms is lifted for the run.
    $"--SampleServer:RoomCreation:PermitLimit={requests + warmup}",
    "--Logging:LogLevel:Default=Warning",
];

await using var app = await SampleServerApp.BuildAsync(serverArgs);
await app.StartAsync();
var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(10)); // a bounded run, whatever happens

var run = Guid.NewGuid().ToString("N")[..8];
try
{
    // Warm-up: JIT, connection pool, SQLite pages. Not measured.
    await RunAsync("warmup", warmup, concurrency);
    var total = Stopwatch.StartNew();
    var (latencies, failures) = await RunAsync("room", requests, concurrency);
    total.Stop();

    Array.Sort(latencies);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{requests} new rooms, concurrency {concurrency}, {total.Elapsed.TotalSeconds:F2} s, {requests / total.Elapsed.TotalSeconds:F0} rooms/s, {failures} failed"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"p50 {Percentile(latencies, 0.50):F1} ms  p90 {Percentile(latencies, 0.90):F1} ms  p99 {Percentile(latencies, 0.99):F1} ms  max {latencies[^1]:F1} ms"));
    return failures == 0 ? 0 : 1;
}
finally
{
    await app.StopAsync();
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    try
    {
        Directory.Delete(folder, recursive: true);
    }
    catch (IOException)
    {
    }
}

async Task<(double[] Latencies, int Failures)> RunAsync(string prefix, int count, int workers)
{
    var latencies = new double[count];
    var failures = 0;
    var next = -1;
    await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < count)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync($"room/{prefix}-{run}-{i}", deadline.Token);
            await response.Content.LoadIntoBufferAsync(deadline.Token);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                if (Interlocked.Increment(ref failures) <= 5)
                {
                    Console.Error.WriteLine($"room {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(deadline.Token)}");
                }
            }
        }
    }));
    return (latencies, failures);
}

static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

int Option(string name, int defaultValue)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
        ? value
        : defaultValue;
}
