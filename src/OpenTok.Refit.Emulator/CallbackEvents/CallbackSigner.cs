using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OpenTok.Refit.Emulator.CallbackEvents;

/// <summary>
/// Signs a callback as the service does: a compact JWT, header <c>{"alg":"HS256","typ":"JWT"}</c>, HMAC-SHA256 keyed by
/// the signature secret's UTF-8 bytes, with the claims <c>iat</c> (seconds), <c>jti</c> (a fresh UUID), <c>iss</c>
/// <c>Vonage</c>, <c>payload_hash</c> (the SHA-256 of the body, lower-case hex), <c>api_key</c>, and
/// <c>application_id</c> in application mode. No <c>exp</c>: the service sends none. Pure: the time is an argument.
/// </summary>
internal static class CallbackSigner
{
    private static readonly string Header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);

    /// <summary>The JWT for <paramref name="body"/>.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret, DateTimeOffset now, string apiKey, string? applicationId)
    {
        var claims = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(claims))
        {
            json.WriteStartObject();
            json.WriteNumber("iat", now.ToUnixTimeSeconds());
            json.WriteString("jti", Guid.NewGuid().ToString("D"));
            json.WriteString("iss", "Vonage");
            json.WriteString("payload_hash", Convert.ToHexStringLower(SHA256.HashData(body)));
            json.WriteString("api_key", apiKey);
            if (applicationId is not null)
            {
                json.WriteString("application_id", applicationId);
            }

            json.WriteEndObject();
        }

        var content = Header + "." + Base64Url.EncodeToString(claims.WrittenSpan);
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(content));
        return content + "." + Base64Url.EncodeToString(signature);
    }
}
