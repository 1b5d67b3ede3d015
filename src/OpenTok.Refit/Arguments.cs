using System.Diagnostics.CodeAnalysis;
using OpenTok.Refit.Tokens;

namespace OpenTok.Refit;

/// <summary>
/// The argument checks every area client makes before it sends anything. Each throws
/// <see cref="OpenTokArgumentException"/> naming the parameter and the rule; a bad value is quoted short, so a
/// megabyte of input never becomes a megabyte of exception message.
/// </summary>
internal static class Arguments
{
    /// <summary>The most characters of a rejected value an error message quotes.</summary>
    public const int MaxQuotedLength = 100;

    /// <summary>Refuses a null, empty or whitespace value.</summary>
    public static void EnsureNotEmpty([NotNull] string? value, string paramName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new OpenTokArgumentException($"{paramName} must not be null or empty.", paramName);
        }
    }

    /// <summary>The length of a UUID in its usual form, <c>5f6a1f0e-9b3e-4f6a-8f0e-1f0e9b3e4f6a</c>.</summary>
    private const int UuidLength = 36;

    /// <summary>
    /// Refuses anything but a UUID in its usual form (<c>5f6a1f0e-…</c>), the form of archive, broadcast and render
    /// ids. Exactly that form: <see cref="Guid.TryParseExact(string, string, out Guid)"/> alone also takes surrounding
    /// white space, which would put <c>%0D%0A</c> into a request path.
    /// </summary>
    public static void EnsureUuid(string? value, string paramName, string what)
    {
        EnsureNotEmpty(value, paramName);
        if (value.Length != UuidLength || !Guid.TryParseExact(value, "D", out _))
        {
            throw new OpenTokArgumentException($"{paramName} must be {what} (a UUID such as 5f6a1f0e-9b3e-4f6a-8f0e-1f0e9b3e4f6a); {Quote(value)} is not.", paramName);
        }
    }

    /// <summary>
    /// Refuses an id of unpublished format that cannot be one path segment: empty, with white space or control
    /// characters, or with <c>/</c>, <c>?</c>, <c>#</c> or <c>%</c>, which would change the request's path.
    /// </summary>
    public static void EnsurePathSegment([NotNull] string? value, string paramName)
    {
        EnsureNotEmpty(value, paramName);
        if (value.Length > 200 || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '?' or '#' or '%' or '\\'))
        {
            throw new OpenTokArgumentException($"{paramName} must be an id of at most 200 characters without white space, '/', '?', '#', '%' or '\\'; {Quote(value)} is not.", paramName);
        }
    }

    /// <summary>Refuses a session id that does not decode or belongs to another project.</summary>
    public static void EnsureSessionOf(string? sessionId, string apiKey, string paramName) =>
        SessionId.EnsureBelongsTo(sessionId, apiKey, paramName);

    /// <summary>A value for an error message: in quotes, and cut to <see cref="MaxQuotedLength"/> characters.</summary>
    public static string Quote(string? value) =>
        value is null ? "null"
        : value.Length <= MaxQuotedLength ? $"'{value}'"
        : $"'{value[..MaxQuotedLength]}…' ({value.Length} characters)";
}
