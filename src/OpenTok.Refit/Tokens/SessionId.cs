using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace OpenTok.Refit.Tokens;

/// <summary>What a session id says about itself once decoded.</summary>
/// <param name="Value">The session id as given.</param>
/// <param name="ApiKey">The API key (partner id) of the project that owns the session.</param>
/// <param name="Location">The location hint the session was created with; empty when none.</param>
/// <param name="CreatedAt">The creation date as the server wrote it (free text, e.g. <c>Sat Mar 15 14:42:23 PDT 2014</c>).</param>
/// <param name="Fields">Every <c>~</c>-separated field of the decoded payload.</param>
public sealed record DecodedSessionId(string Value, string ApiKey, string Location, string CreatedAt, IReadOnlyList<string> Fields);

/// <summary>
/// Session ids: <c>1_</c> (or <c>2_</c>) followed by URL-safe base64 of <c>~</c>-separated fields, the second of
/// which is the owning API key. Pure functions; nothing here talks to the server.
/// </summary>
public static class SessionId
{
    // A real id is under 100 characters; anything longer than this is not one, and is rejected before decoding.
    private const int MaxLength = 512;

    /// <summary>Decodes <paramref name="sessionId"/>; <see langword="null"/> when it is not a well-formed session id.</summary>
    /// <param name="sessionId">A session id as the server returns it.</param>
    /// <returns>The decoded fields, or <see langword="null"/>.</returns>
    public static DecodedSessionId? Decode(string? sessionId)
    {
        if (sessionId is null)
        {
            return null;
        }

        Span<byte> payload = stackalloc byte[MaxLength];
        if (!TryDecodePayload(sessionId, payload, out var length))
        {
            return null;
        }

        var fields = Encoding.UTF8.GetString(payload[..length]).Split('~');
        return fields.Length < 2 || fields[1].Length == 0
            ? null
            : new DecodedSessionId(sessionId, fields[1], fields.Length > 2 ? fields[2] : "", fields.Length > 3 ? fields[3] : "", fields);
    }

    /// <summary>Whether <paramref name="sessionId"/> decodes and belongs to <paramref name="apiKey"/>. Allocates nothing.</summary>
    /// <param name="sessionId">A session id.</param>
    /// <param name="apiKey">The API key it should belong to.</param>
    /// <returns><see langword="true"/> when the id's API key field equals <paramref name="apiKey"/>.</returns>
    public static bool BelongsTo(string? sessionId, string? apiKey) =>
        sessionId is not null && apiKey is not null && Check(sessionId, apiKey) == SessionIdCheck.Valid;

    /// <summary>Throws unless <paramref name="sessionId"/> decodes and belongs to <paramref name="apiKey"/>. Allocates nothing when it does.</summary>
    /// <param name="sessionId">The session id to check.</param>
    /// <param name="apiKey">The API key it must belong to.</param>
    /// <param name="paramName">The parameter name to report.</param>
    /// <exception cref="OpenTokArgumentException">The id is empty, does not decode, or belongs to another API key.</exception>
    public static void EnsureBelongsTo(string? sessionId, string apiKey, string paramName = "sessionId")
    {
        if (string.IsNullOrEmpty(sessionId))
        {
            throw new OpenTokArgumentException("The session id must not be null or empty.", paramName);
        }

        switch (Check(sessionId, apiKey))
        {
            case SessionIdCheck.Valid:
                return;
            case SessionIdCheck.OtherApiKey:
                throw new OpenTokArgumentException(
                    $"The session id '{sessionId}' belongs to another API key, not to '{apiKey}'; a token can only be signed for this project's sessions.",
                    paramName);
            default:
                throw new OpenTokArgumentException(
                    $"The session id '{sessionId}' is not a valid OpenTok session id (expected '1_' or '2_' followed by URL-safe base64).",
                    paramName);
        }
    }

    /// <summary>
    /// Makes a session id in the real format, for the emulator and tests: <c>1_</c> + URL-safe base64 (unpadded)
    /// of <c>1~apiKey~location~createdAt~random~</c>.
    /// </summary>
    /// <param name="apiKey">The owning API key.</param>
    /// <param name="location">The location hint, or empty.</param>
    /// <param name="createdAt">The creation time.</param>
    /// <param name="random">A random fraction in [0, 1) that makes the id unique.</param>
    /// <returns>The new session id.</returns>
    public static string Create(string apiKey, string location, DateTimeOffset createdAt, double random)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        var created = createdAt.UtcDateTime.ToString("ddd MMM dd HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture);
        var payload = $"1~{apiKey}~{location}~{created}~{random.ToString("0.################", CultureInfo.InvariantCulture)}~";
        return "1_" + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload));
    }

    internal enum SessionIdCheck
    {
        Valid,
        Malformed,
        OtherApiKey,
    }

    internal static SessionIdCheck Check(ReadOnlySpan<char> sessionId, ReadOnlySpan<char> apiKey)
    {
        Span<byte> payload = stackalloc byte[MaxLength];
        if (!TryDecodePayload(sessionId, payload, out var length))
        {
            return SessionIdCheck.Malformed;
        }

        // Field 1 (between the first and second '~') is the API key.
        var decoded = payload[..length];
        var first = decoded.IndexOf((byte)'~');
        if (first < 0)
        {
            return SessionIdCheck.Malformed;
        }

        var rest = decoded[(first + 1)..];
        var second = rest.IndexOf((byte)'~');
        var keyField = second < 0 ? rest : rest[..second];
        if (keyField.IsEmpty)
        {
            return SessionIdCheck.Malformed;
        }

        if (keyField.Length != apiKey.Length)
        {
            return SessionIdCheck.OtherApiKey;
        }

        for (var i = 0; i < keyField.Length; i++)
        {
            if (keyField[i] != apiKey[i])
            {
                return SessionIdCheck.OtherApiKey;
            }
        }

        return SessionIdCheck.Valid;
    }

    private static bool TryDecodePayload(ReadOnlySpan<char> sessionId, Span<byte> payload, out int length)
    {
        length = 0;
        if (sessionId.Length < 3 || sessionId.Length > MaxLength || sessionId[1] != '_' || sessionId[0] is not ('1' or '2'))
        {
            return false;
        }

        // Ids are URL-safe base64, but some tools hand them around in the standard alphabet or padded: accept both.
        Span<char> normalized = stackalloc char[sessionId.Length - 2];
        var count = 0;
        foreach (var c in sessionId[2..])
        {
            switch (c)
            {
                case '+': normalized[count++] = '-'; break;
                case '/': normalized[count++] = '_'; break;
                case '=': break;
                default: normalized[count++] = c; break;
            }
        }

        // TryDecodeFromChars throws on characters outside the alphabet; a bad id is an answer here, not an error.
        return Base64Url.IsValid(normalized[..count], out var decodedLength)
            && decodedLength <= payload.Length
            && Base64Url.TryDecodeFromChars(normalized[..count], payload, out length);
    }
}
