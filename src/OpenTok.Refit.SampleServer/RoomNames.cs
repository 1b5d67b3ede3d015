using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace OpenTok.Refit.SampleServer;

/// <summary>
/// What a room name may be. A room is found by its name, so two names a person cannot tell apart must not be two rooms,
/// and a name must not change how the text around it reads:
/// <list type="bullet">
/// <item>It is taken in Unicode normalization form C, so <c>é</c> typed as one character or as <c>e</c> plus a combining accent is one room.</item>
/// <item>It is 1 to <see cref="MaxLength"/> characters (UTF-16 code units) once normalized, and does not start or end with whitespace.</item>
/// <item>It holds no control, format (zero-width, direction-changing, byte order mark, soft hyphen…), unassigned, private-use or
/// line/paragraph separator characters, and no space other than U+0020.</item>
/// <item>It holds no <c>%</c> and no <c>/</c>: Kestrel decodes the path but leaves <c>%2F</c> (and bytes that are not UTF-8) encoded,
/// so <c>/room/a%2Fb</c> and <c>/room/a%252Fb</c> both arrive as <c>a%2Fb</c>; refusing <c>%</c> keeps them from being one room.</item>
/// </list>
/// Letters, marks, digits, punctuation, symbols and emoji of any script are welcome.
/// </summary>
internal static class RoomNames
{
    /// <summary>The longest room name, in UTF-16 code units after normalization: it becomes the archive name.</summary>
    public const int MaxLength = 80;

    private static readonly SearchValues<char> Ambiguous = SearchValues.Create("%/");

    /// <summary>Checks a room name as it came in the path and gives its normalized form.</summary>
    /// <param name="raw">The <c>{name}</c> route value (the path segment as Kestrel decoded it).</param>
    /// <param name="name">The room's name in normalization form C, when it is acceptable.</param>
    /// <param name="problem">What is wrong with it, when it is not.</param>
    /// <returns>True if <paramref name="raw"/> is an acceptable room name.</returns>
    public static bool TryNormalize(string raw, [NotNullWhen(true)] out string? name, [NotNullWhen(false)] out string? problem)
    {
        name = null;
        if (!IsWellFormed(raw))
        {
            problem = $"A room name must be Unicode text; {InputText.Quote(raw)} is not.";
            return false;
        }

        if (raw.AsSpan().ContainsAny(Ambiguous))
        {
            problem = $"A room name may not contain '%' or '/' (an encoded slash could not be told from the same text typed out): {InputText.Quote(raw)}.";
            return false;
        }

        var normalized = raw.IsNormalized(NormalizationForm.FormC) ? raw : raw.Normalize(NormalizationForm.FormC);
        if (normalized.Length is 0 or > MaxLength)
        {
            problem = $"A room name is 1 to {MaxLength} characters; {InputText.Quote(normalized)} is {normalized.Length}.";
            return false;
        }

        if (char.IsWhiteSpace(normalized[0]) || char.IsWhiteSpace(normalized[^1]))
        {
            problem = $"A room name may not start or end with whitespace: {InputText.Quote(normalized)}.";
            return false;
        }

        var position = 0;
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (InputText.IsInvisible(rune))
            {
                problem = string.Create(CultureInfo.InvariantCulture,
                    $"A room name may not contain invisible, control or direction-changing characters: {InputText.Quote(normalized)} has U+{rune.Value:X4} ({Rune.GetUnicodeCategory(rune)}) at character {position + 1}.");
                return false;
            }

            position += rune.Utf16SequenceLength;
        }

        name = normalized;
        problem = null;
        return true;
    }

    // Normalize() throws on a lone surrogate; Kestrel's UTF-8 decoding never makes one, but the rule must not depend on that.
    private static bool IsWellFormed(string value)
    {
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out _, out var consumed) != OperationStatus.Done)
            {
                return false;
            }

            rest = rest[consumed..];
        }

        return true;
    }
}
