using System.Text;
using Microsoft.IdentityModel.Tokens;
using static OpenTok.Refit.Tests.Events.VonageCallbackTokens;

namespace OpenTok.Refit.Tests.Events;

/// <summary>
/// <see cref="CallbackSignature.Verify"/> against tokens made by Microsoft.IdentityModel the way the service makes
/// them: genuine ones pass (bare or after <c>Bearer </c>), and every way of failing says which.
/// </summary>
public sealed class CallbackSignatureTests
{
    private const string Body = """{"sessionId":"s","projectId":"123456","event":"sessionCreated","timestamp":1470257688309}""";
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Theory]
    [InlineData("")]
    [InlineData("Bearer ")]
    [InlineData("bearer ")]
    public void A_token_signed_with_the_secret_over_this_body_is_valid(string prefix)
    {
        var result = Verify(prefix + Sign(Body), Body);

        Assert.Equal(CallbackSignatureStatus.Valid, result.Status);
        Assert.True(result.IsValid);
        Assert.Equal(("a1b2c3d", "aaaaaaaa-bbbb-cccc-dddd-0123456789ab"), (result.ApiKey, result.ApplicationId));
        Assert.NotNull(result.TokenId);
        Assert.NotNull(result.IssuedAt);
    }

    [Fact]
    public void The_hash_is_of_the_raw_bytes_so_an_upper_case_hex_digest_matches_too()
    {
        var result = Verify(Sign(Body, payloadHash: HashOf(Body).ToUpperInvariant()), Body);

        Assert.True(result.IsValid, result.Message);
    }

    [Fact]
    public void A_token_without_payload_hash_is_valid_on_its_signature_alone()
    {
        var result = Verify(Sign(Body, payloadHash: null), Body);

        Assert.True(result.IsValid, result.Message);
        Assert.Contains("no payload_hash", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Bearer ")]
    public void No_token_is_Missing(string? authorization) =>
        Assert.Equal(CallbackSignatureStatus.Missing, Verify(authorization, Body).Status);

    [Fact]
    public void A_token_signed_with_another_secret_is_Invalid()
    {
        var result = Verify(Sign(Body, secret: "another-signature-secret-0123456789abcdef"), Body);

        Assert.Equal(CallbackSignatureStatus.Invalid, result.Status);
        Assert.Contains("signature secret", result.Message, StringComparison.Ordinal);
        Assert.Null(result.ApiKey);
    }

    [Fact]
    public void A_body_changed_after_signing_is_a_PayloadMismatch()
    {
        var token = Sign(Body);

        var result = Verify(token, Body.Replace("sessionCreated", "sessionDestroyed", StringComparison.Ordinal));

        Assert.Equal(CallbackSignatureStatus.PayloadMismatch, result.Status);
        Assert.False(result.IsValid);
    }

    [Theory]
    [InlineData("not-hex-at-all")]
    [InlineData("abcd")]
    [InlineData("zz00000000000000000000000000000000000000000000000000000000000000")]
    public void A_payload_hash_that_is_no_SHA256_digest_is_a_PayloadMismatch(string payloadHash) =>
        Assert.Equal(CallbackSignatureStatus.PayloadMismatch, Verify(Sign(Body, payloadHash: payloadHash), Body).Status);

    [Fact]
    public void Another_algorithm_is_Invalid_even_with_the_right_secret() =>
        Assert.Equal(CallbackSignatureStatus.Invalid, Verify(Sign(Body, algorithm: SecurityAlgorithms.HmacSha512), Body).Status);

    [Fact]
    public void An_unsigned_alg_none_token_is_Invalid()
    {
        static string Part(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var token = Part("""{"alg":"none","typ":"JWT"}""") + "." + Part($$"""{"iss":"Vonage","payload_hash":"{{HashOf(Body)}}"}""") + ".";

        Assert.Equal(CallbackSignatureStatus.Invalid, Verify(token, Body).Status);
    }

    [Theory]
    [InlineData("not a jwt")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public void Garbage_is_Invalid(string authorization) =>
        Assert.Equal(CallbackSignatureStatus.Invalid, Verify(authorization, Body).Status);

    [Fact]
    public void Exp_and_nbf_are_honoured_when_present_with_a_minute_of_skew()
    {
        var expired = Sign(Body, extraClaims: new Dictionary<string, object> { ["exp"] = Now.AddMinutes(-2).ToUnixTimeSeconds() });
        var justExpired = Sign(Body, extraClaims: new Dictionary<string, object> { ["exp"] = Now.AddSeconds(-30).ToUnixTimeSeconds() });
        var early = Sign(Body, extraClaims: new Dictionary<string, object> { ["nbf"] = Now.AddMinutes(2).ToUnixTimeSeconds() });

        Assert.Equal(CallbackSignatureStatus.Invalid, Verify(expired, Body).Status);
        Assert.True(Verify(justExpired, Body).IsValid);
        Assert.Equal(CallbackSignatureStatus.Invalid, Verify(early, Body).Status);
    }

    [Fact]
    public void Messages_never_contain_the_secret_or_the_token()
    {
        var token = Sign(Body, secret: "another-signature-secret-0123456789abcdef");

        foreach (var result in new[] { Verify(token, Body), Verify(Sign(Body), "{}"), Verify(null, Body) })
        {
            Assert.DoesNotContain(Secret, result.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(token, result.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, result.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_empty_secret_is_refused() =>
        Assert.Throws<ArgumentException>(() => CallbackSignature.Verify(Sign(Body), Encoding.UTF8.GetBytes(Body), "", Now));

    private static CallbackSignatureResult Verify(string? authorization, string body) =>
        CallbackSignature.Verify(authorization, Encoding.UTF8.GetBytes(body), Secret, Now);
}
