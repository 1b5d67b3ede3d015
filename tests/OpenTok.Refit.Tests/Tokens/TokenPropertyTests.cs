using FsCheck;
using FsCheck.Fluent;
using OpenTok.Refit.Tokens;
using static OpenTok.Refit.Tests.TestCredentials;

namespace OpenTok.Refit.Tests.Tokens;

public class TokenPropertyTests
{
    private static readonly Gen<Role> Roles = Gen.Elements(Enum.GetValues<Role>());

    // Any UTF-16 text up to the 1000-character limit, lone surrogates excluded (they cannot survive UTF-8 in any token).
    private static readonly Gen<string?> Data = Gen.OneOf(
            ArbMap.Default.GeneratorFor<string>(),
            Gen.Elements("", "a b", "\"\\\n\t", "ü€🎉", new string('x', 1000), new string('é', 1000)))
        .Select(s => s is null ? null : new string(s.Where(c => !char.IsSurrogate(c)).Take(1000).ToArray()));

    private static readonly Gen<string[]> Layouts = Gen.ListOf(
            Gen.NonEmptyListOf(Gen.Elements("abcXYZ019-_.:/ü€\"\\".ToCharArray())).Select(chars => new string(chars.ToArray())))
        .Select(list => list.ToArray());

    private static readonly Arbitrary<(Role Role, string? Data, string[] Layout, TokenFormat Format)> Cases =
        (from role in Roles
         from data in Data
         from layout in Layouts
         from format in Gen.Elements(TokenFormat.Jwt, TokenFormat.T1)
         select (role, data, layout, format))
            .ToArbitrary();

    [Fact]
    public void Every_generated_token_verifies_and_carries_exactly_its_options()
    {
        var client = Client();
        Check.QuickThrowOnFailure(Prop.ForAll(Cases, c =>
        {
            var token = client.GenerateToken(ExampleSessionId, new TokenOptions { Role = c.Role, Data = c.Data, InitialLayoutClassList = c.Layout, Format = c.Format });
            var result = ClientTokenVerifier.Verify(token, ApiKey, ApiSecret, Now);
            return result.IsValid
                && result.Claims!.Format == c.Format
                && result.Claims.Role == c.Role
                && result.Claims.ConnectionData == c.Data
                && result.Claims.InitialLayoutClassList.SequenceEqual(c.Layout)
                && result.Claims.SessionId == ExampleSessionId;
        }));
    }

    [Fact]
    public async Task Every_generated_JWT_is_accepted_by_IdentityModel_with_its_data_intact()
    {
        var client = Client();
        foreach (var c in Cases.Generator.Where(c => c.Format == TokenFormat.Jwt).Sample(100))
        {
            var token = client.GenerateToken(ExampleSessionId, new TokenOptions { Role = c.Role, Data = c.Data, InitialLayoutClassList = c.Layout });
            var jwt = await JwtTokenTests.ValidateWithIdentityModel(token, Now);
            Assert.Equal(c.Role.ToWireValue(), jwt.GetClaim("role").Value);
            Assert.Equal(string.Join(' ', c.Layout), jwt.GetClaim("initial_layout_class_list").Value);
            Assert.Equal(c.Data, jwt.TryGetClaim("connection_data", out var claim) ? claim.Value : null);
        }
    }
}
