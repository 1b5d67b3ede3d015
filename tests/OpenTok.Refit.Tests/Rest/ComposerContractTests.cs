using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenTok.Refit.Testing;
using static OpenTok.Refit.Tests.Rest.ComposerFixtures;
using static OpenTok.Refit.Tests.Rest.RestFixtures;
using static OpenTok.Refit.Tests.TestCredentials;

namespace OpenTok.Refit.Tests.Rest;

/// <summary>
/// What the SDK puts on a real socket for every Experience Composer, legacy callback and project-management request,
/// against committed golden files; and whom each call is signed as.
/// </summary>
public class ComposerContractTests
{
    private static StubResponse Answer(RecordedRequest request) => request switch
    {
        { Method: "DELETE" } => new StubResponse(204),
        { Method: "GET" } when request.Path.EndsWith("/render", StringComparison.Ordinal) => StubResponse.Json(RenderListJson(1, [RenderId])),
        { Method: "POST" } when request.Path.EndsWith("/render", StringComparison.Ordinal) => new StubResponse(202, RenderJson(status: "starting")),
        _ when request.Path.Contains("/render/", StringComparison.Ordinal) => StubResponse.Json(RenderJson()),
        { Method: "GET" } when request.Path.EndsWith("/callback", StringComparison.Ordinal) => StubResponse.Json($"[{CallbackJson}]"),
        _ when request.Path.EndsWith("/callback", StringComparison.Ordinal) => StubResponse.Json(CallbackJson),
        { Method: "GET", Path: "/v2/project" } => StubResponse.Json($"[{ProjectJson()}]"),
        _ => StubResponse.Json(ProjectJson()),
    };

    [Fact]
    public async Task Every_experience_composer_endpoint_sends_the_documented_request()
    {
        await using var stub = await StubServer.StartAsync(Answer);
        using var client = ClientFor(stub);

        await client.ExperienceComposer.StartAsync(ExampleSessionId, "client-token", new RenderOptions { Url = "https://webapp.example.com/room/1" });
        await client.ExperienceComposer.StartAsync(ExampleSessionId, "client-token", new RenderOptions.Builder()
            .Url("https://webapp.example.com/room/1?layout=grid")
            .MaxDuration(TimeSpan.FromMinutes(30))
            .Resolution(Resolution.HdPortrait)
            .Properties(new RenderProperties.Builder().Name("Composed stream").Build())
            .Build());
        await client.ExperienceComposer.GetAsync(RenderId);
        await client.ExperienceComposer.StopAsync(RenderId);
        await client.ExperienceComposer.ListAsync().AsPages(pageSize: 50).FirstAsync();
        await client.ExperienceComposer.ListAsync().FirstAsync();

        Snapshot.Match(string.Join("\n", stub.Requests.Select(r => r.ToSnapshot())));
    }

    [Fact]
    public async Task Every_callback_endpoint_sends_the_documented_request()
    {
        await using var stub = await StubServer.StartAsync(Answer);
        using var client = ClientFor(stub);

        await client.Callbacks.RegisterAsync(CallbackGroup.Connection, CallbackEvent.Created, "https://example.com/events");
        await client.Callbacks.RegisterAsync(CallbackGroup.Archive, CallbackEvent.Status, "http://example.com/archive-status?key=1");
        await client.Callbacks.ListAsync();
        await client.Callbacks.UnregisterAsync(CallbackId);

        Snapshot.Match(string.Join("\n", stub.Requests.Select(r => r.ToSnapshot())));
    }

    [Fact]
    public async Task Every_project_endpoint_sends_the_documented_request()
    {
        await using var stub = await StubServer.StartAsync(Answer);
        using var account = ClientFor(stub);

        await account.Projects.CreateAsync();
        await account.Projects.CreateAsync("Staging");
        await account.Projects.ListAsync();
        await account.Projects.GetAsync(ProjectApiKey);
        await account.Projects.ChangeStatusAsync(ProjectApiKey, ProjectStatus.Suspended);
        await account.Projects.ChangeStatusAsync(ProjectApiKey, ProjectStatus.Active);
        await account.Projects.RefreshSecretAsync(ProjectApiKey);
        await account.Projects.DeleteAsync(ProjectApiKey);

        Snapshot.Match(string.Join("\n", stub.Requests.Select(r => r.ToSnapshot())));
    }

