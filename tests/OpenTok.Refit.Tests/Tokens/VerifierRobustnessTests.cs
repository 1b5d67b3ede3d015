using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using OpenTok.Refit.Tokens;
using static OpenTok.Refit.Tests.TestCredentials;

namespace OpenTok.Refit.Tests.Tokens;

/// <summary>
/// The verifiers are fed what an attacker or a broken client sends: correctly signed tokens with absurd claim
/// values, and arbitrary strings. Whatever comes in, the answer is a validation result, never an exception (the
/// emulator answers 403 with a reason, not 500).
/// </summary>
public class VerifierRobustnessTests
{
    private static readonly long[] AbsurdSeconds = [1_000_000_000_000_000, -1_000_000_000_000_000, long.MaxValue, long.MinValue, 253_402_300_800, -62_135_596_801];

    public static TheoryData<string, long, long> RestJwtTimes => new()
    {
        { "exp = 10^15", Now.ToUnixTimeSeconds(), 1_000_000_000_000_000 },
        { "exp = 2^63-1", Now.ToUnixTimeSeconds(), long.MaxValue },
        { "iat = 10^15", 1_000_000_000_000_000, Now.ToUnixTimeSeconds() + 60 },
        { "iat = -10^15", -1_000_000_000_000_000, Now.ToUnixTimeSeconds() + 60 },
        { "both at the minimum", long.MinValue, long.MinValue },
    };

    [Theory]
    [MemberData(nameof(RestJwtTimes))]
    public void A_signed_REST_JWT_with_out_of_range_times_fails_validation_without_throwing(string because, long iat, long exp)
    {
        var token = SignJwt(new JsonObject { ["iss"] = ApiKey, ["ist"] = "project", ["iat"] = iat, ["exp"] = exp });

        var result = RestJwt.Validate(token, ApiKey, ApiSecret, RestJwtIssuerType.Project, Now);

        Assert.False(result.IsValid, because);
        Assert.False(string.IsNullOrEmpty(result.Failure));
    }

    [Fact]
    public void A_signed_client_JWT_with_out_of_range_times_fails_verification_without_throwing()
    {
        foreach (var seconds in AbsurdSeconds)
        {
            var token = SignJwt(ClientClaims(iat: seconds, exp: seconds));

            Assert.False(ClientTokenVerifier.Verify(token, ApiKey, ApiSecret, Now).IsValid);
            Assert.False(ClientTokenVerifier.Verify(SignJwt(ClientClaims(iat: Now.ToUnixTimeSeconds(), exp: seconds)), ApiKey, ApiSecret, Now).IsValid);
        }
    }

    [Fact]
    public void A_signed_T1_token_with_out_of_range_times_fails_verification_without_throwing()
    {
        foreach (var seconds in AbsurdSeconds)
        {
            var text = seconds.ToString(CultureInfo.InvariantCulture);
            Assert.False(ClientTokenVerifier.Verify(SignT1($"session_id={ExampleSessionId}&create_time={text}&expire_time={text}&role=publisher&nonce=1"), ApiKey, ApiSecret, Now).IsValid);

            // No expire_time: the default lifetime is added to create_time, which must not overflow either.
            ClientTokenVerifier.Verify(SignT1($"session_id={ExampleSessionId}&create_time={text}&role=publisher&nonce=1"), ApiKey, ApiSecret, Now);
        }
    }

    [Fact]
    public void Any_signed_claim_values_give_a_result_never_an_exception()
    {
        var anyJson = Gen.OneOf(
            ArbMap.Default.GeneratorFor<long>().Select(n => (JsonNode?)JsonValue.Create(n)),
            ArbMap.Default.GeneratorFor<double>().Where(double.IsFinite).Select(d => (JsonNode?)JsonValue.Create(d)),
            ArbMap.Default.GeneratorFor<string>().Select(s => (JsonNode?)JsonValue.Create(s)),
            ArbMap.Default.GeneratorFor<bool>().Select(b => (JsonNode?)JsonValue.Create(b)),
            Gen.Elements(AbsurdSeconds).Select(n => (JsonNode?)JsonValue.Create(n)),
            Gen.Constant<JsonNode?>(null),
            Gen.Constant<JsonNode?>(new JsonArray(1, "x")),
            Gen.Constant<JsonNode?>(new JsonObject { ["nested"] = 1 }));
        var names = Gen.Elements("iss", "ist", "iat", "exp", "scope", "session_id", "role", "nonce", "connection_data", "initial_layout_class_list");
        var overrides = Gen.ListOf(Gen.Zip(names, anyJson)).ToArbitrary();

        Check.QuickThrowOnFailure(Prop.ForAll(overrides, changes =>
        {
            var claims = ClientClaims(Now.ToUnixTimeSeconds(), Now.ToUnixTimeSeconds() + 60);
            claims["iss"] = ApiKey;
            claims["ist"] = "project";
            foreach (var (name, value) in changes)
            {
                claims[name] = value?.DeepClone();
            }

            var token = SignJwt(claims);
            _ = ClientTokenVerifier.Verify(token, ApiKey, ApiSecret, Now);
            _ = RestJwt.Validate(token, ApiKey, ApiSecret, RestJwtIssuerType.Project, Now);
        }));
    }

