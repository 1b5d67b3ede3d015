using System.Security.Cryptography;
using System.Text;
using OpenTok.Refit.Tokens;
using static OpenTok.Refit.Tests.TestCredentials;

namespace OpenTok.Refit.Tests.Tokens;

public class T1TokenTests
{
    private static string Inner(string token)
    {
        Assert.StartsWith("T1==", token, StringComparison.Ordinal);
        return Encoding.UTF8.GetString(Convert.FromBase64String(token[4..]));
    }

    [Fact]
    public void Known_answer_vector_matches_an_independent_HMAC_SHA1_over_the_expected_data()
    {
        var claims = new ClientTokenClaims(ApiKey, ExampleSessionId, Role.Moderator, Now, Now.AddHours(2), 7, "name=Jo & Co/ü", ["a", "b-c"]);

        var token = ClientTokens.CreateT1(claims, ApiSecret);

        var data = "session_id=" + ExampleSessionId + "&create_time=1795348800&expire_time=1795356000&role=moderator&nonce=7"
            + "&connection_data=name%3DJo+%26+Co%2F%C3%BC&initial_layout_class_list=a+b-c";
        var sig = Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(ApiSecret), Encoding.UTF8.GetBytes(data)));
        var expected = "T1==" + Convert.ToBase64String(Encoding.UTF8.GetBytes($"partner_id={ApiKey}&sig={sig}:{data}"));
        Assert.Equal(expected, token);
    }

    [Fact]
    public void Client_generates_T1_on_request_and_it_verifies()
    {
        var token = Client().GenerateToken(ExampleSessionId, new TokenOptions { Format = TokenFormat.T1, Role = Role.Subscriber, Data = "x y" });

        var inner = Inner(token);
        Assert.StartsWith($"partner_id={ApiKey}&sig=", inner, StringComparison.Ordinal);
        Assert.Matches("&sig=[0-9a-f]{40}:", inner);
        var result = ClientTokenVerifier.Verify(token, ApiKey, ApiSecret, Now);
        Assert.True(result.IsValid, result.Failure);
        Assert.Equal(TokenFormat.T1, result.Claims!.Format);
        Assert.Equal(Role.Subscriber, result.Claims.Role);
        Assert.Equal("x y", result.Claims.ConnectionData);
        Assert.Equal(Now.AddHours(24), result.Claims.ExpiresAt);
    }

    [Fact]
    public void Verifier_accepts_the_url_safe_alphabet_Java_writes()
    {
        var token = Client().GenerateToken(ExampleSessionId, new TokenOptions { Format = TokenFormat.T1, Data = "????>>>>" });
        var urlSafe = token.Replace('+', '-').Replace('/', '_');

        Assert.True(ClientTokenVerifier.VerifyT1(urlSafe, ApiKey, ApiSecret, Now).IsValid);
    }

    [Fact]
    public void Verifier_rejects_tampering_a_wrong_secret_and_expiry()
    {
        var token = Client().GenerateToken(ExampleSessionId, new TokenOptions { Format = TokenFormat.T1, Role = Role.Subscriber });
        var tampered = "T1==" + Convert.ToBase64String(Encoding.UTF8.GetBytes(Inner(token).Replace("role=subscriber", "role=moderator", StringComparison.Ordinal)));

        Assert.Contains("signature", ClientTokenVerifier.VerifyT1(tampered, ApiKey, ApiSecret, Now).Failure);
        Assert.Contains("signature", ClientTokenVerifier.VerifyT1(token, ApiKey, "ffffffffffffffffffffffffffffffffffffffff", Now).Failure);
        Assert.Contains("expired", ClientTokenVerifier.VerifyT1(token, ApiKey, ApiSecret, Now.AddDays(1).AddSeconds(1)).Failure);
        Assert.Contains("partner_id", ClientTokenVerifier.VerifyT1(token, "999", ApiSecret, Now).Failure);
        Assert.False(ClientTokenVerifier.VerifyT1("T1==%%%", ApiKey, ApiSecret, Now).IsValid);
    }
}
