using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using static OpenTok.Refit.Emulator.Tests.Support;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>Live captions end to end over real HTTP: the SDK's calls, the service's rules, and raw bodies the SDK would refuse.</summary>
public sealed class CaptionsTests
{
    private static string CaptionsPath(OpenTokEmulator emulator, string rest = "") => $"v2/project/{emulator.ApiKey}/captions{rest}";

    private static string Moderator(Session session, DateTimeOffset? expires = null) =>
        session.GenerateToken(new TokenOptions { Role = Role.Moderator, ExpireTime = expires });

    [Fact]
    public async Task Captions_start_with_202_one_per_session_stop_with_202_and_a_stopped_job_is_404()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();
        var other = await client.RoutedSessionAsync();

        var captions = await client.Captions.StartAsync(session.SessionId, Moderator(session), new CaptionsOptions { LanguageCode = "fr-CA", PartialCaptions = false }, Ct);

        Assert.True(Guid.TryParseExact(captions.CaptionsId, "D", out _));
        var again = await Assert.ThrowsAsync<OpenTokConflictException>(() => client.Captions.StartAsync(session.SessionId, Moderator(session), cancellationToken: Ct));
        Assert.Equal(409, again.ErrorCode);
        Assert.Contains("already", again.ServerMessage, StringComparison.Ordinal);
        var elsewhere = await client.Captions.StartAsync(other.SessionId, Moderator(other), cancellationToken: Ct); // one per session, not per project
        Assert.NotEqual(captions.CaptionsId, elsewhere.CaptionsId);

