using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenTok.Refit.Tokens;
using OpenTok.Refit.Http;
using OpenTok.Refit.Testing;
using static OpenTok.Refit.Tests.Rest.RestFixtures;
using static OpenTok.Refit.Tests.TestCredentials;

namespace OpenTok.Refit.Tests.Rest;

/// <summary>Retries only where safe, Retry-After honoured, a fresh JWT per attempt, and the clock-skew cure.</summary>
public class ResilienceTests
{
    private static Func<RecordedRequest, StubResponse> FailFirst(int failures, StubResponse failure, StubResponse success)
    {
        var seen = 0;
        return _ => Interlocked.Increment(ref seen) <= failures ? failure : success;
    }

    [Fact]
    public async Task A_GET_is_retried_on_503_after_the_delay_Retry_After_asks_for()
    {
        var unavailable = new StubResponse(503, """{"code":503,"message":"busy"}""", Headers: new Dictionary<string, string> { ["Retry-After"] = "1" });
        await using var stub = await StubServer.StartAsync(FailFirst(1, unavailable, StubResponse.Json(ArchiveJson())));
        using var client = ClientFor(stub); // base delay 5 ms: only Retry-After explains a second's wait

        var archive = await client.Archives.GetAsync(ArchiveId);

        Assert.Equal(ArchiveId, archive.Id);
        Assert.Equal(2, stub.Requests.Count);
        Assert.True(stub.Requests[1].ReceivedAt - stub.Requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(900));
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    public async Task GET_PUT_and_DELETE_retry_on_transient_statuses(int status)
    {
        await using var stub = await StubServer.StartAsync(FailFirst(2, new StubResponse(status), new StubResponse(204)));
        using var client = ClientFor(stub);

        await client.Archives.DeleteAsync(ArchiveId);

        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task Starting_an_archive_is_not_retried_on_500_because_it_may_have_taken_effect()
    {
        await using var stub = await StubServer.StartAsync(_ => new StubResponse(500, """{"code":500,"message":"oops"}"""));
        using var client = ClientFor(stub);

        var error = await Assert.ThrowsAnyAsync<OpenTokApiException>(() => client.Archives.StartAsync(ExampleSessionId));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task A_POST_is_retried_on_429_which_means_it_was_not_processed()
    {
        await using var stub = await StubServer.StartAsync(FailFirst(1, new StubResponse(429, Headers: new Dictionary<string, string> { ["Retry-After"] = "0" }), StubResponse.Json(ArchiveJson(status: "started"))));
        using var client = ClientFor(stub);

        await client.Archives.StartAsync(ExampleSessionId);

        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task A_POST_is_retried_when_the_connection_was_refused_before_anything_was_sent()
    {
        // A port that was just free: the first attempts are refused; then a stub takes nothing on it, so
        // the call ends in a transport failure after every retry, proving each attempt was made.
        var stub = await StubServer.StartAsync();
        var address = stub.BaseAddress;
        await stub.DisposeAsync();
        var options = new OpenTokOptions { ApiKey = ApiKey, ApiSecret = ApiSecret, BaseAddress = address };
        options.Resilience.BaseDelay = TimeSpan.FromMilliseconds(5);
        options.Resilience.MaxRetryAttempts = 2;
        options.Resilience.CircuitBreakerEnabled = false;
        using var client = new OpenTokClient(options);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.Archives.StartAsync(ExampleSessionId));

        Assert.Equal(HttpRequestError.ConnectionError, error.HttpRequestError);
        Assert.True(OpenTokResilience.IsRetryable(Polly.Outcome.FromException<HttpResponseMessage>(error), new HttpRequestMessage(HttpMethod.Post, "x")));
    }

    [Fact]
    public async Task Each_attempt_carries_its_own_fresh_JWT()
    {
        await using var stub = await StubServer.StartAsync(FailFirst(2, new StubResponse(503), StubResponse.Json(ArchiveJson())));
        using var client = ClientFor(stub);

        await client.Archives.GetAsync(ArchiveId);

        var ids = stub.Requests.Select(r => new JsonWebToken(r.AuthJwt).Id).ToList();
        Assert.Equal(3, ids.Count);
        Assert.Equal(3, ids.Distinct().Count());
    }

    [Fact]
    public async Task Retries_stop_at_the_configured_count_and_the_last_answer_surfaces()
    {
        await using var stub = await StubServer.StartAsync(_ => new StubResponse(503, """{"code":503,"message":"still busy"}"""));
        using var client = ClientFor(stub, o => o.Resilience.MaxRetryAttempts = 2);

        var error = await Assert.ThrowsAnyAsync<OpenTokApiException>(() => client.Archives.GetAsync(ArchiveId));

        Assert.Equal("still busy", error.ServerMessage);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task With_resilience_off_a_call_is_sent_once()
    {
        await using var stub = await StubServer.StartAsync(_ => new StubResponse(503));
        using var client = ClientFor(stub, o => o.Resilience.Enabled = false);

        await Assert.ThrowsAnyAsync<OpenTokApiException>(() => client.Archives.GetAsync(ArchiveId));

        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task An_attempt_that_hangs_times_out_and_a_GET_is_retried()
    {
        await using var stub = await StubServer.StartAsync(FailFirst(1, StubResponse.Json("{}") with { Delay = TimeSpan.FromSeconds(10) }, StubResponse.Json(ArchiveJson())));
        using var client = ClientFor(stub, o => o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(300));

        await client.Archives.GetAsync(ArchiveId);

        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task A_call_past_the_total_timeout_is_a_TimeoutException()
    {
        await using var stub = await StubServer.StartAsync(_ => StubResponse.Json("{}") with { Delay = TimeSpan.FromSeconds(10) });
        using var client = ClientFor(stub, o => o.Resilience.TotalTimeout = TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAsync<TimeoutException>(() => client.Archives.GetAsync(ArchiveId));
    }

    [Fact]
    public async Task The_circuit_opens_after_repeated_failures_and_then_fails_fast_without_sending()
    {
        await using var stub = await StubServer.StartAsync(_ => new StubResponse(500));
        using var client = ClientFor(stub, o =>
        {
            o.Resilience.MaxRetryAttempts = 0;
            o.Resilience.CircuitBreakerMinimumThroughput = 4;
            o.Resilience.CircuitBreakerBreakDuration = TimeSpan.FromMinutes(1);
        });

        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAnyAsync<OpenTokApiException>(() => client.Archives.GetAsync(ArchiveId));
        }

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.Archives.GetAsync(ArchiveId));
        Assert.Contains("circuit is open", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, stub.Requests.Count);
    }

    [Fact]
    public async Task A_machine_whose_clock_is_10_minutes_slow_still_authenticates()
    {
        // The stub checks the JWT the way the service does, against its own (correct) clock.
        await using var stub = await StubServer.StartAsync(request =>
            RestJwt.Validate(request.AuthJwt, ApiKey, ApiSecret, RestJwtIssuerType.Project, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(5)).IsValid
                ? StubResponse.Json(ArchiveJson())
                : new StubResponse(403, """{"code":403,"message":"Invalid token"}"""));
        var slowClock = new OffsetTimeProvider(TimeSpan.FromMinutes(-10));
        using var client = ClientFor(stub, time: slowClock);

        await client.Archives.GetAsync(ArchiveId); // learns the offset from the 403's Date and re-signs once
        await client.Archives.GetAsync(ArchiveId); // signed right the first time

        Assert.Equal([403, 200, 200], stub.Requests.Select(r =>
            RestJwt.Validate(r.AuthJwt, ApiKey, ApiSecret, RestJwtIssuerType.Project, r.ReceivedAt, TimeSpan.FromSeconds(5)).IsValid ? 200 : 403));
    }

    [Fact]
    public async Task A_wrong_secret_is_an_authentication_error_not_an_endless_resend()
    {
        await using var stub = await StubServer.StartAsync(_ => new StubResponse(403, """{"code":403,"message":"Invalid credentials"}"""));
        using var client = ClientFor(stub);

        await Assert.ThrowsAsync<OpenTokAuthenticationException>(() => client.Archives.GetAsync(ArchiveId));

        Assert.Single(stub.Requests);
    }

    private sealed class OffsetTimeProvider(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }
}
