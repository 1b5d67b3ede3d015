using System.Net;
using OpenTok.Refit.Tokens;
using static OpenTok.Refit.Emulator.Tests.Support;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>
/// Project management of the emulator's well-known account, end to end over real HTTP: the account's own JWT, projects
/// made, read, suspended, refreshed and deleted, and the emulated project's secret and status as REST authentication sees them.
/// </summary>
public sealed class ProjectTests
{
    [Fact]
    public async Task The_account_holds_the_emulated_project_and_makes_reads_suspends_and_deletes_others()
    {
        await using var emulator = await StartAsync();
        using var account = emulator.CreateAccountClient();

        var emulated = Assert.Single(await account.Projects.ListAsync(Ct));
        Assert.Equal((emulator.ApiKey, emulator.ApiSecret, ProjectStatus.Active), (emulated.Id, emulated.Secret, emulated.Status));

        var unnamed = await account.Projects.CreateAsync(cancellationToken: Ct);
        var named = await account.Projects.CreateAsync("Staging", Ct);
        Assert.Null(unnamed.Name);
        Assert.Equal(("Staging", ProjectStatus.Active, "standard"), (named.Name, named.Status, named.Environment));
        Assert.Matches("^[0-9]{8}$", named.Id);
        Assert.Matches("^[0-9a-f]{40}$", named.Secret);
        Assert.NotEqual(unnamed.Id, named.Id);
        Assert.Equal([emulator.ApiKey, unnamed.Id, named.Id], (await account.Projects.ListAsync(Ct)).Select(p => p.Id));
        Assert.Equal(named, await account.Projects.GetAsync(named.Id, Ct));

        var suspended = await account.Projects.ChangeStatusAsync(named.Id, ProjectStatus.Suspended, Ct);
        Assert.Equal(ProjectStatus.Suspended, suspended.Status);
        Assert.Equal(ProjectStatus.Suspended, (await account.Projects.GetAsync(named.Id, Ct)).Status);
        Assert.Equal(ProjectStatus.Active, (await account.Projects.ChangeStatusAsync(named.Id, ProjectStatus.Active, Ct)).Status);

        var refreshed = await account.Projects.RefreshSecretAsync(named.Id, Ct);
        Assert.Equal(named.Id, refreshed.Id);
        Assert.NotEqual(named.Secret, refreshed.Secret);

        await account.Projects.DeleteAsync(named.Id, Ct);
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => account.Projects.GetAsync(named.Id, Ct));
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => account.Projects.DeleteAsync(named.Id, Ct));
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => account.Projects.RefreshSecretAsync("12345678", Ct));
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => account.Projects.ChangeStatusAsync("12345678", ProjectStatus.Active, Ct));
    }

    [Fact]
    public async Task A_refreshed_secret_authenticates_at_once_and_the_old_one_no_longer_does()
    {
        await using var emulator = await StartAsync();
        using var account = emulator.CreateAccountClient();
        using var oldClient = emulator.CreateClient();
        var session = await oldClient.RoutedSessionAsync();
        var oldToken = session.GenerateToken();
        var oldSecret = emulator.ApiSecret;

        var refreshed = await account.Projects.RefreshSecretAsync(emulator.ApiKey, Ct);

        Assert.Equal(refreshed.Secret, emulator.ApiSecret);
        var e = await Assert.ThrowsAsync<OpenTokAuthenticationException>(() => oldClient.Archives.ListAsync(cancellationToken: Ct).ToListAsync(Ct));
        Assert.Equal(HttpStatusCode.Forbidden, e.StatusCode);
        Assert.False(emulator.VerifyClientToken(oldToken).IsValid);

        using var newClient = new OpenTokClient(new OpenTokOptions { ApiKey = emulator.ApiKey, ApiSecret = refreshed.Secret, BaseAddress = emulator.BaseAddress });
        await newClient.Archives.StartAsync(session.SessionId, cancellationToken: Ct);
        Assert.True(emulator.VerifyClientToken(newClient.GenerateToken(session.SessionId)).IsValid);

        // A reset restores the configured secret.
        emulator.Reset();
        Assert.Equal(oldSecret, emulator.ApiSecret);
        Assert.Single(await oldClient.Archives.ListAsync(cancellationToken: Ct).AsPages().ToListAsync(Ct));
    }

    [Fact]
    public async Task A_suspended_project_is_refused_until_it_is_active_again_and_a_deleted_one_for_good()
    {
        await using var emulator = await StartAsync();
        using var account = emulator.CreateAccountClient();
        using var client = emulator.CreateClient();

        await account.Projects.ChangeStatusAsync(emulator.ApiKey, ProjectStatus.Suspended, Ct);
        var suspended = await Assert.ThrowsAsync<OpenTokAuthenticationException>(() => client.CreateSessionAsync(cancellationToken: Ct));
        Assert.Contains("suspended", suspended.ServerMessage, StringComparison.Ordinal);

        await account.Projects.ChangeStatusAsync(emulator.ApiKey, ProjectStatus.Active, Ct);
        await client.CreateSessionAsync(cancellationToken: Ct);

        await account.Projects.DeleteAsync(emulator.ApiKey, Ct);
        var deleted = await Assert.ThrowsAsync<OpenTokAuthenticationException>(() => client.CreateSessionAsync(cancellationToken: Ct));
        Assert.Contains("deleted", deleted.ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Project_management_takes_the_accounts_JWT_and_nothing_else()
    {
        await using var emulator = await StartAsync();
        var now = DateTimeOffset.UtcNow;

        async Task<HttpStatusCode> StatusOf(string path, string jwt)
        {
            using var response = await emulator.SendAsync(HttpMethod.Get, path, jwt: jwt);
            return response.StatusCode;
        }

        var account = emulator.Jwt(emulator.AccountApiKey, emulator.AccountApiSecret, issuerType: RestJwtIssuerType.Account);
        Assert.Equal(HttpStatusCode.OK, await StatusOf("v2/project", account));
        Assert.Equal(HttpStatusCode.OK, await StatusOf($"v2/project/{emulator.ApiKey}", account));

        // The project's own JWT, the account's key signed as a project, a wrong secret, and the account's JWT on a project's endpoint.
        Assert.Equal(HttpStatusCode.Forbidden, await StatusOf("v2/project", emulator.Jwt()));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusOf("v2/project", emulator.Jwt(emulator.AccountApiKey, emulator.AccountApiSecret)));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusOf("v2/project", emulator.Jwt(emulator.AccountApiKey, "wrong", issuerType: RestJwtIssuerType.Account)));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusOf($"v2/project/{emulator.ApiKey}/archive", account));

        using var projectClient = emulator.CreateClient();
        var e = await Assert.ThrowsAsync<OpenTokAuthenticationException>(() => projectClient.Projects.ListAsync(Ct));
        Assert.Contains("account", e.ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_made_here_is_managed_but_the_emulator_serves_REST_calls_for_its_own_project_only()
    {
        await using var emulator = await StartAsync();
        using var account = emulator.CreateAccountClient();
        var made = await account.Projects.CreateAsync("Other", Ct);
        using var client = new OpenTokClient(new OpenTokOptions { ApiKey = made.Id, ApiSecret = made.Secret, BaseAddress = emulator.BaseAddress });

        var e = await Assert.ThrowsAsync<OpenTokAuthenticationException>(() => client.Archives.ListAsync(cancellationToken: Ct).ToListAsync(Ct));

        Assert.Contains("belongs to this emulator's account", e.ServerMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"status":"VALID"}""")]
    [InlineData("""{"status":"active"}""")]
    [InlineData("""{}""")]
    [InlineData("""{"status":1}""")]
    public async Task A_status_other_than_ACTIVE_or_SUSPENDED_is_400(string body)
    {
        await using var emulator = await StartAsync();

        using var response = await emulator.SendAsync(HttpMethod.Put, $"v2/project/{emulator.ApiKey}", body, emulator.Jwt(emulator.AccountApiKey, emulator.AccountApiSecret, issuerType: RestJwtIssuerType.Account));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_Vonage_application_is_refused_403_and_an_unauthenticated_call_401()
    {
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Seed = 1, Application = EmulatedApplication.Generate() });
        using var key = ApplicationTokens.ImportPrivateKey(emulator.PrivateKeyPem);
        var now = DateTimeOffset.UtcNow;
        using var http = emulator.RawClient();

        using var request = new HttpRequestMessage(HttpMethod.Get, "v2/project");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + ApplicationTokens.CreateRestJwt(emulator.ApplicationId!, key, now, now.AddMinutes(3), Guid.NewGuid()));
        using var refused = await http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("not available to a Vonage application", (await refused.ErrorAsync()).Message, StringComparison.Ordinal);

        using var unauthenticated = await http.PostAsync("v2/project", null, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
    }

    [Fact]
    public async Task The_account_is_configurable_and_must_not_be_the_project()
    {
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Seed = 1, AccountApiKey = "42", AccountApiSecret = "account-secret" });
        using var account = emulator.CreateAccountClient();

        Assert.Equal(("42", "account-secret"), (emulator.AccountApiKey, emulator.AccountApiSecret));
        Assert.Single(await account.Projects.ListAsync(Ct));
        Assert.Throws<ArgumentException>(() => new OpenTokEmulatorOptions { AccountApiKey = OpenTokEmulatorOptions.DefaultApiKey }.Validate());
    }
}
