using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace OpenTok.Refit.Generators.Tests;

/// <summary>
/// Checks on incremental pipeline step outputs: a step that holds a compilation, symbol, syntax node or location keeps
/// old compilations alive and never compares equal across runs, which defeats caching.
/// </summary>
internal static class StepOutputs
{
    private static readonly Type[] s_forbidden =
        [typeof(Compilation), typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(SemanticModel), typeof(Location)];

    /// <summary>Walks every field (and every item of every collection) reachable from a step's output, failing on a Roslyn object.</summary>
    public static void AssertHoldsNoRoslynObjects(object? value, string path) =>
        AssertHoldsNoRoslynObjects(value, path, new HashSet<object>(ReferenceEqualityComparer.Instance));

    private static void AssertHoldsNoRoslynObjects(object? value, string path, HashSet<object> visited)
    {
        if (value is null)
        {
            return;
        }

        var type = value.GetType();
        Assert.False(
            s_forbidden.Any(forbidden => forbidden.IsAssignableFrom(type)),
            $"A pipeline step output holds a {type.Name} at {path}.");

        if (type.IsPrimitive || type.IsEnum || value is string || value is Pointer)
        {
            return;
        }

        if (!type.IsValueType && !visited.Add(value))
        {
            return;
        }

        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                AssertHoldsNoRoslynObjects(item, $"{path}[{index++}]", visited);
            }
        }

        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer || field.FieldType.IsByRefLike)
                {
                    continue;
                }

                AssertHoldsNoRoslynObjects(field.GetValue(value), $"{path}.{field.Name}", visited);
            }
        }
    }
}