        await client.Captions.StopAsync(captions.CaptionsId, Ct);
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => client.Captions.StopAsync(captions.CaptionsId, Ct));
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => client.Captions.StopAsync(Guid.NewGuid().ToString("D"), Ct));

        var restarted = await client.Captions.StartAsync(session.SessionId, Moderator(session), cancellationToken: Ct); // stopped, the session is free again
        Assert.NotEqual(captions.CaptionsId, restarted.CaptionsId);
    }

    [Fact]
    public async Task The_wire_answers_are_202_with_the_captions_id_then_202_without_a_body()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();

        using var start = await emulator.SendAsync(HttpMethod.Post, CaptionsPath(emulator), $$"""{"sessionId":"{{session.SessionId}}","token":"{{Moderator(session)}}"}""");
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var captions = (await start.Content.ReadFromJsonAsync(OpenTokJsonContext.Default.Captions, Ct))!;

        using var stop = await emulator.SendAsync(HttpMethod.Post, CaptionsPath(emulator, $"/{captions.CaptionsId}/stop"));
        Assert.Equal(HttpStatusCode.Accepted, stop.StatusCode);
        Assert.Empty(await stop.Content.ReadAsByteArrayAsync(Ct));

        using var notUuid = await emulator.SendAsync(HttpMethod.Post, CaptionsPath(emulator, "/not-a-uuid/stop"));
        Assert.Equal(HttpStatusCode.BadRequest, notUuid.StatusCode);
        using var delete = await emulator.SendAsync(HttpMethod.Delete, CaptionsPath(emulator, $"/{captions.CaptionsId}"));
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode); // stop is a POST; there is no DELETE
        using var unauthenticated = await emulator.SendAsync(HttpMethod.Post, CaptionsPath(emulator), "{}", jwt: "not-a-jwt");
        Assert.Equal(HttpStatusCode.Forbidden, unauthenticated.StatusCode);
    }

    [Fact]
    public async Task Relayed_sessions_cannot_be_captioned_and_unknown_sessions_are_404()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var relayed = await client.CreateSessionAsync(new SessionOptions { MediaMode = MediaMode.Relayed }, Ct);

        var e = await Assert.ThrowsAsync<OpenTokConflictException>(() => client.Captions.StartAsync(relayed.SessionId, Moderator(relayed), cancellationToken: Ct));
        Assert.Contains("routed", e.ServerMessage, StringComparison.Ordinal);

        var routed = await client.RoutedSessionAsync();
        var token = Moderator(routed);
        emulator.Reset();
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => client.Captions.StartAsync(routed.SessionId, token, cancellationToken: Ct));
    }

    [Fact]
    public async Task The_token_must_be_a_valid_moderator_token_of_that_session()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();
        var other = await client.RoutedSessionAsync();

        async Task<string> RefusedAsync(string token)
        {
            var e = await Assert.ThrowsAsync<OpenTokApiException>(() => client.Captions.StartAsync(session.SessionId, token, cancellationToken: Ct));
            Assert.Equal((HttpStatusCode.BadRequest, 400), (e.StatusCode, e.ErrorCode));
            return e.ServerMessage!;
        }

        Assert.Contains("moderator", await RefusedAsync(session.GenerateToken()), StringComparison.Ordinal);
        Assert.Contains("another session", await RefusedAsync(Moderator(other)), StringComparison.Ordinal);
        Assert.Contains("Invalid token", await RefusedAsync("not-a-token"), StringComparison.Ordinal);
        using var foreign = new OpenTokClient(new OpenTokOptions { ApiKey = emulator.ApiKey, ApiSecret = new string('f', 40), BaseAddress = emulator.BaseAddress });
        Assert.Contains("Invalid token", await RefusedAsync(foreign.GenerateToken(session.SessionId, new TokenOptions { Role = Role.Moderator })), StringComparison.Ordinal);

        // A legacy T1 moderator token is a client token like any other.
        await client.Captions.StartAsync(session.SessionId, session.GenerateToken(new TokenOptions { Role = Role.Moderator, Format = TokenFormat.T1 }), cancellationToken: Ct);
    }

    [Fact]
    public async Task An_expired_token_is_refused_on_the_emulators_clock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Seed = 1, TimeProvider = clock });
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();
        var token = Moderator(session, DateTimeOffset.UtcNow.AddMinutes(10));

        clock.Advance(TimeSpan.FromMinutes(11));

        var e = await Assert.ThrowsAsync<OpenTokApiException>(() => client.Captions.StartAsync(session.SessionId, token, cancellationToken: Ct));
        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Contains("expired", e.ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Captions_end_when_the_clock_passes_their_maximum_duration()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Seed = 1, TimeProvider = clock });
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();
        var captions = await client.Captions.StartAsync(session.SessionId, Moderator(session), new CaptionsOptions { MaxDuration = TimeSpan.FromMinutes(5) }, Ct);

        clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<OpenTokConflictException>(() => client.Captions.StartAsync(session.SessionId, Moderator(session), cancellationToken: Ct));

        clock.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => client.Captions.StopAsync(captions.CaptionsId, Ct));
        var next = await client.Captions.StartAsync(session.SessionId, Moderator(session), cancellationToken: Ct);

        // Without maxDuration, the service's 4 hours.
        clock.Advance(TimeSpan.FromHours(4) - TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<OpenTokConflictException>(() => client.Captions.StartAsync(session.SessionId, Moderator(session), cancellationToken: Ct));
        clock.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => client.Captions.StopAsync(next.CaptionsId, Ct));
    }

    [Theory]
    [InlineData("\"languageCode\":\"english\"", "LanguageCode")]
    [InlineData("\"maxDuration\":299", "MaxDuration")]
    [InlineData("\"maxDuration\":14401", "MaxDuration")]
    [InlineData("\"statusCallbackUrl\":\"https://a.io/\"", "StatusCallbackUrl")]
    [InlineData("\"statusCallbackUrl\":\"ftp://example.com/status\"", "StatusCallbackUrl")]
    [InlineData("\"maxDuration\":\"long\"", "not valid JSON")]
    [InlineData("\"partialCaptions\":\"yes\"", "not valid JSON")]
    public async Task Bodies_that_break_the_rules_are_400(string extra, string mentioned)
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();

        using var response = await emulator.SendAsync(HttpMethod.Post, CaptionsPath(emulator), $$"""{"sessionId":"{{session.SessionId}}","token":"{{Moderator(session)}}",{{extra}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ErrorAsync();
        Assert.Equal(400, error.Code);
        Assert.Contains(mentioned, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}", "sessionId")]
    [InlineData("""{"sessionId":"garbage","token":"t"}""", "session")]
    [InlineData("""{"sessionId":"SESSION"}""", "token")]
    [InlineData("[]", "object")]
    public async Task A_start_without_a_session_or_token_is_400(string body, string mentioned)
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();

        using var response = await emulator.SendAsync(HttpMethod.Post, CaptionsPath(emulator), body.Replace("SESSION", session.SessionId, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(mentioned, (await response.ErrorAsync()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Vonage_application_captions_with_its_RS256_tokens()
    {
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Seed = 1, Application = EmulatedApplication.Generate() });
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();

        var captions = await client.Captions.StartAsync(session.SessionId, Moderator(session), cancellationToken: Ct);
        await client.Captions.StopAsync(captions.CaptionsId, Ct);

        var e = await Assert.ThrowsAsync<OpenTokApiException>(() => client.Captions.StartAsync(session.SessionId, session.GenerateToken(), cancellationToken: Ct));
        Assert.Contains("moderator", e.ServerMessage, StringComparison.Ordinal);
    }
}
