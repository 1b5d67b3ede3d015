using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace OpenTok.Refit.Tokens;

/// <summary>
/// The tokens of a Vonage application (application id + RSA private key, what new Vonage Video accounts get):
/// RS256 JWTs for REST calls (<c>Authorization: Bearer …</c>) and for clients. Pure functions of their arguments —
/// the clock and the unique id are passed in — and safe from many threads at once.
/// </summary>
public static class ApplicationTokens
{
    /// <summary>The smallest RSA key the SDK signs with.</summary>
    public const int MinKeySizeInBits = 2048;

    // base64url of {"alg":"RS256","typ":"JWT"}
    private static ReadOnlySpan<byte> JwtHeader => "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9"u8;

    /// <summary>
    /// Signs a client token: an RS256 JWT with the claims the Vonage SDKs send — <c>application_id</c>, <c>iat</c>,
    /// <c>jti</c>, <c>exp</c>, <c>scope</c> = <c>session.connect</c>, <c>session_id</c>, <c>role</c>,
    /// <c>initial_layout_class_list</c> (space-joined, <c>""</c> when empty), <c>connection_data</c> when set,
    /// <c>sub</c> = <c>video</c> and <c>acl</c> = <c>{"paths":{"/session/**":{}}}</c>. Allocates only the returned
    /// string on the managed side (the RSA signature itself is computed by the platform's crypto library).
    /// </summary>
    /// <param name="claims">What the token says; <see cref="ClientTokenClaims.ApiKey"/> is the application id (the nonce is not sent: <paramref name="id"/> makes the token unique).</param>
    /// <param name="privateKey">The application's private key.</param>
    /// <param name="id">The unique <c>jti</c>.</param>
    /// <returns>The compact JWT.</returns>
    public static string CreateClientToken(ClientTokenClaims claims, RSA privateKey, Guid id)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        var payloadBound = 320 + (TokenWriter.MaxJsonBytesPerChar * (claims.ApiKey.Length + claims.SessionId.Length
            + (claims.ConnectionData?.Length ?? 0) + ClientTokens.LayoutLength(claims.InitialLayoutClassList)));
        using var buffer = new TokenBuffer(payloadBound + TokenBound(payloadBound, privateKey), stackalloc byte[TokenBuffer.StackSize]);

        var payload = new TokenWriter(buffer.Span[..payloadBound]);
        payload.Append("{\"application_id\":\""u8);
        payload.AppendJsonEscaped(claims.ApiKey);
        payload.Append("\",\"iat\":"u8);
        payload.AppendInt64(claims.IssuedAt.ToUnixTimeSeconds());
        payload.Append(",\"exp\":"u8);
        payload.AppendInt64(claims.ExpiresAt.ToUnixTimeSeconds());
        payload.Append(",\"jti\":\""u8);
        id.TryFormat(payload.Free, out var written, "D");
        payload.Advance(written);
        payload.Append("\",\"scope\":\"session.connect\",\"session_id\":\""u8);
        payload.AppendJsonEscaped(claims.SessionId);
        payload.Append("\",\"role\":\""u8);
        payload.AppendText(claims.Role.ToWireValue());
        payload.Append("\",\"initial_layout_class_list\":\""u8);
        ClientTokens.AppendLayoutJson(ref payload, claims.InitialLayoutClassList);
        payload.Append((byte)'"');
        if (claims.ConnectionData is not null)
        {
            payload.Append(",\"connection_data\":\""u8);
            payload.AppendJsonEscaped(claims.ConnectionData);
            payload.Append((byte)'"');
        }

