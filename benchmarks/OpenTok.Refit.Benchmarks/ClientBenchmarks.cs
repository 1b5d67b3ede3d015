using BenchmarkDotNet.Attributes;
using static OpenTok.Refit.Benchmarks.HandWrittenGet;
using OpenTok.Refit.Testing;

namespace OpenTok.Refit.Benchmarks;

/// <summary>
/// The SDK's overhead on a real round trip: <c>opentok.Archives.GetAsync</c> through the whole pipeline (resilience,
/// telemetry, auth, Refit's generated client) against the same GET made by hand with HttpClient, a REST JWT and the
/// source-generated JSON context, both to a Kestrel stub on 127.0.0.1.
/// </summary>
[MemoryDiagnoser]
public class ClientBenchmarks
{
    private StubServer _stub = null!;
    private OpenTokClient _client = null!;
    private OpenTokClient _clientWithoutResilience = null!;
    private HttpClient _handWritten = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _stub = await StubServer.StartAsync(_ => StubResponse.Json(ArchiveJson));
        _stub.RecordRequests = false; // millions of calls: keeping them would turn the run into a GC benchmark
        _client = new OpenTokClient(new OpenTokOptions { ApiKey = ApiKey, ApiSecret = ApiSecret, BaseAddress = _stub.BaseAddress });
        var bare = new OpenTokOptions { ApiKey = ApiKey, ApiSecret = ApiSecret, BaseAddress = _stub.BaseAddress };
        bare.Resilience.Enabled = false;
        _clientWithoutResilience = new OpenTokClient(bare);
        _handWritten = new HttpClient(new SocketsHttpHandler()) { BaseAddress = _stub.BaseAddress };
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _client.Dispose();
        _clientWithoutResilience.Dispose();
        _handWritten.Dispose();
        await _stub.DisposeAsync();
    }

    /// <summary>The same call by hand: sign a JWT, send, check the status, deserialise with the source-generated context.</summary>
    [Benchmark(Baseline = true)]
    public Task<Archive> HandWritten() => HandWrittenGet.SendAsync(_handWritten);

    /// <summary>The SDK call.</summary>
    [Benchmark]
    public Task<Archive> GetAsync() => _client.Archives.GetAsync(ArchiveId);

    /// <summary>The SDK call with the resilience pipeline switched off: what the timeouts, retry and breaker cost.</summary>
    [Benchmark]
    public Task<Archive> GetAsyncWithoutResilience() => _clientWithoutResilience.Archives.GetAsync(ArchiveId);
}
