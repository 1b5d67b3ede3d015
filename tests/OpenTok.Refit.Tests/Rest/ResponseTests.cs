using System.Net;
using OpenTok.Refit.Http;
using OpenTok.Refit.Testing;
using static OpenTok.Refit.Tests.Rest.RestFixtures;
using static OpenTok.Refit.Tests.TestCredentials;

namespace OpenTok.Refit.Tests.Rest;

/// <summary>Answers read from realistic bodies, and every failure turned into the right exception.</summary>
public class ResponseTests
{
    [Fact]
    public async Task An_archive_reads_with_unknown_fields_ignored_times_converted_and_sizes_over_2_GB()
    {
        await using var stub = await StubServer.StartAsync(_ => StubResponse.Json(ArchiveJson()));
        using var client = ClientFor(stub);

        var archive = await client.Archives.GetAsync(ArchiveId);

        Assert.Equal(ArchiveId, archive.Id);
        Assert.Equal(ArchiveStatus.Available, archive.Status);
        Assert.Equal(3_221_225_472L, archive.Size);
        Assert.Equal(TimeSpan.FromSeconds(5049), archive.Duration);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1384221730000), archive.CreatedAt);
        Assert.Equal("123456", archive.ProjectId);
        Assert.Equal(OutputMode.Composed, archive.OutputMode);
        Assert.Equal(Resolution.Sd, archive.Resolution);
        Assert.StartsWith("https://", archive.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_status_from_the_server_is_kept_not_rejected()
    {
        await using var stub = await StubServer.StartAsync(_ => StubResponse.Json(ArchiveJson(status: "teleported")));
        using var client = ClientFor(stub);

        var archive = await client.Archives.GetAsync(ArchiveId);

        Assert.Equal("teleported", archive.Status.Value);
        Assert.False(archive.Status.IsKnown);
    }

    [Fact]
    public async Task A_created_session_reads_from_the_array_the_server_answers_with()
    {
        await using var stub = await StubServer.StartAsync(_ => StubResponse.Json(
            $$"""[{"properties":null,"session_id":"{{ExampleSessionId}}","project_id":"123456","partner_id":"123456","create_dt":"Fri Nov 21 10:00:00 PST 2026","session_status":null,"media_server_url":"","ice_servers":null}]"""));
        using var client = ClientFor(stub);

        var session = await client.CreateSessionAsync(new SessionOptions { MediaMode = MediaMode.Routed });

        Assert.Equal(ExampleSessionId, session.SessionId);
        Assert.Equal(MediaMode.Routed, session.MediaMode);
        Assert.True(Refit.Tokens.ClientTokenVerifier.Verify(session.GenerateToken(), ApiKey, ApiSecret, DateTimeOffset.UtcNow).IsValid);
    }

    public static TheoryData<int, Type> Statuses => new()
    {
        { 400, typeof(OpenTokApiException) },
        { 401, typeof(OpenTokAuthenticationException) },
        { 403, typeof(OpenTokAuthenticationException) },
        { 404, typeof(OpenTokNotFoundException) },
        { 405, typeof(OpenTokApiException) },
        { 409, typeof(OpenTokConflictException) },
        { 413, typeof(OpenTokApiException) },
        { 429, typeof(OpenTokRateLimitedException) },
        { 500, typeof(OpenTokApiException) },
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task Each_error_status_becomes_its_exception_with_the_servers_code_and_message(int status, Type expected)
    {
        await using var stub = await StubServer.StartAsync(_ => new StubResponse(status, $$"""{"code":{{status}},"message":"Server says {{status}}"}""", Headers: new Dictionary<string, string> { ["Retry-After"] = "7" }));
        using var client = ClientFor(stub, o => o.Resilience.Enabled = false);

        var error = await Assert.ThrowsAnyAsync<OpenTokApiException>(() => client.Archives.StopAsync(ArchiveId));

        Assert.IsType(expected, error);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(status, error.ErrorCode);
        Assert.Equal($"Server says {status}", error.ServerMessage);
        Assert.Equal("POST", error.Method);
        Assert.Equal($"/v2/project/123456/archive/{ArchiveId}/stop", error.Path);
        Assert.Contains($"Server says {status}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiSecret, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(stub.Requests[0].AuthJwt!, error.ToString(), StringComparison.Ordinal);
        if (error is OpenTokRateLimitedException limited)
        {
            Assert.Equal(TimeSpan.FromSeconds(7), limited.RetryAfter);
        }
    }

    [Theory]
    [InlineData(200, "<html><body>Bad gateway</body></html>", "text/html")]
    [InlineData(200, "", "application/json")]
    [InlineData(200, "{\"id\": ", "application/json")]
    [InlineData(200, "null", "application/json")]
    [InlineData(200, "[1,2,3]", "application/json")]
    [InlineData(502, "<html>Bad gateway</html>", "text/html")]
    public async Task A_malformed_or_empty_body_is_the_same_exception_type_never_a_raw_parser_error(int status, string body, string contentType)
    {
        await using var stub = await StubServer.StartAsync(_ => new StubResponse(status, body, contentType));
        using var client = ClientFor(stub, o => o.Resilience.Enabled = false);

        var error = await Assert.ThrowsAnyAsync<OpenTokApiException>(() => client.Archives.GetAsync(ArchiveId));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Null(error.ErrorCode);
    }

    [Fact]
    public async Task A_long_body_is_truncated_in_the_exception()
    {
        await using var stub = await StubServer.StartAsync(_ => new StubResponse(500, new string('x', 10_000), "text/plain"));
        using var client = ClientFor(stub, o => o.Resilience.Enabled = false);

        var error = await Assert.ThrowsAnyAsync<OpenTokApiException>(() => client.Archives.GetAsync(ArchiveId));

        Assert.Equal(OpenTokApiException.MaxBodyLength + 1, error.Body!.Length);
    }

    [Fact]
    public async Task Cancelling_a_call_in_flight_cancels_it()
    {
        await using var stub = await StubServer.StartAsync(_ => StubResponse.Json(ArchiveJson()) with { Delay = TimeSpan.FromSeconds(30) });
        using var client = ClientFor(stub);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Archives.GetAsync(ArchiveId, cancellation.Token));
    }
}
