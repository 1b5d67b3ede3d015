using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenTok.Refit.Tokens;
using static OpenTok.Refit.Tests.TestApplication;
using static OpenTok.Refit.Tests.TestCredentials;

namespace OpenTok.Refit.Tests.Tokens;

/// <summary>Client tokens and REST JWTs of a Vonage application: RS256, checked by IdentityModel with the public key.</summary>
public class ApplicationTokenTests
{
    internal static async Task<JsonWebToken> ValidateWithIdentityModel(string token, DateTimeOffset now)
    {
        using var publicKey = AppPublicKey();
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = new RsaSecurityKey(publicKey.ExportParameters(false)),
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            LifetimeValidator = (notBefore, expires, _, _) => expires > now.UtcDateTime,
        });
        Assert.True(result.IsValid, result.Exception?.ToString());
        return (JsonWebToken)result.SecurityToken;
    }

    [Fact]
    public async Task A_client_token_carries_the_Vonage_claim_set_signed_RS256()
    {
        var token = AppClient().GenerateToken(AppSessionId, new TokenOptions { Role = Role.Moderator, Data = "name=Ann", InitialLayoutClassList = ["focus", "big"] });

        var jwt = await ValidateWithIdentityModel(token, Now);
        Assert.Equal(("RS256", "JWT"), (jwt.Alg, jwt.Typ));
        Assert.Equal(AppId, jwt.GetClaim("application_id").Value);
        Assert.Equal("session.connect", jwt.GetClaim("scope").Value);
        Assert.Equal(AppSessionId, jwt.GetClaim("session_id").Value);
        Assert.Equal("moderator", jwt.GetClaim("role").Value);
        Assert.Equal("focus big", jwt.GetClaim("initial_layout_class_list").Value);
        Assert.Equal("name=Ann", jwt.GetClaim("connection_data").Value);
        Assert.Equal("video", jwt.Subject);
        Assert.True(Guid.TryParseExact(jwt.Id, "D", out _));
        Assert.Equal(Now.ToUnixTimeSeconds(), jwt.GetPayloadValue<long>("iat"));
        Assert.Equal(Now.AddDays(1).ToUnixTimeSeconds(), jwt.GetPayloadValue<long>("exp"));
        using var acl = JsonDocument.Parse(jwt.GetPayloadValue<JsonElement>("acl").GetRawText());
        Assert.Equal("""{"paths":{"/session/**":{}}}""", acl.RootElement.GetRawText());
        Assert.False(jwt.TryGetClaim("nonce", out _));
        Assert.False(jwt.TryGetClaim("iss", out _));
    }

    [Fact]
    public async Task Defaults_are_a_publisher_with_an_empty_class_list_and_no_connection_data()
    {
        var jwt = await ValidateWithIdentityModel(AppClient().GenerateToken(AppSessionId), Now);

        Assert.Equal("publisher", jwt.GetClaim("role").Value);
        Assert.Equal("", jwt.GetClaim("initial_layout_class_list").Value);
        Assert.False(jwt.TryGetClaim("connection_data", out _));
    }

    [Fact]
    public void The_PKCS1_form_of_the_key_signs_tokens_the_verifier_accepts()
    {
        using var client = new OpenTokClient(new OpenTokOptions { ApplicationId = AppId, PrivateKey = AppPkcs1KeyPem }, new FixedTimeProvider(Now));
        using var publicKey = AppPublicKey();

        var result = ClientTokenVerifier.VerifyApplicationToken(client.GenerateToken(AppSessionId), AppId, publicKey, Now);

        Assert.True(result.IsValid, result.Failure);
        Assert.Equal((Role.Publisher, AppSessionId), (result.Claims!.Role, result.Claims.SessionId));
    }

    [Fact]
    public void The_verifier_refuses_another_keys_signature_another_application_and_an_expired_token()
    {
        var token = AppClient().GenerateToken(AppSessionId);
        using var otherKey = RSA.Create(2048);
        using var publicKey = AppPublicKey();

        Assert.False(ClientTokenVerifier.VerifyApplicationToken(token, AppId, otherKey, Now).IsValid);
        Assert.False(ClientTokenVerifier.VerifyApplicationToken(token, "00000000-0000-0000-0000-000000000000", publicKey, Now).IsValid);
        Assert.False(ClientTokenVerifier.VerifyApplicationToken(token, AppId, publicKey, Now.AddDays(2)).IsValid);
        Assert.False(ClientTokenVerifier.VerifyApplicationToken(AppClient().GenerateToken(AppSessionId)[..^4] + "AAAA", AppId, publicKey, Now).IsValid);
    }

    [Fact]
    public void T1_is_refused_for_an_application_and_the_same_rules_as_ever_apply()
    {
        var client = AppClient();

        Assert.Equal("Format", Assert.Throws<OpenTokArgumentException>(() => client.GenerateToken(AppSessionId, new TokenOptions { Format = TokenFormat.T1 })).ParamName);
        Assert.Equal("sessionId", Assert.Throws<OpenTokArgumentException>(() => client.GenerateToken(ExampleSessionId)).ParamName);
        Assert.Equal("Data", Assert.Throws<OpenTokArgumentException>(() => client.GenerateToken(AppSessionId, new TokenOptions { Data = new string('x', 1001) })).ParamName);
        Assert.Equal("ExpireTime", Assert.Throws<OpenTokArgumentException>(() => client.GenerateToken(AppSessionId, new TokenOptions { ExpireTime = Now.AddDays(31) })).ParamName);
    }

    [Fact]
    public async Task A_REST_JWT_carries_application_id_iat_exp_and_jti_and_validates_both_ways()
    {
        using var key = ApplicationTokens.ImportPrivateKey(AppKeyPem);
        var id = Guid.NewGuid();
        var token = ApplicationTokens.CreateRestJwt(AppId, key, Now, Now + RestJwt.DefaultLifetime, id);

        var jwt = await ValidateWithIdentityModel(token, Now);
        Assert.Equal(AppId, jwt.GetClaim("application_id").Value);
        Assert.Equal(id.ToString(), jwt.Id);
        Assert.Equal(180, jwt.GetPayloadValue<long>("exp") - jwt.GetPayloadValue<long>("iat"));
        using var publicKey = AppPublicKey();
        Assert.True(ApplicationTokens.ValidateRestJwt(token, AppId, publicKey, Now).IsValid);
        Assert.False(ApplicationTokens.ValidateRestJwt(token, AppId, publicKey, Now.AddMinutes(4)).IsValid);
        Assert.False(ApplicationTokens.ValidateRestJwt(token, "00000000-0000-0000-0000-000000000000", publicKey, Now).IsValid);
        Assert.Throws<OpenTokArgumentException>(() => ApplicationTokens.CreateRestJwt(AppId, key, Now, Now.AddMinutes(6), id));
    }

    [Fact]
    public void Many_threads_sign_with_one_key_and_every_token_verifies()
    {
        var client = AppClient();
        using var publicKey = AppPublicKey();

        var tokens = Enumerable.Range(0, 400).AsParallel().WithDegreeOfParallelism(8).Select(i => client.GenerateToken(AppSessionId, new TokenOptions { Data = $"n={i}" })).ToList();

        Assert.All(tokens, t => Assert.True(ClientTokenVerifier.VerifyApplicationToken(t, AppId, publicKey, Now).IsValid));
        Assert.Equal(400, tokens.Distinct().Count());
    }
}
