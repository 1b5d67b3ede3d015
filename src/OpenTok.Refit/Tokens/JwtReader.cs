using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OpenTok.Refit.Tokens;

/// <summary>Reads a compact JWT (HS256 or RS256): checks header and signature, and exposes the payload's claims.</summary>
internal static class JwtReader
{
    /// <summary>Reads an HS256 JWT signed with <paramref name="secret"/>.</summary>
    public static bool TryRead(string? token, string secret, [NotNullWhen(true)] out JwtClaims? claims, [NotNullWhen(false)] out string? failure) =>
        TryRead(token, secret, "the API secret", out claims, out failure);

    /// <summary>Reads an HS256 JWT signed with <paramref name="secret"/>, naming the secret <paramref name="secretName"/> in failures.</summary>
    public static bool TryRead(string? token, string secret, string secretName, [NotNullWhen(true)] out JwtClaims? claims, [NotNullWhen(false)] out string? failure) =>
        TryRead(token, "HS256", (signed, signature) =>
            CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed)),
            secretName, out claims, out failure);

    /// <summary>Reads an RS256 JWT signed with the private half of <paramref name="publicKey"/>.</summary>
    public static bool TryRead(string? token, RSA publicKey, [NotNullWhen(true)] out JwtClaims? claims, [NotNullWhen(false)] out string? failure) =>
        TryRead(token, "RS256", (signed, signature) => VerifiesRs256(publicKey, signed, signature), "the application's key", out claims, out failure);

    private static bool VerifiesRs256(RSA publicKey, byte[] signed, byte[] signature)
    {
        try
        {
            return publicKey.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            return false; // a signature of the wrong length, say: not a match, not a crash
        }
    }

    private static bool TryRead(string? token, string algorithm, Func<byte[], byte[], bool> signatureMatches, string keyName,
        [NotNullWhen(true)] out JwtClaims? claims, [NotNullWhen(false)] out string? failure)
    {
        claims = null;
        if (string.IsNullOrEmpty(token))
        {
            failure = "No token was given.";
            return false;
        }

        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            failure = "The token is not a compact JWT (three dot-separated parts).";
            return false;
        }

        if (!TryDecodeJson(parts[0], out var header) || header.String("alg") != algorithm)
        {
            failure = $"The JWT header must be JSON with alg {algorithm}.";
            return false;
        }

        if (!Base64Url.IsValid(parts[2]))
        {
            failure = "The JWT signature is not base64url.";
            return false;
        }

        var signature = Base64Url.DecodeFromChars(parts[2]);
        var signed = Encoding.ASCII.GetBytes(token[..(parts[0].Length + 1 + parts[1].Length)]);
        if (!signatureMatches(signed, signature))
        {
            failure = $"The JWT signature does not match {keyName}.";
            return false;
        }

        if (!TryDecodeJson(parts[1], out claims))
        {
            failure = "The JWT payload is not a JSON object.";
            return false;
        }

        failure = null;
        return true;
    }

    private static bool TryDecodeJson(string part, [NotNullWhen(true)] out JwtClaims? claims)
    {
        claims = null;
        if (!Base64Url.IsValid(part))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(part));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            claims = new JwtClaims(document.RootElement.Clone());
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

/// <summary>Typed access to a JWT payload's claims.</summary>
internal sealed class JwtClaims(JsonElement payload)
{
    public string? String(string name) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public long? Number(string name) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;

    /// <summary>A NumericDate claim as a time; <see langword="null"/> when missing, not a whole number, or outside the years 1–9999.</summary>
    public DateTimeOffset? Time(string name) => Number(name) is { } seconds ? UnixSeconds.ToTime(seconds) : null;
}
