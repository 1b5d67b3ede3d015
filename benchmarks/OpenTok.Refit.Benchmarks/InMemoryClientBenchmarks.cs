using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using OpenTok.Refit.Tokens;

namespace OpenTok.Refit.Benchmarks;

/// <summary>
/// The SDK's own cost, without the network: the same comparison as <see cref="ClientBenchmarks"/>, but every
/// request is answered in memory by one canned handler, so client and server do not share the machine's cores
/// and the ratio shows what the pipeline adds.
/// </summary>
[MemoryDiagnoser]
public class InMemoryClientBenchmarks
{
    private const string ApiKey = "123456";
    private const string ApiSecret = "0123456789abcdef0123456789abcdef01234567";
    private const string ArchiveId = "b40ef09b-3811-4726-b508-e41a0f96c68f";

    private static readonly byte[] ArchiveJson = Encoding.UTF8.GetBytes($$"""
        {"createdAt":1384221730000,"duration":5049,"hasAudio":true,"hasVideo":true,"id":"{{ArchiveId}}","name":"Foo",
         "outputMode":"composed","projectId":123456,"reason":"","resolution":"640x480","sessionId":"1_MX4xMjM0NTZ-fg",
         "size":247748791,"status":"available","streamMode":"auto","url":"https://example.com/archive.mp4"}
        """);

    private readonly byte[] _secret = Encoding.UTF8.GetBytes(ApiSecret);
    private ServiceProvider _services = null!;
    private ServiceProvider _servicesWithoutResilience = null!;
    private IArchivesClient _archives = null!;
    private IArchivesClient _archivesWithoutResilience = null!;
    private HttpClient _handWritten = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_services, _archives) = Build(resilience: true);
        (_servicesWithoutResilience, _archivesWithoutResilience) = Build(resilience: false);
        _handWritten = new HttpClient(new CannedHandler()) { BaseAddress = new Uri("http://opentok.test/") };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _servicesWithoutResilience.Dispose();
        _handWritten.Dispose();
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
    public Task<Archive> GetAsync() => _archives.GetAsync(ArchiveId);

    /// <summary>The SDK call with the resilience pipeline switched off.</summary>
    [Benchmark]
    public Task<Archive> GetAsyncWithoutResilience() => _archivesWithoutResilience.GetAsync(ArchiveId);

    private static (ServiceProvider, IArchivesClient) Build(bool resilience)
    {
        var services = new ServiceCollection();
        services.AddOpenTok(o =>
        {
            o.ApiKey = ApiKey;
            o.ApiSecret = ApiSecret;
            o.BaseAddress = new Uri("http://opentok.test/");
            o.Resilience.Enabled = resilience;
        }).ConfigurePrimaryHttpMessageHandler(() => new CannedHandler());
        var provider = services.BuildServiceProvider();
        return (provider, provider.GetRequiredService<IArchivesClient>());
    }

    private sealed class CannedHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                RequestMessage = request,
                Content = new ByteArrayContent(ArchiveJson) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
            });
    }
}
