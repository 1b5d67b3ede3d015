using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace OpenTok.Refit.Tokens;

/// <summary>
/// Signs client tokens: pure functions of the claims and the API secret. Each call allocates only the
/// returned string (the work happens in stack or pooled buffers), and is safe from many threads at once.
/// The claims are signed as given; <c>OpenTokClient.GenerateToken</c> checks the rules first.
/// </summary>
public static class ClientTokens
{
    /// <summary>The prefix of every legacy T1 token.</summary>
    public const string T1Prefix = "T1==";

    // base64url of {"alg":"HS256","typ":"JWT"}
    internal static ReadOnlySpan<byte> JwtHeader => "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"u8;

    private const int SecretStackSize = 256;

    /// <summary>Signs a client token in the given format.</summary>
    /// <param name="claims">What the token says.</param>
    /// <param name="apiSecret">The project's API secret.</param>
    /// <param name="format">JWT or T1.</param>
    /// <returns>The token.</returns>
    public static string Create(ClientTokenClaims claims, string apiSecret, TokenFormat format)
    {
        ArgumentNullException.ThrowIfNull(apiSecret);
        using var secret = new TokenBuffer(Encoding.UTF8.GetMaxByteCount(apiSecret.Length), stackalloc byte[SecretStackSize]);
        var length = Encoding.UTF8.GetBytes(apiSecret, secret.Span);
        return Create(claims, secret.Span[..length], format);
    }

    /// <summary>Signs a client token in the given format, with the API secret already encoded as UTF-8 bytes.</summary>
    /// <param name="claims">What the token says.</param>
    /// <param name="apiSecretUtf8">The API secret as UTF-8 bytes.</param>
    /// <param name="format">JWT or T1.</param>
    /// <returns>The token.</returns>
    public static string Create(ClientTokenClaims claims, ReadOnlySpan<byte> apiSecretUtf8, TokenFormat format) =>
        format == TokenFormat.T1 ? CreateT1(claims, apiSecretUtf8) : CreateJwt(claims, apiSecretUtf8);

    /// <summary>Signs a JWT client token (HS256, key = the API secret).</summary>
    /// <param name="claims">What the token says.</param>
    /// <param name="apiSecret">The project's API secret.</param>
    /// <returns>The compact JWT.</returns>
    public static string CreateJwt(ClientTokenClaims claims, string apiSecret) => Create(claims, apiSecret, TokenFormat.Jwt);

    /// <summary>Signs a JWT client token with the API secret already encoded as UTF-8 bytes.</summary>
    /// <param name="claims">What the token says.</param>
    /// <param name="apiSecretUtf8">The API secret as UTF-8 bytes.</param>
    /// <returns>The compact JWT.</returns>
    public static string CreateJwt(ClientTokenClaims claims, ReadOnlySpan<byte> apiSecretUtf8)
    {
        var payloadBound = 256 + (TokenWriter.MaxJsonBytesPerChar * (claims.ApiKey.Length + claims.SessionId.Length
            + (claims.ConnectionData?.Length ?? 0) + LayoutLength(claims.InitialLayoutClassList)));
        var tokenBound = JwtHeader.Length + 1 + Base64Url.GetEncodedLength(payloadBound) + 1 + Base64Url.GetEncodedLength(HMACSHA256.HashSizeInBytes);
        using var buffer = new TokenBuffer(payloadBound + tokenBound, stackalloc byte[TokenBuffer.StackSize]);

        var payload = new TokenWriter(buffer.Span[..payloadBound]);
        payload.Append("{\"iss\":\""u8);
        payload.AppendJsonEscaped(claims.ApiKey);
        payload.Append("\",\"ist\":\"project\",\"iat\":"u8);
        payload.AppendInt64(claims.IssuedAt.ToUnixTimeSeconds());
        payload.Append(",\"exp\":"u8);
        payload.AppendInt64(claims.ExpiresAt.ToUnixTimeSeconds());
        payload.Append(",\"nonce\":"u8);
        payload.AppendInt64(claims.Nonce);
        payload.Append(",\"scope\":\"session.connect\",\"session_id\":\""u8);
        payload.AppendJsonEscaped(claims.SessionId);
        payload.Append("\",\"role\":\""u8);
        payload.AppendText(claims.Role.ToWireValue());
        payload.Append("\",\"initial_layout_class_list\":\""u8);
        AppendLayoutJson(ref payload, claims.InitialLayoutClassList);
        payload.Append((byte)'"');
        if (claims.ConnectionData is not null)
        {
            payload.Append(",\"connection_data\":\""u8);
            payload.AppendJsonEscaped(claims.ConnectionData);
            payload.Append((byte)'"');
        }

        payload.Append((byte)'}');
        return SignJwt(payload.Written, apiSecretUtf8, buffer.Span[payloadBound..]);
    }

    /// <summary>Signs a legacy T1 client token (HMAC-SHA1 over a form-URL-encoded data string).</summary>
    /// <param name="claims">What the token says.</param>
    /// <param name="apiSecret">The project's API secret.</param>
    /// <returns>The token, starting <c>T1==</c>.</returns>
    public static string CreateT1(ClientTokenClaims claims, string apiSecret) => Create(claims, apiSecret, TokenFormat.T1);

