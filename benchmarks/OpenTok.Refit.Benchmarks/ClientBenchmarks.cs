using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using OpenTok.Refit.Tokens;
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
    private const string ApiKey = "123456";
    private const string ApiSecret = "0123456789abcdef0123456789abcdef01234567";
    private const string ArchiveId = "b40ef09b-3811-4726-b508-e41a0f96c68f";

    private static readonly string ArchiveJson = $$"""
        {"createdAt":1384221730000,"duration":5049,"hasAudio":true,"hasVideo":true,"id":"{{ArchiveId}}","name":"Foo",
         "outputMode":"composed","projectId":123456,"reason":"","resolution":"640x480","sessionId":"1_MX4xMjM0NTZ-fg",
         "size":247748791,"status":"available","streamMode":"auto","url":"https://example.com/archive.mp4"}
        """;

    private readonly byte[] _secret = Encoding.UTF8.GetBytes(ApiSecret);
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
    public async Task<Archive> HandWritten()
    {
        var now = DateTimeOffset.UtcNow;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v2/project/{ApiKey}/archive/{ArchiveId}");
        request.Headers.TryAddWithoutValidation("X-OPENTOK-AUTH", RestJwt.Create(ApiKey, _secret, RestJwtIssuerType.Project, now, now.AddMinutes(3), Guid.NewGuid()));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TryAddWithoutValidation("User-Agent", "HandWritten/1.0");
        using var response = await _handWritten.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        return (await JsonSerializer.DeserializeAsync(body, OpenTokJsonContext.Default.Archive))!;
    }

    /// <summary>The SDK call.</summary>
    [Benchmark]
    public Task<Archive> GetAsync() => _client.Archives.GetAsync(ArchiveId);

    /// <summary>The SDK call with the resilience pipeline switched off: what the timeouts, retry and breaker cost.</summary>
    [Benchmark]
    public Task<Archive> GetAsyncWithoutResilience() => _clientWithoutResilience.Archives.GetAsync(ArchiveId);
}