    [Fact]
    public async Task Project_management_is_signed_as_the_account_and_every_other_call_as_the_project()
    {
        await using var stub = await StubServer.StartAsync(Answer);
        using var client = ClientFor(stub);

        await client.Projects.ListAsync();
        await client.Projects.RefreshSecretAsync(ProjectApiKey);
        await client.Callbacks.ListAsync();
        await client.ExperienceComposer.GetAsync(RenderId);

        var issuerTypes = new List<string>();
        foreach (var request in stub.Requests)
        {
            var result = await new JsonWebTokenHandler().ValidateTokenAsync(request.AuthJwt, new TokenValidationParameters
            {
                IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(ApiSecret)),
                ValidIssuer = ApiKey,
                ValidateAudience = false,
            });
            Assert.True(result.IsValid, result.Exception?.ToString());
            issuerTypes.Add(((JsonWebToken)result.SecurityToken).GetClaim("ist").Value);
        }

        Assert.Equal(["account", "account", "project", "project"], issuerTypes);
    }

    [Fact]
    public async Task A_Vonage_application_renders_with_its_id_in_the_path_and_a_bearer_JWT()
    {
        await using var stub = await StubServer.StartAsync(Answer);
        using var client = TestApplication.AppClient(DateTimeOffset.UtcNow, o => o.BaseAddress = stub.BaseAddress);

        await client.ExperienceComposer.StartAsync(TestApplication.AppSessionId, "client-token", new RenderOptions { Url = "https://webapp.example.com/room/1" });
        await client.ExperienceComposer.StopAsync(RenderId);

        Assert.Equal([$"/v2/project/{TestApplication.AppId}/render", $"/v2/project/{TestApplication.AppId}/render/{RenderId}"], stub.Requests.Select(r => r.Path));
        Assert.All(stub.Requests, r => Assert.NotNull(r.BearerJwt));
    }

    public static TheoryData<string, Func<OpenTokClient, Task>> ApiKeyOnlyCalls => new()
    {
        { "The legacy callback API", c => c.Callbacks.RegisterAsync(CallbackGroup.Stream, CallbackEvent.Destroyed, "https://example.com/events") },
        { "The legacy callback API", c => c.Callbacks.ListAsync() },
        { "The legacy callback API", c => c.Callbacks.UnregisterAsync(CallbackId) },
        { "Project management", c => c.Projects.CreateAsync() },
        { "Project management", c => c.Projects.CreateAsync("Staging") },
        { "Project management", c => c.Projects.ListAsync() },
        { "Project management", c => c.Projects.GetAsync(ProjectApiKey) },
        { "Project management", c => c.Projects.ChangeStatusAsync(ProjectApiKey, ProjectStatus.Suspended) },
        { "Project management", c => c.Projects.RefreshSecretAsync(ProjectApiKey) },
        { "Project management", c => c.Projects.DeleteAsync(ProjectApiKey) },
    };

    [Theory]
    [MemberData(nameof(ApiKeyOnlyCalls))]
    public async Task Callbacks_and_project_management_refuse_a_Vonage_application_before_sending(string api, Func<OpenTokClient, Task> call)
    {
        await using var stub = await StubServer.StartAsync(Answer);
        using var client = TestApplication.AppClient(DateTimeOffset.UtcNow, o => o.BaseAddress = stub.BaseAddress);

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => call(client));

        Assert.StartsWith($"{api} exists only for OpenTok API-key credentials", error.Message, StringComparison.Ordinal);
        Assert.Contains("Vonage application", error.Message, StringComparison.Ordinal);
        Assert.Empty(stub.Requests);
    }
}
