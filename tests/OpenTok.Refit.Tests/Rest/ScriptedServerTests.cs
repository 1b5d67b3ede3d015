using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using static OpenTok.Refit.Tests.Rest.RestFixtures;
using static OpenTok.Refit.Tests.TestCredentials;

namespace OpenTok.Refit.Tests.Rest;

/// <summary>
/// The pipeline against WireMock.Net on 127.0.0.1, where a scripted sequence of answers or a request matcher says
/// what is tested more plainly than a hand-written stub: an outage that heals, and requests that must match.
/// </summary>
public sealed class ScriptedServerTests : IDisposable
{
    private static readonly string ArchivePath = $"/v2/project/{ApiKey}/archive/{ArchiveId}";

    private readonly WireMockServer _server = WireMockServer.Start();

    public void Dispose() => _server.Stop();

    [Fact]
    public async Task A_GET_rides_out_a_503_and_a_502_and_returns_the_third_answer()
    {
        _server.Given(Request.Create().WithPath(ArchivePath).UsingGet()).InScenario("outage").WillSetStateTo("gateway")
            .RespondWith(Response.Create().WithStatusCode(503).WithBody("""{"code":503,"message":"down"}"""));
        _server.Given(Request.Create().WithPath(ArchivePath).UsingGet()).InScenario("outage").WhenStateIs("gateway").WillSetStateTo("up")
            .RespondWith(Response.Create().WithStatusCode(502).WithHeader("Content-Type", "text/html").WithBody("<html>Bad Gateway</html>"));
        _server.Given(Request.Create().WithPath(ArchivePath).UsingGet()).InScenario("outage").WhenStateIs("up")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(ArchiveJson()));
        using var client = Client();

        var archive = await client.Archives.GetAsync(ArchiveId, TestContext.Current.CancellationToken);

        Assert.Equal(ArchiveId, archive.Id);
        Assert.Equal(3, _server.LogEntries.Count(e => e.RequestMessage.Path == ArchivePath));
    }

    [Fact]
    public async Task Starting_and_stopping_an_archive_send_exactly_the_documented_requests()
    {
        _server.Given(Request.Create().WithPath($"/v2/project/{ApiKey}/archive").UsingPost()
                .WithHeader("X-OPENTOK-AUTH", new RegexMatcher(@"^[\w-]+\.[\w-]+\.[\w-]+$"))
                .WithHeader("Accept", "application/json")
                .WithHeader("Content-Type", "application/json; charset=utf-8")
                .WithBody(new JsonMatcher($$"""{"sessionId":"{{ExampleSessionId}}","name":"Weekly","hasAudio":true,"hasVideo":true,"outputMode":"individual","streamMode":"auto"}""")))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(ArchiveJson(status: "started")));
        _server.Given(Request.Create().WithPath($"{ArchivePath}/stop").UsingPost().WithHeader("X-OPENTOK-AUTH", new RegexMatcher(".+")))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(ArchiveJson(status: "stopped")));
        using var client = Client();

        // An unmatched request would get WireMock's 404, and so an OpenTokNotFoundException here.
        var started = await client.Archives.StartAsync(ExampleSessionId, new ArchiveOptions { Name = "Weekly", OutputMode = OutputMode.Individual }, TestContext.Current.CancellationToken);
        var stopped = await client.Archives.StopAsync(ArchiveId, TestContext.Current.CancellationToken);

        Assert.Equal((ArchiveStatus.Started, ArchiveStatus.Stopped), (started.Status, stopped.Status));
        var stop = _server.LogEntries.Single(e => e.RequestMessage.Path.EndsWith("/stop", StringComparison.Ordinal)).RequestMessage;
        Assert.True(string.IsNullOrEmpty(stop.Body), "stop sends no body");
        Assert.False(stop.Headers?.ContainsKey("Content-Type") ?? false, "and so no Content-Type");
    }

    [Fact]
    public async Task A_POST_waits_out_a_429_and_is_sent_again_once()
    {
        _server.Given(Request.Create().WithPath($"/v2/project/{ApiKey}/archive").UsingPost()).InScenario("busy").WillSetStateTo("free")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1").WithBody("""{"code":429,"message":"slow down"}"""));
        _server.Given(Request.Create().WithPath($"/v2/project/{ApiKey}/archive").UsingPost()).InScenario("busy").WhenStateIs("free")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(ArchiveJson(status: "started")));
        using var client = Client();

        await client.Archives.StartAsync(ExampleSessionId, cancellationToken: TestContext.Current.CancellationToken);

        var attempts = _server.LogEntries.Select(e => e.RequestMessage).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.True(attempts[1].DateTime - attempts[0].DateTime >= TimeSpan.FromMilliseconds(900), "Retry-After: 1 was honoured");
    }

    private OpenTokClient Client(Action<OpenTokOptions>? configure = null)
    {
        var options = new OpenTokOptions { ApiKey = ApiKey, ApiSecret = ApiSecret, BaseAddress = new Uri(_server.Url!) };
        options.Resilience.BaseDelay = TimeSpan.FromMilliseconds(5);
        configure?.Invoke(options);
        return new OpenTokClient(options);
    }
}
