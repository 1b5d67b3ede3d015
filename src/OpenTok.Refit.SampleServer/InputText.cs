using System.Globalization;
using System.Text;

namespace OpenTok.Refit.SampleServer;

/// <summary>
/// Quotes what a client sent inside an error message: at most <see cref="MaxQuotedLength"/> characters of it, with
/// invisible characters written as <c>\uXXXX</c>. A 10 MB value must not come back as a 20 MB problem (it would be
/// quoted in <c>detail</c> and again in <c>errors</c>), and a right-to-left override must not reorder the message.
/// </summary>
internal static class InputText
{
    /// <summary>The most characters of one input an error message quotes.</summary>
    public const int MaxQuotedLength = 100;

    /// <summary>The value in single quotes, cut to <see cref="MaxQuotedLength"/> characters with its full length said.</summary>
    /// <param name="value">What the client sent.</param>
    /// <returns>For example <c>'abc'</c>, or <c>'xxxx…' (60000 characters)</c>.</returns>
    public static string Quote(string value)
    {
        var shown = value.Length <= MaxQuotedLength ? value : value[..CutAt(value)];
        var quoted = new StringBuilder(shown.Length + 32).Append('\'');
        foreach (var rune in shown.EnumerateRunes())
        {
            if (IsInvisible(rune))
            {
                quoted.Append(CultureInfo.InvariantCulture, $"\\u{rune.Value:X4}");
            }
            else
            {
                quoted.Append(rune.ToString());
            }
        }

        return shown.Length == value.Length
            ? quoted.Append('\'').ToString()
            : quoted.Append(CultureInfo.InvariantCulture, $"…' ({value.Length} characters)").ToString();
    }

    /// <summary>Characters that show nothing, or change how the text around them shows: control, format, separators other than a space, unassigned, private use.</summary>
    /// <param name="rune">The character.</param>
    /// <returns>True if a reader would not see it as itself.</returns>
    public static bool IsInvisible(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => true,
        UnicodeCategory.SpaceSeparator => rune.Value != ' ', // a no-break or ideographic space looks like a space but is not one
        _ => false,
    };

    // Never between the two halves of a surrogate pair.
    private static int CutAt(string value) => char.IsHighSurrogate(value[MaxQuotedLength - 1]) ? MaxQuotedLength - 1 : MaxQuotedLength;
}
