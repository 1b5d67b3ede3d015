using System.Collections.Generic;
using System.Linq;

namespace OpenTok.Refit.Generators.RestClients;

/// <summary>Reads path templates: literal text and <c>{name}</c> placeholders.</summary>
internal static class PathTemplate
{
    /// <summary>
    /// Adds the template's parts to <paramref name="parts"/> and returns null, or returns what is wrong with it. A placeholder's
    /// <see cref="PathPart.ParameterName"/> is its own name here; the parser maps it to the method parameter that fills it.
    /// </summary>
    public static string? Parse(string template, List<PathPart> parts)
    {
        var literal = new System.Text.StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c is '?' or '#')
            {
                return "contains '" + c + "'";
            }

            if (c == '}')
            {
                return "has a '}' that closes nothing";
            }

            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            var close = template.IndexOf('}', i + 1);
            if (close < 0)
            {
                return "has a '{' that is never closed";
            }

            var name = template.Substring(i + 1, close - i - 1);
            if (name.Length == 0 || name.Any(ch => char.IsWhiteSpace(ch) || ch is '{' or '/'))
            {
                return "has the placeholder '{" + name + "}', which is not a parameter name";
            }

            if (literal.Length > 0)
            {
                parts.Add(new PathPart(literal.ToString(), null));
                literal.Clear();
            }

            parts.Add(new PathPart(name, name));
            i = close;
        }

        if (literal.Length > 0)
        {
            parts.Add(new PathPart(literal.ToString(), null));
        }

        return null;
    }
}

/// <summary>HTTP header names (RFC 9110 tokens).</summary>
internal static class HttpToken
{
    private const string Symbols = "!#$%&'*+-.^_`|~";

    public static bool IsValid(string name) =>
        name.Length > 0 && name.All(c => c < 128 && (char.IsLetterOrDigit(c) || Symbols.IndexOf(c) >= 0));
}
