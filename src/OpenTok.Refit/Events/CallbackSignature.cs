using System.Security.Cryptography;
using OpenTok.Refit.Tokens;

namespace OpenTok.Refit;

/// <summary>
/// Verifies a signed callback: the service puts a JWT in the <c>Authorization</c> header (with or without
/// <c>Bearer </c>), HS256-signed with the callback's signature secret, whose <c>payload_hash</c> claim is the SHA-256
/// (hex) of the body. Pure: the clock is an argument. ASP.NET Core's <c>MapOpenTokCallbacks</c> calls it; call it
/// yourself from any other host.
/// </summary>
/// <remarks>
/// Checked: the header is a compact JWT with <c>alg</c> HS256 whose signature matches the secret; the body's hash
/// when <c>payload_hash</c> is present; <c>exp</c> and <c>nbf</c> when present (a minute of clock skew allowed; the
/// service sends neither). Not checked: <c>iss</c> (always <c>Vonage</c>; a token signed with your secret is yours)
/// and <c>iat</c> (retried deliveries may carry old tokens; a replayed body is harmless to an idempotent handler).
/// </remarks>
public static class CallbackSignature
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    /// <summary>Verifies a callback's signature and, when the token carries one, its body hash.</summary>
    /// <param name="authorization">The <c>Authorization</c> header's value, or <see langword="null"/> when the request had none.</param>
    /// <param name="body">The request body exactly as received.</param>
    /// <param name="signatureSecret">The callback's signature secret, as configured in the account.</param>
    /// <param name="now">The current time (for <c>exp</c> and <c>nbf</c>).</param>
    /// <returns>What was found; <see cref="CallbackSignatureResult.IsValid"/> says whether to trust the body.</returns>
    /// <exception cref="ArgumentException"><paramref name="signatureSecret"/> is null or empty.</exception>
    public static CallbackSignatureResult Verify(string? authorization, ReadOnlySpan<byte> body, string signatureSecret, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(signatureSecret);
        var token = authorization?.Trim();
        if (token is not null && (token.Equals("Bearer", StringComparison.OrdinalIgnoreCase) || token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)))
        {
            token = token["Bearer".Length..].Trim();
        }

        if (string.IsNullOrEmpty(token))
        {
            return new(CallbackSignatureStatus.Missing, "The callback has no Authorization header (it is not signed).");
        }

        if (!JwtReader.TryRead(token, signatureSecret, "the signature secret", out var claims, out var failure))
        {
            return new(CallbackSignatureStatus.Invalid, failure);
        }

        var result = new CallbackSignatureResult(CallbackSignatureStatus.Valid, "The signature and the body hash match.")
        {
            ApiKey = claims.String("api_key"),
            ApplicationId = claims.String("application_id"),
            TokenId = claims.String("jti"),
            IssuedAt = claims.Time("iat"),
        };

        if (claims.Time("exp") is { } expires && now > expires + ClockSkew)
        {
            return result with { Status = CallbackSignatureStatus.Invalid, Message = "The signature token has expired (exp)." };
        }

        if (claims.Time("nbf") is { } notBefore && now < notBefore - ClockSkew)
        {
            return result with { Status = CallbackSignatureStatus.Invalid, Message = "The signature token is not valid yet (nbf)." };
        }

        if (claims.String("payload_hash") is not { } payloadHash)
        {
            return result with { Message = "The signature matches; the token carries no payload_hash to check the body against." };
        }

        Span<byte> expected = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> actual = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, actual);
        var readable = payloadHash.Length == 2 * SHA256.HashSizeInBytes
            && Convert.FromHexString(payloadHash, expected, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == SHA256.HashSizeInBytes;
        return readable && CryptographicOperations.FixedTimeEquals(expected, actual)
            ? result
            : result with { Status = CallbackSignatureStatus.PayloadMismatch, Message = "The body does not match the token's payload_hash (SHA-256): it was changed on the way, or is not the body that was signed." };
    }
}

/// <summary>The outcome of <see cref="CallbackSignature.Verify"/>.</summary>
public enum CallbackSignatureStatus
{
    /// <summary>Signed with the secret, and the body matches its hash (or the token carries none).</summary>
    Valid,

    /// <summary>No <c>Authorization</c> header: the callback is not signed.</summary>
    Missing,

    /// <summary>Not a JWT, not HS256, not signed with the secret, expired, or not valid yet.</summary>
    Invalid,

    /// <summary>Signed with the secret, but the body is not the one whose hash the token carries.</summary>
    PayloadMismatch,
}

/// <summary>What verifying a signed callback found: the status, why, and the token's claims when it was genuine.</summary>
/// <param name="Status">The outcome.</param>
/// <param name="Message">Why, in a sentence (never quotes the token or the secret).</param>
public sealed record CallbackSignatureResult(CallbackSignatureStatus Status, string Message)
{
    /// <summary>Whether the callback is genuine and unchanged.</summary>
    public bool IsValid => Status == CallbackSignatureStatus.Valid;

    /// <summary>The <c>api_key</c> claim: the account's API key, when the token was signed with the secret.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The <c>application_id</c> claim, when the token was signed with the secret and carries one.</summary>
    public string? ApplicationId { get; init; }

    /// <summary>The <c>jti</c> claim (unique per token), when the token was signed with the secret.</summary>
    public string? TokenId { get; init; }

    /// <summary>The <c>iat</c> claim, when the token was signed with the secret.</summary>
    public DateTimeOffset? IssuedAt { get; init; }
}
