using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenTok.Refit.Tokens;
using static OpenTok.Refit.Tests.TestCredentials;

namespace OpenTok.Refit.Tests.Tokens;

public class JwtTokenTests
{
    internal static async Task<JsonWebToken> ValidateWithIdentityModel(string token, DateTimeOffset now)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(ApiSecret)),
            ValidIssuer = ApiKey,
            ValidateAudience = false,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            // IdentityModel checks lifetime against the real clock; the tests pin their own.
            LifetimeValidator = (notBefore, expires, _, _) => expires > now.UtcDateTime,
        });
        Assert.True(result.IsValid, result.Exception?.ToString());
        return (JsonWebToken)result.SecurityToken;
    }

    [Fact]
    public async Task Default_token_is_a_publisher_JWT_valid_for_24_hours_that_an_independent_library_accepts()
    {
        var token = Client().GenerateToken(ExampleSessionId);

        var jwt = await ValidateWithIdentityModel(token, Now);
        Assert.Equal("HS256", jwt.Alg);
        Assert.Equal("JWT", jwt.Typ);
        Assert.Equal(ApiKey, jwt.Issuer);
        Assert.Equal("project", jwt.GetClaim("ist").Value);
        Assert.Equal("session.connect", jwt.GetClaim("scope").Value);
        Assert.Equal(ExampleSessionId, jwt.GetClaim("session_id").Value);
        Assert.Equal("publisher", jwt.GetClaim("role").Value);
        Assert.Equal("", jwt.GetClaim("initial_layout_class_list").Value);
        Assert.False(jwt.TryGetClaim("connection_data", out _));
        Assert.Equal(Now.ToUnixTimeSeconds(), jwt.GetPayloadValue<long>("iat"));
        Assert.Equal((Now + TimeSpan.FromHours(24)).ToUnixTimeSeconds(), jwt.GetPayloadValue<long>("exp"));
        Assert.True(jwt.GetPayloadValue<long>("nonce") >= 0);
    }

    [Fact]
    public async Task Options_appear_as_claims()
    {
        var expire = Now.AddDays(3);
        var token = Client().GenerateToken(ExampleSessionId, new TokenOptions
        {
            Role = Role.Moderator,
            ExpireTime = expire,
            Data = "name=Johnny \"Quotes\" \\ back\nline ünïcødé 🎉",
            InitialLayoutClassList = ["focus", "full"],
        });

        var jwt = await ValidateWithIdentityModel(token, Now);
        Assert.Equal("moderator", jwt.GetClaim("role").Value);
        Assert.Equal(expire.ToUnixTimeSeconds(), jwt.GetPayloadValue<long>("exp"));
        Assert.Equal("name=Johnny \"Quotes\" \\ back\nline ünïcødé 🎉", jwt.GetClaim("connection_data").Value);
        Assert.Equal("focus full", jwt.GetClaim("initial_layout_class_list").Value);
    }

    [Fact]
    public void Known_answer_vector_matches_an_independent_HMAC_over_the_expected_payload()
    {
        var claims = new ClientTokenClaims(ApiKey, ExampleSessionId, Role.Subscriber, Now, Now.AddHours(1), 42, "a\"b", ["x", "y"]);

        var token = ClientTokens.CreateJwt(claims, ApiSecret);

        var payload = "{\"iss\":\"123456\",\"ist\":\"project\",\"iat\":1795348800,\"exp\":1795352400,\"nonce\":42,"
            + "\"scope\":\"session.connect\",\"session_id\":\"" + ExampleSessionId + "\",\"role\":\"subscriber\","
            + "\"initial_layout_class_list\":\"x y\",\"connection_data\":\"a\\\"b\"}";
        var signingInput = Base64Url.EncodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8) + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(ApiSecret), Encoding.ASCII.GetBytes(signingInput));
        Assert.Equal(signingInput + "." + Base64Url.EncodeToString(signature), token);
    }

    [Fact]
    public void Round_trips_through_the_core_verifier()
    {
        var token = Client().GenerateToken(ExampleSessionId, new TokenOptions { Role = Role.PublisherOnly, Data = "d", InitialLayoutClassList = ["a"] });

        var result = ClientTokenVerifier.Verify(token, ApiKey, ApiSecret, Now);

        Assert.True(result.IsValid, result.Failure);
        var claims = result.Claims!;
        Assert.Equal(TokenFormat.Jwt, claims.Format);
        Assert.Equal(ExampleSessionId, claims.SessionId);
        Assert.Equal(Role.PublisherOnly, claims.Role);
        Assert.Equal("d", claims.ConnectionData);
        Assert.Equal(["a"], claims.InitialLayoutClassList);
        Assert.Equal(Now.AddHours(24), claims.ExpiresAt);
    }

    [Fact]
    public void Verifier_rejects_a_wrong_secret_an_expired_token_and_another_key()
    {
        var token = Client().GenerateToken(ExampleSessionId);

        Assert.Contains("signature", ClientTokenVerifier.Verify(token, ApiKey, "another-secret-another-secret-another-se", Now).Failure);
        Assert.Contains("expired", ClientTokenVerifier.Verify(token, ApiKey, ApiSecret, Now.AddDays(2)).Failure);
        Assert.False(ClientTokenVerifier.Verify(token, "654321", ApiSecret, Now).IsValid);
        Assert.False(ClientTokenVerifier.Verify(token[..^2] + "xx", ApiKey, ApiSecret, Now).IsValid);
        Assert.False(ClientTokenVerifier.Verify("not.a.jwt", ApiKey, ApiSecret, Now).IsValid);
    }
}
