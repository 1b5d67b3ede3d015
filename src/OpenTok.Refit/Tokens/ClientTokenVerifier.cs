using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OpenTok.Refit.Tokens;

/// <summary>The claims of a client token that passed verification.</summary>
/// <param name="Format">JWT or T1.</param>
/// <param name="SessionId">The session it connects to.</param>
/// <param name="Role">The client's role.</param>
/// <param name="IssuedAt">When it was made.</param>
/// <param name="ExpiresAt">When it expires.</param>
/// <param name="Nonce">Its nonce.</param>
/// <param name="ConnectionData">Its connection data, if any.</param>
/// <param name="InitialLayoutClassList">Its initial layout classes.</param>
public sealed record VerifiedClientToken(
    TokenFormat Format,
    string SessionId,
    Role Role,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    long Nonce,
    string? ConnectionData,
    IReadOnlyList<string> InitialLayoutClassList);

/// <summary>
/// Checks client tokens as the OpenTok service would: the signature with the API secret, the issuer, the expiry
/// and that the session belongs to the API key. Used by the emulator; useful in tests of one's own server.
/// </summary>
public static class ClientTokenVerifier
{
    /// <summary>Verifies a JWT or T1 client token (the format is told by the <c>T1==</c> prefix).</summary>
    /// <param name="token">The token.</param>
    /// <param name="apiKey">The project's API key.</param>
    /// <param name="apiSecret">The project's API secret.</param>
    /// <param name="now">The verifier's clock.</param>
    /// <returns>The claims, or why the token was rejected.</returns>
    public static TokenValidation<VerifiedClientToken> Verify(string? token, string apiKey, string apiSecret, DateTimeOffset now) =>
        token is not null && token.StartsWith(ClientTokens.T1Prefix, StringComparison.Ordinal)
            ? VerifyT1(token, apiKey, apiSecret, now)
            : VerifyJwt(token, apiKey, apiSecret, now);

    /// <summary>Verifies a JWT client token.</summary>
    /// <param name="token">The token.</param>
    /// <param name="apiKey">The project's API key.</param>
    /// <param name="apiSecret">The project's API secret.</param>
    /// <param name="now">The verifier's clock.</param>
    /// <returns>The claims, or why the token was rejected.</returns>
    public static TokenValidation<VerifiedClientToken> VerifyJwt(string? token, string apiKey, string apiSecret, DateTimeOffset now)
    {
        if (!JwtReader.TryRead(token, apiSecret, out var claims, out var failure))
        {
            return TokenValidation<VerifiedClientToken>.Fail(failure);
        }

        if (claims.String("iss") != apiKey || claims.String("ist") != "project")
        {
            return TokenValidation<VerifiedClientToken>.Fail("The token's iss is not this API key, or its ist is not 'project'.");
        }

        if (claims.String("scope") != "session.connect")
        {
            return TokenValidation<VerifiedClientToken>.Fail("The token's scope must be 'session.connect'.");
        }

        return Check(
            TokenFormat.Jwt,
            apiKey,
            now,
            claims.String("session_id"),
            claims.String("role"),
            claims.Time("iat"),
            claims.Time("exp"),
            claims.Number("nonce"),
            claims.String("connection_data"),
            claims.String("initial_layout_class_list"));
    }

    /// <summary>
    /// Verifies a Vonage application's client token: an RS256 JWT signed with the application's private key,
    /// <c>application_id</c> this application, <c>scope</c> <c>session.connect</c>, a session of this application,
    /// a known role, not expired.
    /// </summary>
    /// <param name="token">The token.</param>
    /// <param name="applicationId">The application id.</param>
    /// <param name="publicKey">The application's public key (a private key works too).</param>
    /// <param name="now">The verifier's clock.</param>
    /// <returns>The claims, or why the token was rejected.</returns>
    public static TokenValidation<VerifiedClientToken> VerifyApplicationToken(string? token, string applicationId, RSA publicKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        if (!JwtReader.TryRead(token, publicKey, out var claims, out var failure))
        {
            return TokenValidation<VerifiedClientToken>.Fail(failure);
        }

        if (claims.String("application_id") != applicationId)
        {
            return TokenValidation<VerifiedClientToken>.Fail("The token's application_id is not this application.");
        }

        if (claims.String("scope") != "session.connect")
        {
            return TokenValidation<VerifiedClientToken>.Fail("The token's scope must be 'session.connect'.");
        }

        return Check(
            TokenFormat.Jwt,
            applicationId,
            now,
            claims.String("session_id"),
            claims.String("role"),
            claims.Time("iat"),
            claims.Time("exp"),
            nonce: 0,
            claims.String("connection_data"),
            claims.String("initial_layout_class_list"));
    }

