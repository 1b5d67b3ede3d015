using OpenTok.Refit.Tokens;
using static OpenTok.Refit.Tests.TestCredentials;

namespace OpenTok.Refit.Tests.Tokens;

/// <summary>The budget: generating a token allocates nothing but the returned string.</summary>
public class TokenAllocationTests
{
    public static TheoryData<TokenFormat, int, char> Cases => new()
    {
        { TokenFormat.Jwt, 0, 'a' },
        { TokenFormat.Jwt, 1000, 'a' },
        { TokenFormat.Jwt, 1000, 'ü' },
        { TokenFormat.Jwt, 1000, '\n' },
        { TokenFormat.T1, 0, 'a' },
        { TokenFormat.T1, 1000, ' ' },
        { TokenFormat.T1, 1000, '€' },
    };

    // A string of n chars is an object header and method table (16), a length (4), the chars and a terminator,
    // rounded up to 8 bytes on 64-bit.
    private static long StringSize(string s) => (16 + 4 + (2L * s.Length) + 2 + 7) / 8 * 8;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generating_a_token_allocates_only_the_token_string(TokenFormat format, int dataLength, char dataChar)
    {
        var client = Client();
        var options = new TokenOptions
        {
            Format = format,
            Role = Role.Moderator,
            Data = dataLength == 0 ? null : new string(dataChar, dataLength),
            InitialLayoutClassList = ["focus", "full"],
        };
        for (var i = 0; i < 50; i++)
        {
            client.GenerateToken(ExampleSessionId, options); // warm up: JIT and tiering, the pool's per-thread cache
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var token = client.GenerateToken(ExampleSessionId, options);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(StringSize(token), allocated);
    }

    [Fact]
    public void Signing_a_REST_JWT_allocates_only_the_token_string()
    {
        var secret = "0123456789abcdef0123456789abcdef01234567"u8.ToArray();
        var id = Guid.NewGuid();
        for (var i = 0; i < 50; i++)
        {
            RestJwt.Create(ApiKey, secret, RestJwtIssuerType.Project, Now, Now.AddMinutes(3), id);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var token = RestJwt.Create(ApiKey, secret, RestJwtIssuerType.Project, Now, Now.AddMinutes(3), id);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(StringSize(token), allocated);
    }
}
