using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OpenTok.Refit.Tests.Events;

/// <summary>
/// Signs callbacks the way the service does (HS256 with the signature secret; <c>iat</c>, <c>jti</c>, <c>iss</c>
/// "Vonage", <c>payload_hash</c>, <c>api_key</c>, <c>application_id</c>), with Microsoft.IdentityModel, an
/// implementation independent of the SDK's, so the SDK's verifier is checked against tokens it did not make.
/// </summary>
internal static class VonageCallbackTokens
{
    /// <summary>A signature secret as long as the account's generated ones (IdentityModel wants 512 bits to sign HS512).</summary>
    public const string Secret = "vonage-signature-secret-0123456789abcdef0123456789abcdef01234567";

    public static string Sign(
        string body,
        string secret = Secret,
        string? payloadHash = "",
        string algorithm = SecurityAlgorithms.HmacSha256,
        IDictionary<string, object>? extraClaims = null)
    {
        var claims = new Dictionary<string, object>
        {
            ["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString(),
            ["iss"] = "Vonage",
            ["api_key"] = "a1b2c3d",
            ["application_id"] = "aaaaaaaa-bbbb-cccc-dddd-0123456789ab",
        };
        // "" means: the hash of the body; null means: no payload_hash claim at all.
        if (payloadHash is not null)
        {
            claims["payload_hash"] = payloadHash.Length == 0 ? HashOf(body) : payloadHash;
        }

        foreach (var (name, value) in extraClaims ?? new Dictionary<string, object>())
        {
            claims[name] = value;
        }

        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), algorithm),
        });
    }

    public static string HashOf(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
}
