using System;
using Microsoft.CodeAnalysis.CSharp;

namespace OpenTok.Refit.Generators.Infrastructure;

/// <summary>Turns member names into the names generated code uses (parameters, singular forms, escaped identifiers).</summary>
internal static class Naming
{
    // Plurals the suffix rules below would get wrong.
    private static readonly (string Plural, string Singular)[] s_irregularPlurals =
    [
        ("Children", "Child"),
        ("People", "Person"),
        ("Indices", "Index"),
        ("Matrices", "Matrix"),
        ("Vertices", "Vertex"),
        ("Criteria", "Criterion"),
    ];

    /// <summary>
    /// The singular of a (Pascal-cased) collection property name, for its <c>Add…</c> method:
    /// <c>InitialLayoutClassList</c> → <c>InitialLayoutClass</c>, <c>ExcludedStreamIds</c> → <c>ExcludedStreamId</c>,
    /// <c>Policies</c> → <c>Policy</c>, <c>Addresses</c> → <c>Address</c>. A name that is not recognisably plural is kept.
    /// </summary>
    public static string Singularize(string name)
    {
        if (name.Length > "List".Length && name.EndsWith("List", StringComparison.Ordinal))
        {
            return name.Substring(0, name.Length - "List".Length);
        }

        foreach (var (plural, singular) in s_irregularPlurals)
        {
            if (EndsWithWord(name, plural))
            {
                return name.Substring(0, name.Length - plural.Length) + singular;
            }
        }

        if (EndsWithLower(name, "ies") && name.Length > 4)
        {
            return name.Substring(0, name.Length - 3) + "y";
        }

        foreach (var suffix in new[] { "sses", "shes", "ches", "xes", "zzes" })
        {
            if (EndsWithLower(name, suffix))
            {
                return name.Substring(0, name.Length - 2);
            }
        }

        // "Status", "Analysis", "Class" are already singular.
        foreach (var suffix in new[] { "ss", "us", "is" })
        {
            if (EndsWithLower(name, suffix))
            {
                return name;
            }
        }

        if (name.Length > 1 && name[name.Length - 1] == 's')
        {
            return name.Substring(0, name.Length - 1);
        }

        return name;
    }

    /// <summary>
    /// camelCase as System.Text.Json writes it: the leading run of capitals is lowered, except the last one
    /// when it starts the next word (<c>URLValue</c> → <c>urlValue</c>, <c>Id</c> → <c>id</c>).
    /// </summary>
    public static string ToCamelCase(string name)
    {
        if (name.Length == 0 || !char.IsUpper(name[0]))
        {
            return name;
        }

        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (i == 1 && !char.IsUpper(chars[i]))
            {
                break;
            }

            var nextIsLower = i + 1 < chars.Length && char.IsLower(chars[i + 1]);
            if (i > 0 && nextIsLower)
            {
                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }

    /// <summary>Prefixes <c>@</c> when <paramref name="identifier"/> is a reserved C# keyword (<c>class</c> → <c>@class</c>).</summary>
    public static string EscapeIdentifier(string identifier) =>
        SyntaxFacts.IsReservedKeyword(SyntaxFacts.GetKeywordKind(identifier)) ? "@" + identifier : identifier;

    private static bool EndsWithLower(string name, string suffix) =>
        name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal);

    // The irregular plurals are Pascal-cased, so an ordinal suffix match only hits a whole trailing word ("StreamChildren").
    private static bool EndsWithWord(string name, string word) => name.EndsWith(word, StringComparison.Ordinal);
}