    /// <summary>Verifies a legacy T1 client token.</summary>
    /// <param name="token">The token, starting <c>T1==</c>.</param>
    /// <param name="apiKey">The project's API key.</param>
    /// <param name="apiSecret">The project's API secret.</param>
    /// <param name="now">The verifier's clock.</param>
    /// <returns>The claims, or why the token was rejected.</returns>
    public static TokenValidation<VerifiedClientToken> VerifyT1(string? token, string apiKey, string apiSecret, DateTimeOffset now)
    {
        if (token is null || !token.StartsWith(ClientTokens.T1Prefix, StringComparison.Ordinal))
        {
            return TokenValidation<VerifiedClientToken>.Fail("A T1 token starts with 'T1=='.");
        }

        // Java's SDK writes the URL-safe alphabet; the server accepts both, so the verifier does too.
        var base64 = token[ClientTokens.T1Prefix.Length..].Replace('-', '+').Replace('_', '/');
        var inner = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, inner, out var length))
        {
            return TokenValidation<VerifiedClientToken>.Fail("The T1 token is not base64.");
        }

        var text = Encoding.UTF8.GetString(inner, 0, length);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return TokenValidation<VerifiedClientToken>.Fail("The T1 token has no ':' between its signature and its data.");
        }

        var header = ParseQuery(text[..colon]);
        var data = text[(colon + 1)..];
        if (header.GetValueOrDefault("partner_id") != apiKey)
        {
            return TokenValidation<VerifiedClientToken>.Fail("The T1 token's partner_id is not this API key.");
        }

#pragma warning disable CA5350 // The T1 token format is defined as HMAC-SHA1.
        var expected = HMACSHA1.HashData(Encoding.UTF8.GetBytes(apiSecret), Encoding.UTF8.GetBytes(data));
#pragma warning restore CA5350
        var signature = header.GetValueOrDefault("sig") ?? "";
        if (signature.Length != 2 * expected.Length
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature.ToLowerInvariant()), Encoding.ASCII.GetBytes(Convert.ToHexStringLower(expected))))
        {
            return TokenValidation<VerifiedClientToken>.Fail("The T1 token's signature does not match the API secret.");
        }

        var fields = ParseQuery(data);
        return Check(
            TokenFormat.T1,
            apiKey,
            now,
            fields.GetValueOrDefault("session_id"),
            fields.GetValueOrDefault("role") ?? "publisher",
            Seconds(fields.GetValueOrDefault("create_time")),
            Seconds(fields.GetValueOrDefault("expire_time")) ?? UnixSeconds.Add(Seconds(fields.GetValueOrDefault("create_time")), TokenOptions.DefaultLifetime),
            long.TryParse(fields.GetValueOrDefault("nonce"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var nonce) ? nonce : null,
            fields.GetValueOrDefault("connection_data"),
            fields.GetValueOrDefault("initial_layout_class_list"));
    }

    private static TokenValidation<VerifiedClientToken> Check(TokenFormat format, string apiKey, DateTimeOffset now, string? sessionId,
        string? roleName, DateTimeOffset? issuedAt, DateTimeOffset? expiresAt, long? nonce, string? connectionData, string? layout)
    {
        if (sessionId is null || !SessionId.BelongsTo(sessionId, apiKey))
        {
            return TokenValidation<VerifiedClientToken>.Fail("The token's session id is missing, malformed or belongs to another API key.");
        }

        if (RoleWireValues.FromWireValue(roleName) is not { } role)
        {
            return TokenValidation<VerifiedClientToken>.Fail($"The token's role '{roleName}' is not one of publisher, subscriber, moderator, publisheronly.");
        }

        if (issuedAt is null || expiresAt is null)
        {
            return TokenValidation<VerifiedClientToken>.Fail("The token has no issue or expiry time, or one outside the years 1–9999.");
        }

        if (expiresAt <= now)
        {
            return TokenValidation<VerifiedClientToken>.Fail("The token has expired.");
        }

        var classes = string.IsNullOrEmpty(layout) ? [] : layout.Split(' ');
        return TokenValidation<VerifiedClientToken>.Ok(
            new VerifiedClientToken(format, sessionId, role, issuedAt.Value, expiresAt.Value, nonce ?? 0, connectionData, classes));
    }

    private static DateTimeOffset? Seconds(string? value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? UnixSeconds.ToTime(seconds) : null;

    private static Dictionary<string, string> ParseQuery(string query)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? "" : pair[(equals + 1)..];
            result[FormDecode(name)] = FormDecode(value);
        }

        return result;
    }

    private static string FormDecode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
