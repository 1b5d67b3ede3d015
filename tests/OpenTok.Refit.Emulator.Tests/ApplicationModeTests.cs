using System.Net;
using System.Security.Cryptography;
using OpenTok.Refit.Tokens;
using static OpenTok.Refit.Emulator.Tests.Support;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>The emulator as a Vonage application: bearer RS256 auth like the service, the application id in paths and session ids, RS256 client tokens.</summary>
public sealed class ApplicationModeTests : IAsyncLifetime
{
    private OpenTokEmulator _emulator = null!;

    public async ValueTask InitializeAsync() =>
        _emulator = await StartAsync(new OpenTokEmulatorOptions { Seed = 1, Application = EmulatedApplication.Generate() });

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();

    [Fact]
    public async Task The_SDK_in_application_mode_creates_sessions_signs_tokens_and_records_archives()
    {
        using var client = _emulator.CreateClient();

        var session = await client.CreateSessionAsync(new SessionOptions { MediaMode = MediaMode.Routed }, Ct);
        var archive = await client.Archives.StartAsync(session.SessionId, cancellationToken: Ct);
        await client.Archives.StopAsync(archive.Id, Ct);

        Assert.True(client.IsVonageApplication);
        Assert.Equal(_emulator.ApplicationId, _emulator.ApiKey);
        Assert.Equal(_emulator.ApplicationId, SessionId.Decode(session.SessionId)!.ApiKey);
        Assert.Equal(_emulator.ApplicationId, archive.ProjectId);
        var token = session.GenerateToken(new TokenOptions { Role = Role.Moderator });
        var verified = _emulator.VerifyClientToken(token);
        Assert.True(verified.IsValid, verified.Failure);
        Assert.Equal(Role.Moderator, verified.Claims!.Role);
        Assert.Single(await client.Archives.ListAsync(cancellationToken: Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task An_OpenTok_projects_header_is_refused_with_401_and_the_error_body()
    {
        // Signed with the emulator's (well-known) API secret: right for an OpenTok project, wrong mode here.
        using var response = await _emulator.SendAsync(HttpMethod.Get, $"v2/project/{_emulator.ApplicationId}/archive", jwt: _emulator.Jwt(apiKey: _emulator.ApplicationId));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = await response.ErrorAsync();
        Assert.Equal(401, error.Code);
        Assert.Contains("Authorization: Bearer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_or_foreign_bearer_JWT_is_refused_with_401_and_a_foreign_path_with_403()
    {
        using var foreignKey = RSA.Create(2048);
        var now = DateTimeOffset.UtcNow;
        var foreign = ApplicationTokens.CreateRestJwt(_emulator.ApplicationId!, foreignKey, now, now.AddMinutes(3), Guid.NewGuid());
        using var ownKey = ApplicationTokens.ImportPrivateKey(_emulator.PrivateKeyPem);
        var own = ApplicationTokens.CreateRestJwt(_emulator.ApplicationId!, ownKey, now, now.AddMinutes(3), Guid.NewGuid());
        using var http = _emulator.RawClient();

        async Task<HttpStatusCode> StatusOf(string path, string? bearer)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (bearer is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + bearer);
            }

            using var response = await http.SendAsync(request, Ct);
            return response.StatusCode;
        }

        var archives = $"v2/project/{_emulator.ApplicationId}/archive";
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOf(archives, null));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOf(archives, foreign));
        Assert.Equal(HttpStatusCode.OK, await StatusOf(archives, own));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusOf($"v2/project/{OpenTokEmulatorOptions.DefaultApiKey}/archive", own));
    }

    [Fact]
    public async Task An_OpenTok_mode_emulator_refuses_a_bearer_JWT_with_403()
    {
        await using var opentok = await StartAsync();
        using var ownKey = ApplicationTokens.ImportPrivateKey(_emulator.PrivateKeyPem);
        var now = DateTimeOffset.UtcNow;
        using var http = opentok.RawClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, opentok.ArchivePath());
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + ApplicationTokens.CreateRestJwt(opentok.ApiKey, ownKey, now, now.AddMinutes(3), Guid.NewGuid()));

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(403, (await response.ErrorAsync()).Code);
    }

    [Fact]
    public async Task A_project_token_is_not_a_valid_client_token_of_the_application()
    {
        using var client = _emulator.CreateClient();
        var session = await client.CreateSessionAsync(new SessionOptions { MediaMode = MediaMode.Routed }, Ct);
        var hs256 = ClientTokens.CreateJwt(
            new ClientTokenClaims(_emulator.ApiKey, session.SessionId, Role.Publisher, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1), 1, null, []),
            _emulator.ApiSecret);

        Assert.False(_emulator.VerifyClientToken(hs256).IsValid);
    }
}
