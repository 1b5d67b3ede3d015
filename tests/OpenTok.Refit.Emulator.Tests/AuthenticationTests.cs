using System.Net;
using System.Text;
using OpenTok.Refit.Tokens;
using OpenTok.Refit.Http;
using static OpenTok.Refit.Emulator.Tests.Support;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary><c>X-OPENTOK-AUTH</c> is checked as the service checks it: 403 with <c>{ "code": 403, "message" }</c> otherwise.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private OpenTokEmulator _emulator = null!;

    public async ValueTask InitializeAsync() => _emulator = await StartAsync();

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();

    public static TheoryData<string> BadTokens() =>
    [
        "wrong secret",
        "expired",
        "wrong key",
        "lifetime over 5 minutes",
        "issued in the future",
        "account issuer type",
        "not a JWT",
        "alg none",
        "exp 10^15",
        "exp 2^63-1",
        "iat 10^15",
        "iat -10^15",
    ];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_JWT_is_refused_with_403_and_the_error_body(string problem)
    {
        var now = DateTimeOffset.UtcNow;
        var jwt = problem switch
        {
            "wrong secret" => _emulator.Jwt(secret: "not-the-emulator-secret-0123456789abcdef"),
            "expired" => _emulator.Jwt(issuedAt: now.AddMinutes(-10), lifetime: TimeSpan.FromMinutes(3)),
            "wrong key" => _emulator.Jwt(apiKey: "99999999"),
            "lifetime over 5 minutes" => Unsigned(now, now.AddMinutes(6)),
            "issued in the future" => _emulator.Jwt(issuedAt: now.AddMinutes(2)),
            "account issuer type" => _emulator.Jwt(issuerType: RestJwtIssuerType.Account),
            "not a JWT" => "definitely-not-a-jwt",
            "exp 10^15" => SignedTimes(now.ToUnixTimeSeconds(), 1_000_000_000_000_000),
            "exp 2^63-1" => SignedTimes(now.ToUnixTimeSeconds(), long.MaxValue),
            "iat 10^15" => SignedTimes(1_000_000_000_000_000, now.AddMinutes(1).ToUnixTimeSeconds()),
            "iat -10^15" => SignedTimes(-1_000_000_000_000_000, now.AddMinutes(1).ToUnixTimeSeconds()),
            _ => NoneAlgorithm(now),
        };

        foreach (var (method, path) in new[] { (HttpMethod.Get, _emulator.ArchivePath()), (HttpMethod.Post, "session/create") })
        {
            using var response = await _emulator.SendAsync(method, path, jwt: jwt);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var error = await response.ErrorAsync();
            Assert.Equal(403, error.Code);
            Assert.StartsWith("Authentication failed", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(_emulator.ApiSecret, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_missing_header_is_refused()
    {
        using var client = _emulator.RawClient();
        using var response = await client.GetAsync(_emulator.ArchivePath(), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("X-OPENTOK-AUTH", (await response.ErrorAsync()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_key_other_than_the_emulators_is_refused_even_with_a_JWT_for_that_key()
    {
        using var response = await _emulator.SendAsync(HttpMethod.Get, "v2/project/99999999/archive", jwt: _emulator.Jwt(apiKey: "99999999"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(403, (await response.ErrorAsync()).Code);
    }

    [Fact]
    public async Task A_valid_JWT_passes_and_failures_are_counted()
    {
        var before = _emulator.Statistics.AuthenticationFailures;
        using (var ok = await _emulator.SendAsync(HttpMethod.Get, _emulator.ArchivePath()))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using (var refused = await _emulator.SendAsync(HttpMethod.Get, _emulator.ArchivePath(), jwt: _emulator.Jwt(secret: "wrong-secret-wrong-secret-wrong-secret")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        Assert.Equal(before + 1, _emulator.Statistics.AuthenticationFailures);
    }

    [Fact]
    public async Task The_SDK_with_a_wrong_secret_gets_a_typed_authentication_error()
    {
        using var client = new OpenTokClient(new OpenTokOptions { ApiKey = _emulator.ApiKey, ApiSecret = "a-wrong-secret-0123456789abcdef0123456", BaseAddress = _emulator.BaseAddress });

        var e = await Assert.ThrowsAsync<OpenTokAuthenticationException>(() => client.CreateSessionAsync(cancellationToken: Ct));

        Assert.Equal((HttpStatusCode.Forbidden, (int?)403), (e.StatusCode, e.ErrorCode));
        Assert.DoesNotContain("a-wrong-secret", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_SDK_with_a_key_other_than_the_emulators_is_refused_on_every_project_path()
    {
        using var client = new OpenTokClient(new OpenTokOptions { ApiKey = "99999999", ApiSecret = _emulator.ApiSecret, BaseAddress = _emulator.BaseAddress });

        await Assert.ThrowsAsync<OpenTokAuthenticationException>(() => client.CreateSessionAsync(cancellationToken: Ct));
        await Assert.ThrowsAsync<OpenTokAuthenticationException>(() => client.Archives.ListAsync(cancellationToken: Ct).ToListAsync(Ct));
    }

    // RestJwt.Create refuses lifetimes over 5 minutes (rightly), so this one is signed by hand.
    private string Unsigned(DateTimeOffset issuedAt, DateTimeOffset expiresAt) =>
        Sign($$"""{"iss":"{{_emulator.ApiKey}}","ist":"project","iat":{{issuedAt.ToUnixTimeSeconds()}},"exp":{{expiresAt.ToUnixTimeSeconds()}},"jti":"x"}""");

    // Correctly signed, with times no DateTimeOffset can hold: once a 500 from inside the validator.
    private string SignedTimes(long issuedAt, long expiresAt) =>
        Sign($$"""{"iss":"{{_emulator.ApiKey}}","ist":"project","iat":{{issuedAt}},"exp":{{expiresAt}},"jti":"x"}""");

    private string NoneAlgorithm(DateTimeOffset now) =>
        Base64Url("""{"alg":"none","typ":"JWT"}""") + "."
        + Base64Url($$"""{"iss":"{{_emulator.ApiKey}}","ist":"project","iat":{{now.ToUnixTimeSeconds()}},"exp":{{now.AddMinutes(3).ToUnixTimeSeconds()}}}""") + ".";

    private string Sign(string payload)
    {
        var signingInput = Base64Url("""{"alg":"HS256","typ":"JWT"}""") + "." + Base64Url(payload);
        var signature = System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(_emulator.ApiSecret), Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + System.Buffers.Text.Base64Url.EncodeToString(signature);
    }

    private static string Base64Url(string json) => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
