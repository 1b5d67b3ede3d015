using System.Web;
using OpenTok.Refit.Testing;
using static OpenTok.Refit.Tests.Rest.ComposerFixtures;
using static OpenTok.Refit.Tests.Rest.RestFixtures;
using static OpenTok.Refit.Tests.TestCredentials;

namespace OpenTok.Refit.Tests.Rest;

/// <summary>Renders, callbacks and projects as the service writes them read into the models, unknown values kept; renders page like archives.</summary>
public class ComposerResponseTests
{
    [Fact]
    public async Task A_started_render_answered_202_reads_with_its_stream_and_times()
    {
        await using var stub = await StubServer.StartAsync(_ => new StubResponse(202, RenderJson()));
        using var client = ClientFor(stub);

        var render = await client.ExperienceComposer.StartAsync(ExampleSessionId, "token", new RenderOptions { Url = "https://webapp.example.com/room/1" });

        Assert.Equal((RenderId, ExampleSessionId, "123456"), (render.Id, render.SessionId, render.ProjectId));
        Assert.Equal(RenderStatus.Started, render.Status);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1437676551000), render.CreatedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1437676552000), render.UpdatedAt);
        Assert.Equal(("https://webapp.example.com/room/1", Resolution.Hd), (render.Url, render.Resolution));
        Assert.Equal("e32445b743678c98230f238", render.StreamId);
        Assert.Null(render.Reason);
    }

    [Fact]
    public async Task A_render_with_an_unknown_status_or_fields_left_out_reads_without_error()
    {
        await using var stub = await StubServer.StartAsync(_ => StubResponse.Json($$"""{"id":"{{RenderId}}","status":"paused","reason":"Stop Requested","applicationId":"29f760f8-7ce1-46c9-ade3-f2dedee4ed5f"}"""));
        using var client = ClientFor(stub);

        var render = await client.ExperienceComposer.GetAsync(RenderId);

        Assert.Equal(("paused", false), (render.Status.Value, render.Status.IsKnown));
        Assert.Equal(("", "", null), (render.SessionId, render.Url, render.ProjectId));
        Assert.Equal(("Stop Requested", "29f760f8-7ce1-46c9-ade3-f2dedee4ed5f"), (render.Reason, render.ApplicationId));
    }

    [Fact]
    public async Task Stop_takes_any_empty_success_answer()
    {
        foreach (var status in new[] { 200, 202, 204 })
        {
            await using var stub = await StubServer.StartAsync(_ => new StubResponse(status));
            using var client = ClientFor(stub);

            await client.ExperienceComposer.StopAsync(RenderId);

            Assert.Equal("DELETE", Assert.Single(stub.Requests).Method);
        }
    }

    [Fact]
    public async Task An_unknown_render_is_a_not_found_error_with_the_servers_message()
    {
        await using var stub = await StubServer.StartAsync(_ => new StubResponse(404, """{"code":404,"message":"Render not found"}"""));
        using var client = ClientFor(stub);

        var error = await Assert.ThrowsAsync<OpenTokNotFoundException>(() => client.ExperienceComposer.GetAsync(RenderId));

        Assert.Equal("Render not found", error.ServerMessage);
    }

    [Fact]
    public async Task Renders_are_read_lazily_in_pages_until_the_total()
    {
        const int total = 1200;
        await using var stub = await StubServer.StartAsync(request =>
        {
            var query = HttpUtility.ParseQueryString(request.Query);
            var offset = int.Parse(query["offset"]!);
            var count = int.Parse(query["count"]!);
            return StubResponse.Json(RenderListJson(total, Enumerable.Range(offset, Math.Max(0, Math.Min(count, total - offset))).Select(i => $"00000000-0000-0000-0000-{i:D12}")));
        });
        using var client = ClientFor(stub);

        var renders = await client.ExperienceComposer.ListAsync().ToListAsync();

        Assert.Equal(total, renders.Count);
        Assert.Equal("00000000-0000-0000-0000-000000001199", renders[^1].Id);
        Assert.Equal(["?offset=0&count=1000", "?offset=1000&count=1000"], stub.Requests.Select(r => r.Query));
        Assert.Equal(1000, client.ExperienceComposer.ListAsync().MaxPageSize);
    }

    [Fact]
    public async Task Callbacks_read_from_a_bare_array_and_a_registration_answer()
    {
        await using var stub = await StubServer.StartAsync(request => StubResponse.Json(request.Method == "GET" ? $"[{CallbackJson}, {{\"id\":17,\"group\":\"broadcast\",\"event\":\"status\"}}]" : CallbackJson));
        using var client = ClientFor(stub);

        var registered = await client.Callbacks.RegisterAsync(CallbackGroup.Connection, CallbackEvent.Created, "https://example.com/events");
        var all = await client.Callbacks.ListAsync();

        Assert.Equal(new Callback { Id = CallbackId, Group = CallbackGroup.Connection, Event = CallbackEvent.Created, Url = "https://example.com/events", CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(1437676551000) }, registered);
        Assert.Equal(2, all.Count);
        Assert.Equal(("17", "broadcast", false, ""), (all[1].Id, all[1].Group.Value, all[1].Group.IsKnown, all[1].Url));
    }

    [Fact]
    public async Task Projects_read_with_a_numeric_key_and_the_read_only_status_and_print_without_the_secret()
    {
        await using var stub = await StubServer.StartAsync(request => StubResponse.Json(request.Method == "GET" && request.Path == "/v2/project" ? $"[{ProjectJson()}, {ProjectJson("7", "SUSPENDED")}]" : ProjectJson(status: "ACTIVE")));
        using var account = ClientFor(stub);

        var projects = await account.Projects.ListAsync();
        var refreshed = await account.Projects.RefreshSecretAsync(ProjectApiKey);

        Assert.Equal([(ProjectApiKey, ProjectStatus.Valid), ("7", ProjectStatus.Suspended)], projects.Select(p => (p.Id, p.Status)));
        Assert.Equal(("Staging", "standard", "default", "Standard Environment"), (projects[0].Name, projects[0].Environment, projects[0].EnvironmentName, projects[0].EnvironmentDescription));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1437676551000), projects[0].CreatedAt);
        Assert.Equal(ProjectStatus.Active, refreshed.Status);
        Assert.Equal("0123456789abcdef0123456789abcdef01234567", refreshed.Secret);
        Assert.DoesNotContain(refreshed.Secret, refreshed.ToString(), StringComparison.Ordinal);
        Assert.Contains("Secret = ***", refreshed.ToString(), StringComparison.Ordinal);
        Assert.Contains($"Id = {ProjectApiKey}", refreshed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_key_that_is_not_the_accounts_is_an_authentication_error()
    {
        await using var stub = await StubServer.StartAsync(_ => new StubResponse(403, """{"code":403,"message":"Invalid account credentials"}"""));
        using var client = ClientFor(stub);

        var error = await Assert.ThrowsAsync<OpenTokAuthenticationException>(() => client.Projects.ListAsync());

        Assert.Equal("Invalid account credentials", error.ServerMessage);
    }
}
