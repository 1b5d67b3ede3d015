using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using OpenTok.Refit.Emulator.Areas.ExperienceComposer;
using OpenTok.Refit.Tokens;
using static OpenTok.Refit.Emulator.Tests.Support;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>The SDK's Experience Composer calls end to end over real HTTP: the render lifecycle on the emulator's clock, its token and body rules, paging.</summary>
public sealed class ExperienceComposerTests
{
    private const string Page = "https://webapp.example.com/room/1";

    private static RenderOptions Render => new() { Url = Page };

    // A fake clock starting now: client tokens signed by the SDK (on the real clock, valid 24 hours) stay valid as it advances.
    private static async Task<(OpenTokEmulator Emulator, FakeTimeProvider Clock)> StartWithClockAsync()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        return (await Support.StartAsync(new OpenTokEmulatorOptions { Seed = 1, TimeProvider = clock }), clock);
    }

    [Fact]
    public async Task A_render_starts_then_publishes_then_stops_when_asked_and_a_second_stop_changes_nothing()
    {
        var (emulator, clock) = await StartWithClockAsync();
        await using var running = emulator;
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();
        var start = clock.GetUtcNow();

        var render = await client.ExperienceComposer.StartAsync(session.SessionId, session.GenerateToken(), Render, Ct);

        Assert.True(Guid.TryParseExact(render.Id, "D", out _));
        Assert.Equal((session.SessionId, emulator.ApiKey, Page), (render.SessionId, render.ProjectId, render.Url));
        Assert.Equal((RenderStatus.Starting, start, start), (render.Status, render.CreatedAt, render.UpdatedAt));
        Assert.Equal(Resolution.Hd, render.Resolution); // the service's default
        Assert.Null(render.StreamId);
        Assert.Null(render.Reason);

        clock.Advance(RenderStore.StartingDuration);
        var started = await client.ExperienceComposer.GetAsync(render.Id, Ct);
        Assert.Equal((RenderStatus.Started, start + RenderStore.StartingDuration), (started.Status, started.UpdatedAt));
        Assert.True(Guid.TryParseExact(started.StreamId, "D", out _));

        clock.Advance(TimeSpan.FromSeconds(10));
        await client.ExperienceComposer.StopAsync(render.Id, Ct);
        var stopped = await client.ExperienceComposer.GetAsync(render.Id, Ct);
        Assert.Equal((RenderStatus.Stopped, "Stop Requested", clock.GetUtcNow()), (stopped.Status, stopped.Reason, stopped.UpdatedAt));
        Assert.Equal(started.StreamId, stopped.StreamId);

        clock.Advance(TimeSpan.FromSeconds(5));
        await client.ExperienceComposer.StopAsync(render.Id, Ct);
        Assert.Equal(stopped, await client.ExperienceComposer.GetAsync(render.Id, Ct));
    }

    [Fact]
    public async Task A_render_stops_by_itself_at_its_maximum_duration()
    {
        var (emulator, clock) = await StartWithClockAsync();
        await using var running = emulator;
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();
        var start = clock.GetUtcNow();
        var render = await client.ExperienceComposer.StartAsync(session.SessionId, session.GenerateToken(), Render with { MaxDuration = TimeSpan.FromSeconds(60) }, Ct);

        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(RenderStatus.Started, (await client.ExperienceComposer.GetAsync(render.Id, Ct)).Status);

        clock.Advance(TimeSpan.FromSeconds(1));
        var stopped = await client.ExperienceComposer.GetAsync(render.Id, Ct);
        Assert.Equal((RenderStatus.Stopped, "Max Duration Exceeded", start + TimeSpan.FromSeconds(60)), (stopped.Status, stopped.Reason, stopped.UpdatedAt));
    }

    [Fact]
    public async Task A_render_stopped_while_starting_never_published()
    {
        var (emulator, clock) = await StartWithClockAsync();
        await using var running = emulator;
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();
        var render = await client.ExperienceComposer.StartAsync(session.SessionId, session.GenerateToken(), Render, Ct);

        await client.ExperienceComposer.StopAsync(render.Id, Ct);
        clock.Advance(TimeSpan.FromMinutes(1));

        var stopped = await client.ExperienceComposer.GetAsync(render.Id, Ct);
        Assert.Equal((RenderStatus.Stopped, "Stop Requested", null), (stopped.Status, stopped.Reason, stopped.StreamId));
    }

    [Fact]
    public async Task The_start_answer_is_202_with_what_was_asked_and_the_stop_answer_200_without_a_body()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();
        var body = $$$"""{"sessionId":"{{{session.SessionId}}}","token":"{{{session.GenerateToken()}}}","url":"{{{Page}}}","maxDuration":1800,"resolution":"480x640","properties":{"name":"Whiteboard"}}""";

        using var started = await emulator.SendAsync(HttpMethod.Post, RenderPath(emulator), body);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var render = (await started.Content.ReadFromJsonAsync(OpenTokJsonContext.Default.Render, Ct))!;
        Assert.Equal(Resolution.SdPortrait, render.Resolution);

        using var stopped = await emulator.SendAsync(HttpMethod.Delete, RenderPath(emulator, $"/{render.Id}"));
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Empty(await stopped.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Unknown_renders_are_404_and_ids_that_are_not_UUIDs_are_400()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var unknown = Guid.NewGuid().ToString("D");

        var e = await Assert.ThrowsAsync<OpenTokNotFoundException>(() => client.ExperienceComposer.GetAsync(unknown, Ct));
        Assert.Equal(404, e.ErrorCode);
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => client.ExperienceComposer.StopAsync(unknown, Ct));

        using var notUuid = await emulator.SendAsync(HttpMethod.Get, RenderPath(emulator, "/not-a-uuid"));
        Assert.Equal(HttpStatusCode.BadRequest, notUuid.StatusCode);
    }

    [Fact]
    public async Task The_token_must_let_a_publisher_join_that_very_session()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();
        var other = await client.RoutedSessionAsync();
        var now = DateTimeOffset.UtcNow;
        var foreignSecret = ClientTokens.CreateJwt(new ClientTokenClaims(emulator.ApiKey, session.SessionId, Role.Publisher, now, now.AddHours(1), 1, null, []), "f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0");

        async Task<string> RefusalOf(string token)
        {
            var error = await Assert.ThrowsAsync<OpenTokApiException>(() => client.ExperienceComposer.StartAsync(session.SessionId, token, Render, Ct));
            Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
            return error.ServerMessage!;
        }

        Assert.Contains("is for session", await RefusalOf(other.GenerateToken()), StringComparison.Ordinal);
        Assert.Contains("subscriber", await RefusalOf(session.GenerateToken(new TokenOptions { Role = Role.Subscriber })), StringComparison.Ordinal);
        Assert.StartsWith("Invalid token", await RefusalOf(foreignSecret), StringComparison.Ordinal);
        Assert.StartsWith("Invalid token", await RefusalOf("not-a-token"), StringComparison.Ordinal);

        // Moderators publish, and legacy T1 tokens are accepted like JWTs.
        await client.ExperienceComposer.StartAsync(session.SessionId, session.GenerateToken(new TokenOptions { Role = Role.Moderator }), Render, Ct);
        await client.ExperienceComposer.StartAsync(session.SessionId, session.GenerateToken(new TokenOptions { Format = TokenFormat.T1 }), Render, Ct);
        Assert.Equal(2, (await client.ExperienceComposer.ListAsync(Ct).ToListAsync(Ct)).Count);
    }

    [Fact]
    public async Task An_unknown_session_is_404()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();
        var token = session.GenerateToken();
        emulator.Reset();

        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => client.ExperienceComposer.StartAsync(session.SessionId, token, Render, Ct));
    }

    [Fact]
    public async Task A_relayed_session_is_409_because_the_composer_publishes_through_the_media_router()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var session = await client.CreateSessionAsync(cancellationToken: Ct);

        var e = await Assert.ThrowsAsync<OpenTokConflictException>(() => client.ExperienceComposer.StartAsync(session.SessionId, session.GenerateToken(), Render, Ct));

        Assert.Contains("relayed", e.Message, StringComparison.Ordinal);
        Assert.Empty(await client.ExperienceComposer.ListAsync(Ct).ToListAsync(Ct));
    }

    [Theory]
    [InlineData("\"url\":\"https://a.io/x\"", "Url")]
    [InlineData("\"url\":\"ftp://files.example.com/page\"", "http")]
    [InlineData("\"url\":\"" + Page + "\",\"maxDuration\":59", "MaxDuration")]
    [InlineData("\"url\":\"" + Page + "\",\"maxDuration\":36001", "MaxDuration")]
    [InlineData("\"url\":\"" + Page + "\",\"resolution\":\"1x1\"", "Resolution")]
    [InlineData("\"url\":\"" + Page + "\",\"properties\":{\"name\":\"NAME201\"}", "Properties.Name")]
    [InlineData("\"url\":\"" + Page + "\",\"maxDuration\":\"long\"", "not valid JSON")]
    public async Task Bodies_that_break_the_rules_are_400(string fields, string mentioned)
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();

        using var response = await emulator.SendAsync(HttpMethod.Post, RenderPath(emulator), $$"""{"sessionId":"{{session.SessionId}}","token":"{{session.GenerateToken()}}",{{fields.Replace("NAME201", new string('n', 201), StringComparison.Ordinal)}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(mentioned, (await response.ErrorAsync()).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"token":"t","url":"https://webapp.example.com/room/1"}""", "sessionId")]
    [InlineData("""{"sessionId":"garbage","token":"t","url":"https://webapp.example.com/room/1"}""", "session ID")]
    [InlineData("""{"sessionId":"SESSION","url":"https://webapp.example.com/room/1"}""", "token")]
    public async Task Bodies_without_a_session_or_token_are_400(string body, string mentioned)
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();

        using var response = await emulator.SendAsync(HttpMethod.Post, RenderPath(emulator), body.Replace("SESSION", session.SessionId, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(mentioned, (await response.ErrorAsync()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renders_list_newest_first_by_offset_and_count()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await client.ExperienceComposer.StartAsync(session.SessionId, session.GenerateToken(), Render, Ct)).Id);
        }

        var all = await client.ExperienceComposer.ListAsync(Ct).ToListAsync(Ct);
        var pages = await client.ExperienceComposer.ListAsync(Ct).AsPages(offset: 1, pageSize: 1).ToListAsync(Ct);

        Assert.Equal(Enumerable.Reverse(ids), all.Select(r => r.Id));
        Assert.Equal([[ids[1]], [ids[0]]], pages.Select(p => p.Items.Select(r => r.Id)));
        Assert.All(pages, p => Assert.Equal(3, p.TotalCount));
        foreach (var query in new[] { "?count=0", "?count=1001", "?offset=-1" })
        {
            using var bad = await emulator.SendAsync(HttpMethod.Get, RenderPath(emulator, query));
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }
    }

    [Fact]
    public async Task A_Vonage_application_renders_with_its_own_tokens()
    {
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Seed = 1, Application = EmulatedApplication.Generate() });
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();

        var render = await client.ExperienceComposer.StartAsync(session.SessionId, session.GenerateToken(), Render, Ct);

        Assert.Equal((RenderStatus.Starting, emulator.ApplicationId), (render.Status, render.ProjectId));
        Assert.Equal(render.Id, Assert.Single(await client.ExperienceComposer.ListAsync(Ct).ToListAsync(Ct)).Id);
    }

    private static string RenderPath(OpenTokEmulator emulator, string rest = "") => $"v2/project/{emulator.ApiKey}/render{rest}";
}
