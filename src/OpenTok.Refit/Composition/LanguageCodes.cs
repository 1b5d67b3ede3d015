namespace OpenTok.Refit;

/// <summary>
/// The shape of the spoken-language codes live captions and transcriptions take: a BCP-47 language and region,
/// <c>en-US</c>, <c>fr-CA</c>, <c>ckb-IQ</c> (two or three lower-case letters, a hyphen, two upper-case letters).
/// Only the shape is checked: the service adds languages over time (its transcription provider's list), and a
/// list kept here would refuse the new ones; the service answers 400 to a code it does not take.
/// </summary>
internal static class LanguageCodes
{
    /// <summary>Whether <paramref name="code"/> has the shape of a language code.</summary>
    public static bool IsWellFormed(string? code)
    {
        if (code is null)
        {
            return false;
        }

        var hyphen = code.IndexOf('-', StringComparison.Ordinal);
        return hyphen is 2 or 3
            && code.Length == hyphen + 3
            && code.AsSpan(0, hyphen).ContainsAnyExceptInRange('a', 'z') is false
            && code.AsSpan(hyphen + 1).ContainsAnyExceptInRange('A', 'Z') is false;
    }
}