    [Fact]
    public void Any_signed_T1_fields_give_a_result_never_an_exception()
    {
        var value = Gen.OneOf(
            ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""),
            ArbMap.Default.GeneratorFor<long>().Select(n => n.ToString(CultureInfo.InvariantCulture)),
            Gen.Elements(AbsurdSeconds).Select(n => n.ToString(CultureInfo.InvariantCulture)),
            Gen.Elements("%", "%zz", "+", "&&", "=", "%E0%A4%A"));
        var names = Gen.Elements("session_id", "create_time", "expire_time", "role", "nonce", "connection_data", "initial_layout_class_list");
        var fields = Gen.ListOf(Gen.Zip(names, value)).ToArbitrary();

        Check.QuickThrowOnFailure(Prop.ForAll(fields, list =>
        {
            var data = string.Join('&', list.Select(f => f.Item1 + "=" + Uri.EscapeDataString(f.Item2)));
            _ = ClientTokenVerifier.Verify(SignT1(data), ApiKey, ApiSecret, Now);
            _ = ClientTokenVerifier.Verify(SignT1(string.Join('&', list.Select(f => f.Item1 + "=" + f.Item2))), ApiKey, ApiSecret, Now);
        }));
    }

    [Fact]
    public void Any_string_gives_a_result_never_an_exception()
    {
        var strings = Gen.OneOf(
                ArbMap.Default.GeneratorFor<string>(),
                Gen.Elements("T1==", "T1==%%%", "a.b.c", "..", "e30.e30.", "eyJhbGciOiJIUzI1NiJ9.e30.AAAA", "T1==cGFydG5lcl9pZD0xMjM0NTY="))
            .ToArbitrary();

        Check.QuickThrowOnFailure(Prop.ForAll(strings, token =>
        {
            _ = ClientTokenVerifier.Verify(token, ApiKey, ApiSecret, Now);
            _ = ClientTokenVerifier.VerifyJwt(token, ApiKey, ApiSecret, Now);
            _ = ClientTokenVerifier.VerifyT1(token, ApiKey, ApiSecret, Now);
            _ = RestJwt.Validate(token, ApiKey, ApiSecret, RestJwtIssuerType.Project, Now);
            _ = RestJwt.Validate(token, ApiKey, ApiSecret, RestJwtIssuerType.Account, Now);
        }));
    }

    private static JsonObject ClientClaims(long iat, long exp) => new()
    {
        ["iss"] = ApiKey,
        ["ist"] = "project",
        ["iat"] = iat,
        ["exp"] = exp,
        ["scope"] = "session.connect",
        ["session_id"] = ExampleSessionId,
        ["role"] = "publisher",
        ["nonce"] = 1,
    };

    private static string SignJwt(JsonObject payload)
    {
        var signed = Base64Url("""{"alg":"HS256","typ":"JWT"}"""u8.ToArray()) + "." + Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        return signed + "." + Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ApiSecret), Encoding.ASCII.GetBytes(signed)));
    }

    private static string SignT1(string data)
    {
#pragma warning disable CA5350 // T1 is defined as HMAC-SHA1.
        var signature = Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(ApiSecret), Encoding.UTF8.GetBytes(data)));
#pragma warning restore CA5350
        return "T1==" + Convert.ToBase64String(Encoding.UTF8.GetBytes($"partner_id={ApiKey}&sig={signature}:{data}"));
    }

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