    /// <summary>Signs a legacy T1 client token with the API secret already encoded as UTF-8 bytes.</summary>
    /// <param name="claims">What the token says.</param>
    /// <param name="apiSecretUtf8">The API secret as UTF-8 bytes.</param>
    /// <returns>The token, starting <c>T1==</c>.</returns>
    public static string CreateT1(ClientTokenClaims claims, ReadOnlySpan<byte> apiSecretUtf8)
    {
        // The signed text is "partner_id=<key>&sig=<hex>:<data>": write the data where it will finally sit,
        // sign it there, then fill in the signature in front of it.
        var prefixLength = "partner_id="u8.Length + Encoding.UTF8.GetMaxByteCount(claims.ApiKey.Length) + "&sig="u8.Length + (2 * HMACSHA1.HashSizeInBytes) + 1;
        var dataBound = 160 + (TokenWriter.MaxFormBytesPerChar * (claims.SessionId.Length + (claims.ConnectionData?.Length ?? 0)
            + LayoutLength(claims.InitialLayoutClassList)));
        var innerBound = prefixLength + dataBound;
        var tokenBound = T1Prefix.Length + Base64.GetMaxEncodedToUtf8Length(innerBound);
        using var buffer = new TokenBuffer(innerBound + tokenBound, stackalloc byte[TokenBuffer.StackSize]);

        var prefix = new TokenWriter(buffer.Span);
        prefix.Append("partner_id="u8);
        prefix.AppendText(claims.ApiKey);
        prefix.Append("&sig="u8);
        var signatureAt = prefix.Length;
        prefix.Advance(2 * HMACSHA1.HashSizeInBytes);
        prefix.Append((byte)':');

        var dataAt = prefix.Length;
        var data = new TokenWriter(buffer.Span[dataAt..innerBound]);
        data.Append("session_id="u8);
        data.AppendFormEncoded(claims.SessionId);
        data.Append("&create_time="u8);
        data.AppendInt64(claims.IssuedAt.ToUnixTimeSeconds());
        data.Append("&expire_time="u8);
        data.AppendInt64(claims.ExpiresAt.ToUnixTimeSeconds());
        data.Append("&role="u8);
        data.AppendText(claims.Role.ToWireValue());
        data.Append("&nonce="u8);
        data.AppendInt64(claims.Nonce);
        if (claims.ConnectionData is not null)
        {
            data.Append("&connection_data="u8);
            data.AppendFormEncoded(claims.ConnectionData);
        }

        data.Append("&initial_layout_class_list="u8);
        for (var i = 0; i < claims.InitialLayoutClassList.Count; i++)
        {
            if (i > 0)
            {
                data.Append((byte)'+'); // a form-encoded space
            }

            data.AppendFormEncoded(claims.InitialLayoutClassList[i]);
        }

        Span<byte> signature = stackalloc byte[HMACSHA1.HashSizeInBytes];
        KeyedHmac.Sha1(apiSecretUtf8, data.Written, signature);
        var hex = new TokenWriter(buffer.Span.Slice(signatureAt, 2 * HMACSHA1.HashSizeInBytes));
        hex.AppendHexLower(signature);

        var inner = buffer.Span[..(dataAt + data.Length)];
        var token = buffer.Span[innerBound..];
        "T1=="u8.CopyTo(token);
        Base64.EncodeToUtf8(inner, token[T1Prefix.Length..], out _, out var encoded);
        return Encoding.ASCII.GetString(token[..(T1Prefix.Length + encoded)]);
    }

    /// <summary>
    /// Completes a compact JWT: <c>header.base64url(payload).base64url(HMAC-SHA256)</c>, written into
    /// <paramref name="scratch"/> and returned as the one allocated string.
    /// </summary>
    internal static string SignJwt(ReadOnlySpan<byte> payloadJson, ReadOnlySpan<byte> secret, Span<byte> scratch)
    {
        var token = new TokenWriter(scratch);
        token.Append(JwtHeader);
        token.Append((byte)'.');
        token.Advance(Base64Url.EncodeToUtf8(payloadJson, token.Free));
        Span<byte> signature = stackalloc byte[HMACSHA256.HashSizeInBytes];
        KeyedHmac.Sha256(secret, token.Written, signature);
        token.Append((byte)'.');
        token.Advance(Base64Url.EncodeToUtf8(signature, token.Free));
        return Encoding.ASCII.GetString(token.Written);
    }

    internal static void AppendLayoutJson(ref TokenWriter writer, IReadOnlyList<string> classes)
    {
        for (var i = 0; i < classes.Count; i++)
        {
            if (i > 0)
            {
                writer.Append((byte)' ');
            }

            writer.AppendJsonEscaped(classes[i]);
        }
    }

    internal static int LayoutLength(IReadOnlyList<string> classes)
    {
        var length = classes.Count;
        for (var i = 0; i < classes.Count; i++)
        {
            length += classes[i].Length;
        }

        return length;
    }
}
