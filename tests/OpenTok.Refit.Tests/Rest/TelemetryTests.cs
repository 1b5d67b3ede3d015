using System.Diagnostics;
using OpenTok.Refit.Http;
using OpenTok.Refit.Testing;
using static OpenTok.Refit.Tests.Rest.RestFixtures;
using static OpenTok.Refit.Tests.TestCredentials;

namespace OpenTok.Refit.Tests.Rest;

public class TelemetryTests
{
    [Fact]
    public async Task Every_attempt_is_logged_with_method_template_status_and_attempt_but_never_a_secret_or_JWT()
    {
        await using var stub = await StubServer.StartAsync(FailingTwice());
        var logs = new CapturingLoggerProvider();
        var options = new OpenTokOptions { ApiKey = ApiKey, ApiSecret = ApiSecret, BaseAddress = stub.BaseAddress };
        options.Resilience.BaseDelay = TimeSpan.FromMilliseconds(5);
        using var client = new OpenTokClient(options, TimeProvider.System, logs);

        await client.Archives.GetAsync(ArchiveId);
        await Assert.ThrowsAnyAsync<OpenTokApiException>(() => client.Archives.StartAsync(ExampleSessionId));

        Assert.Contains(logs.Lines, l => l.Contains("GET /v2/project/{apiKey}/archive/{archiveId} answered 503", StringComparison.Ordinal) && l.Contains("(attempt 1)", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("GET /v2/project/{apiKey}/archive/{archiveId} answered 200", StringComparison.Ordinal) && l.Contains("(attempt 3)", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("POST /v2/project/{apiKey}/archive answered 500", StringComparison.Ordinal));
        foreach (var line in logs.Lines)
        {
            Assert.DoesNotContain(ApiSecret, line, StringComparison.Ordinal);
            Assert.DoesNotContain("eyJ", line, StringComparison.Ordinal); // no JWT, whole or in part
        }
    }

    [Fact]
    public async Task Refused_connections_are_logged_per_attempt_so_the_retries_are_visible()
    {
        var stub = await StubServer.StartAsync();
        var address = stub.BaseAddress;
        await stub.DisposeAsync();
        var logs = new CapturingLoggerProvider();
        var options = new OpenTokOptions { ApiKey = ApiKey, ApiSecret = ApiSecret, BaseAddress = address };
        options.Resilience.BaseDelay = TimeSpan.FromMilliseconds(5);
        options.Resilience.MaxRetryAttempts = 2;
        using var client = new OpenTokClient(options, TimeProvider.System, logs);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.Archives.StartAsync(ExampleSessionId));

        Assert.Equal(3, logs.Lines.Count(l => l.Contains("POST /v2/project/{apiKey}/archive failed", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Attempts_are_traced_and_measured_under_the_OpenTok_Refit_name()
    {
        await using var stub = await StubServer.StartAsync(_ => StubResponse.Json(ArchiveJson()));
        using var client = ClientFor(stub);
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == OpenTokTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            // Other tests run in parallel: keep only this stub's activities.
            ActivityStopped = a => { if (a.GetTagItem("server.port") is int port && port == stub.BaseAddress.Port) { lock (activities) { activities.Add(a); } } },
        };
        ActivitySource.AddActivityListener(listener);
        var measurements = 0;
        using var meters = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == OpenTokTelemetry.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "server.port" && tag.Value is int port && port == stub.BaseAddress.Port)
                {
                    Interlocked.Increment(ref measurements);
                }
            }
        });
        meters.Start();

        await client.Archives.GetAsync(ArchiveId);

        var activity = Assert.Single(activities);
        Assert.Equal("GET", activity.GetTagItem("http.request.method"));
        Assert.Equal("/v2/project/{apiKey}/archive/{archiveId}", activity.GetTagItem("url.template"));
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        Assert.Equal(1, measurements);
    }

    private static Func<RecordedRequest, StubResponse> FailingTwice()
    {
        var gets = 0;
        return request => request.Method == "POST"
            ? new StubResponse(500)
            : Interlocked.Increment(ref gets) <= 2 ? new StubResponse(503) : StubResponse.Json(ArchiveJson());
    }
}
