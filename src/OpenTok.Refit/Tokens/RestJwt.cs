using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace OpenTok.Refit.Tokens;

/// <summary>Who a REST JWT speaks for: one project, or the account that owns projects.</summary>
public enum RestJwtIssuerType
{
    /// <summary><c>ist=project</c>: every call about one project's sessions, archives, broadcasts, ….</summary>
    Project,

    /// <summary><c>ist=account</c>: project management, signed with the account's key and secret.</summary>
    Account,
}

/// <summary>The claims of a REST JWT that passed validation.</summary>
/// <param name="IssuerType">The <c>ist</c> claim.</param>
/// <param name="IssuedAt">The <c>iat</c> claim.</param>
/// <param name="ExpiresAt">The <c>exp</c> claim.</param>
/// <param name="Id">The <c>jti</c> claim, when present.</param>
public sealed record RestJwtClaims(RestJwtIssuerType IssuerType, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, string? Id);

/// <summary>
/// The JWT of the <c>X-OPENTOK-AUTH</c> header that authenticates every REST call: HS256 with the API secret,
/// claims <c>iss</c> (the API key), <c>ist</c>, <c>iat</c>, <c>exp</c> (at most 5 minutes on) and a unique <c>jti</c>.
/// </summary>
public static class RestJwt
{
    /// <summary>The longest lifetime the server accepts.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(5);

    /// <summary>The lifetime the SDK uses: well inside the maximum, leaving margin for clock skew.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(3);

    /// <summary>Signs a REST JWT.</summary>
    /// <param name="apiKey">The API key (the issuer).</param>
    /// <param name="apiSecretUtf8">The API secret as UTF-8 bytes.</param>
    /// <param name="issuerType">Project or account.</param>
    /// <param name="issuedAt">The <c>iat</c> time (the server's clock, when known).</param>
    /// <param name="expiresAt">The <c>exp</c> time: after <paramref name="issuedAt"/>, at most 5 minutes on.</param>
    /// <param name="id">The unique <c>jti</c>.</param>
    /// <returns>The compact JWT.</returns>
    /// <exception cref="OpenTokArgumentException">The lifetime is not positive or over 5 minutes.</exception>
    public static string Create(string apiKey, ReadOnlySpan<byte> apiSecretUtf8, RestJwtIssuerType issuerType,
        DateTimeOffset issuedAt, DateTimeOffset expiresAt, Guid id)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        EnsureLifetime(issuedAt, expiresAt);

        var payloadBound = 160 + (TokenWriter.MaxJsonBytesPerChar * apiKey.Length);
        var tokenBound = ClientTokens.JwtHeader.Length + 2 + Base64Url.GetEncodedLength(payloadBound) + Base64Url.GetEncodedLength(HMACSHA256.HashSizeInBytes);
        using var buffer = new TokenBuffer(payloadBound + tokenBound, stackalloc byte[TokenBuffer.StackSize]);

