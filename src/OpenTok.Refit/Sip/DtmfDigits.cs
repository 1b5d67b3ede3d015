using System.Globalization;

namespace OpenTok.Refit;

/// <summary>
/// The rule for DTMF digits, the same for the SDK and the emulator: at least one character, each a digit <c>0</c>–<c>9</c>,
/// <c>*</c>, <c>#</c> or <c>p</c> (a 500 ms pause). The service answers 400 to anything else.
/// </summary>
internal static class DtmfDigits
{
    /// <summary>Every character the service plays.</summary>
    public const string Allowed = "0123456789*#p";

    /// <summary>Why <paramref name="digits"/> cannot be played, naming the first bad character; <see langword="null"/> when it can.</summary>
    public static string? Problem(string? digits, string name)
    {
        if (string.IsNullOrEmpty(digits))
        {
            return $"{name} must hold at least one of 0-9, *, # and p.";
        }

        for (var i = 0; i < digits.Length; i++)
        {
            if (!Allowed.Contains(digits[i], StringComparison.Ordinal))
            {
                return $"{name} may hold only 0-9, *, # and p (a 500 ms pause); {Describe(digits[i])} at position {i + 1} is not one of them.";
            }
        }

        return null;
    }

    /// <summary>Refuses digits the service would not play.</summary>
    /// <exception cref="OpenTokArgumentException">The digits are empty or hold another character; the message names the first.</exception>
    public static void Ensure(string? digits, string paramName)
    {
        if (Problem(digits, paramName) is { } problem)
        {
            throw new OpenTokArgumentException(problem, paramName);
        }
    }

    // A control or invisible character is shown by its code point, so that the message says what it was.
    private static string Describe(char c) =>
        char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format
            ? $"U+{(int)c:X4}"
            : $"'{c}'";
}
