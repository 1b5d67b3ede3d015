using System.Net;
using System.Net.Http.Headers;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using static OpenTok.Refit.Benchmarks.HandWrittenGet;

namespace OpenTok.Refit.Benchmarks;

/// <summary>
/// The SDK's own cost, without the network: the same comparison as <see cref="ClientBenchmarks"/>, but every
/// request is answered in memory by one canned handler, so client and server do not share the machine's cores
/// and the ratio shows what the pipeline adds.
/// </summary>
[MemoryDiagnoser]
public class InMemoryClientBenchmarks
{
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
    public Task<Archive> HandWritten() => HandWrittenGet.SendAsync(_handWritten);

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
                Content = new StringContent(ArchiveJson) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
            });
    }
}