        var payload = new TokenWriter(buffer.Span[..payloadBound]);
        payload.Append("{\"iss\":\""u8);
        payload.AppendJsonEscaped(apiKey);
        payload.Append(issuerType == RestJwtIssuerType.Account ? "\",\"ist\":\"account\",\"iat\":"u8 : "\",\"ist\":\"project\",\"iat\":"u8);
        payload.AppendInt64(issuedAt.ToUnixTimeSeconds());
        payload.Append(",\"exp\":"u8);
        payload.AppendInt64(expiresAt.ToUnixTimeSeconds());
        payload.Append(",\"jti\":\""u8);
        id.TryFormat(payload.Free, out var written, "D");
        payload.Advance(written);
        payload.Append("\"}"u8);
        return ClientTokens.SignJwt(payload.Written, apiSecretUtf8, buffer.Span[payloadBound..]);
    }

    /// <summary>Signs a REST JWT with the secret as a string.</summary>
    /// <param name="apiKey">The API key (the issuer).</param>
    /// <param name="apiSecret">The API secret.</param>
    /// <param name="issuerType">Project or account.</param>
    /// <param name="issuedAt">The <c>iat</c> time.</param>
    /// <param name="expiresAt">The <c>exp</c> time, at most 5 minutes after <paramref name="issuedAt"/>.</param>
    /// <param name="id">The unique <c>jti</c>.</param>
    /// <returns>The compact JWT.</returns>
    public static string Create(string apiKey, string apiSecret, RestJwtIssuerType issuerType,
        DateTimeOffset issuedAt, DateTimeOffset expiresAt, Guid id)
    {
        ArgumentNullException.ThrowIfNull(apiSecret);
        return Create(apiKey, Encoding.UTF8.GetBytes(apiSecret), issuerType, issuedAt, expiresAt, id);
    }

    /// <summary>
    /// Validates a REST JWT as the OpenTok service does: HS256 signature with the secret, <c>iss</c> equal to
    /// <paramref name="apiKey"/>, <c>ist</c> of the expected type, not expired at <paramref name="now"/>, not issued
    /// in the future (beyond <paramref name="allowedSkew"/>), and a lifetime of at most 5 minutes.
    /// </summary>
    /// <param name="token">The header value.</param>
    /// <param name="apiKey">The API key the call is for.</param>
    /// <param name="apiSecret">That key's secret.</param>
    /// <param name="expectedIssuerType">Project or account.</param>
    /// <param name="now">The validator's clock.</param>
    /// <param name="allowedSkew">How far in the future <c>iat</c> may be.</param>
    /// <returns>The claims, or the reason the token was rejected.</returns>
    public static TokenValidation<RestJwtClaims> Validate(string? token, string apiKey, string apiSecret,
        RestJwtIssuerType expectedIssuerType, DateTimeOffset now, TimeSpan allowedSkew = default)
    {
        if (!JwtReader.TryRead(token, apiSecret, out var claims, out var failure))
        {
            return TokenValidation<RestJwtClaims>.Fail(failure);
        }

        if (claims.String("iss") != apiKey)
        {
            return TokenValidation<RestJwtClaims>.Fail("The JWT's iss claim is not this API key.");
        }

        var ist = claims.String("ist");
        var expectedIst = expectedIssuerType == RestJwtIssuerType.Account ? "account" : "project";
        if (ist != expectedIst)
        {
            return TokenValidation<RestJwtClaims>.Fail($"The JWT's ist claim must be '{expectedIst}'.");
        }

        return CheckTimes(claims, expectedIssuerType, now, allowedSkew);
    }

    /// <summary>Refuses a lifetime that is not positive or is over the 5 minutes the service accepts.</summary>
    internal static void EnsureLifetime(DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        var lifetime = expiresAt - issuedAt;
        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
        {
            throw new OpenTokArgumentException(
                $"A REST JWT must expire after it is issued and at most 5 minutes later; the lifetime asked for is {lifetime}.", nameof(expiresAt));
        }
    }

    /// <summary>The time rules every REST JWT meets, whoever signed it: present, not expired, not from the future, at most 5 minutes long.</summary>
    internal static TokenValidation<RestJwtClaims> CheckTimes(JwtClaims claims, RestJwtIssuerType issuerType, DateTimeOffset now, TimeSpan allowedSkew)
    {
        if (claims.Time("iat") is not { } issuedAt || claims.Time("exp") is not { } expiresAt)
        {
            return TokenValidation<RestJwtClaims>.Fail("The JWT must carry iat and exp claims as whole seconds within the years 1–9999.");
        }

        if (expiresAt <= now)
        {
            return TokenValidation<RestJwtClaims>.Fail("The JWT has expired.");
        }

        if (issuedAt > now + allowedSkew)
        {
            return TokenValidation<RestJwtClaims>.Fail("The JWT was issued in the future.");
        }

        if (expiresAt - issuedAt > MaxLifetime)
        {
            return TokenValidation<RestJwtClaims>.Fail("The JWT's lifetime exceeds the maximum of 5 minutes.");
        }

        return TokenValidation<RestJwtClaims>.Ok(new RestJwtClaims(issuerType, issuedAt, expiresAt, claims.String("jti")));
    }
}