        payload.Append(",\"sub\":\"video\",\"acl\":{\"paths\":{\"/session/**\":{}}}}"u8);
        return Sign(payload.Written, privateKey, buffer.Span[payloadBound..]);
    }

    /// <summary>
    /// Signs the JWT of a REST call's <c>Authorization: Bearer</c> header: RS256, claims <c>application_id</c>,
    /// <c>iat</c>, <c>exp</c> (at most 5 minutes on) and <c>jti</c>.
    /// </summary>
    /// <param name="applicationId">The application id.</param>
    /// <param name="privateKey">The application's private key.</param>
    /// <param name="issuedAt">The <c>iat</c> time (the server's clock, when known).</param>
    /// <param name="expiresAt">The <c>exp</c> time: after <paramref name="issuedAt"/>, at most 5 minutes on.</param>
    /// <param name="id">The unique <c>jti</c>.</param>
    /// <returns>The compact JWT.</returns>
    /// <exception cref="OpenTokArgumentException">The lifetime is not positive or over 5 minutes.</exception>
    public static string CreateRestJwt(string applicationId, RSA privateKey, DateTimeOffset issuedAt, DateTimeOffset expiresAt, Guid id)
    {
        ArgumentNullException.ThrowIfNull(applicationId);
        ArgumentNullException.ThrowIfNull(privateKey);
        RestJwt.EnsureLifetime(issuedAt, expiresAt);
        var payloadBound = 160 + (TokenWriter.MaxJsonBytesPerChar * applicationId.Length);
        using var buffer = new TokenBuffer(payloadBound + TokenBound(payloadBound, privateKey), stackalloc byte[TokenBuffer.StackSize]);

        var payload = new TokenWriter(buffer.Span[..payloadBound]);
        payload.Append("{\"application_id\":\""u8);
        payload.AppendJsonEscaped(applicationId);
        payload.Append("\",\"iat\":"u8);
        payload.AppendInt64(issuedAt.ToUnixTimeSeconds());
        payload.Append(",\"exp\":"u8);
        payload.AppendInt64(expiresAt.ToUnixTimeSeconds());
        payload.Append(",\"jti\":\""u8);
        id.TryFormat(payload.Free, out var written, "D");
        payload.Advance(written);
        payload.Append("\"}"u8);
        return Sign(payload.Written, privateKey, buffer.Span[payloadBound..]);
    }

    /// <summary>
    /// Validates a REST call's bearer JWT as the service does: RS256 signature with the application's public key,
    /// <c>application_id</c> equal to <paramref name="applicationId"/>, not expired at <paramref name="now"/>, not
    /// issued in the future (beyond <paramref name="allowedSkew"/>), a lifetime of at most 5 minutes.
    /// </summary>
    /// <param name="token">The JWT, without <c>Bearer </c>.</param>
    /// <param name="applicationId">The application the call is for.</param>
    /// <param name="publicKey">The application's public key (a private key works too).</param>
    /// <param name="now">The validator's clock.</param>
    /// <param name="allowedSkew">How far in the future <c>iat</c> may be.</param>
    /// <returns>The claims, or why the token was rejected.</returns>
    public static TokenValidation<RestJwtClaims> ValidateRestJwt(string? token, string applicationId, RSA publicKey, DateTimeOffset now, TimeSpan allowedSkew = default)
    {
        if (!JwtReader.TryRead(token, publicKey, out var claims, out var failure))
        {
            return TokenValidation<RestJwtClaims>.Fail(failure);
        }

        if (claims.String("application_id") != applicationId)
        {
            return TokenValidation<RestJwtClaims>.Fail("The JWT's application_id claim is not this application.");
        }

        return RestJwt.CheckTimes(claims, RestJwtIssuerType.Project, now, allowedSkew);
    }

    /// <summary>Reads an RSA private key from PEM and checks that the SDK can sign with it.</summary>
    /// <param name="pem">PKCS#8 (<c>-----BEGIN PRIVATE KEY-----</c>) or PKCS#1 (<c>-----BEGIN RSA PRIVATE KEY-----</c>).</param>
    /// <param name="paramName">The setting the PEM came from, for the error.</param>
    /// <returns>The key; the caller owns and disposes it.</returns>
    /// <exception cref="OpenTokArgumentException">The text is not an RSA private key in PEM, or the key is under 2048 bits. The message never contains the key.</exception>
    public static RSA ImportPrivateKey(string? pem, string paramName = "privateKey")
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            throw new OpenTokArgumentException($"{paramName} must be the application's RSA private key in PEM; it is empty.", paramName);
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            var kind = pem.Contains("-----BEGIN", StringComparison.Ordinal)
                ? "a PEM block that holds no RSA key (an EC key, say, or a certificate)"
                : "not PEM text";
            throw new OpenTokArgumentException(
                $"{paramName} must be the application's RSA private key in PEM (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----); it is {kind}.", paramName);
        }

        if (pem.Contains("PUBLIC KEY-----", StringComparison.Ordinal) || !HasPrivatePart(rsa))
        {
            rsa.Dispose();
            throw new OpenTokArgumentException($"{paramName} holds an RSA public key; signing needs the application's private key.", paramName);
        }

        if (rsa.KeySize < MinKeySizeInBits)
        {
            var size = rsa.KeySize;
            rsa.Dispose();
            throw new OpenTokArgumentException($"{paramName} is a {size}-bit RSA key; at least {MinKeySizeInBits} bits are needed (Vonage issues 2048-bit keys).", paramName);
        }

        return rsa;
    }

    private static bool HasPrivatePart(RSA rsa)
    {
        try
        {
            rsa.ExportRSAPrivateKey();
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static int TokenBound(int payloadBound, RSA key) =>
        JwtHeader.Length + 2 + Base64Url.GetEncodedLength(payloadBound) + Base64Url.GetEncodedLength(SignatureSize(key));

    private static int SignatureSize(RSA key) => (key.KeySize + 7) / 8;

    /// <summary><c>header.base64url(payload).base64url(RSASSA-PKCS1-v1_5 SHA-256)</c>, returned as the one allocated string.</summary>
    private static string Sign(ReadOnlySpan<byte> payloadJson, RSA key, Span<byte> scratch)
    {
        var token = new TokenWriter(scratch);
        token.Append(JwtHeader);
        token.Append((byte)'.');
        token.Advance(Base64Url.EncodeToUtf8(payloadJson, token.Free));
        using var signature = new TokenBuffer(SignatureSize(key), stackalloc byte[512]);
        if (!key.TrySignData(token.Written, signature.Span, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, out var length))
        {
            throw new CryptographicException("The RSA signature did not fit its buffer.");
        }

        token.Append((byte)'.');
        token.Advance(Base64Url.EncodeToUtf8(signature.Span[..length], token.Free));
        return Encoding.ASCII.GetString(token.Written);
    }
}
