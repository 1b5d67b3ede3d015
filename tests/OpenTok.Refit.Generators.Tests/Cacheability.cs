using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace OpenTok.Refit.Generators.Tests;

/// <summary>The incremental-caching check every generator must pass.</summary>
internal static class Cacheability
{
    /// <summary>A file that has nothing to do with any generator; the check edits it (41 → 42).</summary>
    public const string UnrelatedSource = """
        namespace Sample;

        internal static class Unrelated
        {
            public static int Answer() => 41;
        }
        """;

    /// <summary>The step names a generator declares as constants on <paramref name="trackingNames"/>.</summary>
    public static IReadOnlyList<string> TrackingNamesOf(Type trackingNames) => trackingNames
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(field => field.IsLiteral)
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToArray();

    /// <summary>
    /// Runs <paramref name="driver"/> over <paramref name="compilation"/> (made with <see cref="UnrelatedSource"/> as its
    /// second file), edits that file, runs again, and asserts every named step ran the first time and was
    /// <c>Cached</c> or <c>Unchanged</c> the second, and every output step <c>Cached</c>.
    /// </summary>
    public static void AssertUnrelatedEditIsCached(GeneratorDriver driver, Compilation compilation, IReadOnlyList<string> trackingNames)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        driver = driver.RunGenerators(compilation, cancellationToken);
        var first = driver.GetRunResult().Results.Single();

        var oldTree = compilation.SyntaxTrees.Single(tree => tree.FilePath == "Input1.cs");
        var edited = UnrelatedSource.Replace("41", "42", StringComparison.Ordinal);
        var newTree = CSharpSyntaxTree.ParseText(edited, GeneratorHarness.ParseOptions, path: oldTree.FilePath, cancellationToken: cancellationToken);
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(oldTree, newTree), cancellationToken);
        var second = driver.GetRunResult().Results.Single();

        Assert.NotEmpty(trackingNames);
        foreach (var name in trackingNames)
        {
            Assert.True(first.TrackedSteps.ContainsKey(name), $"Step '{name}' did not run.");
            Assert.NotEmpty(first.TrackedSteps[name].SelectMany(step => step.Outputs));

            var reasons = second.TrackedSteps[name].SelectMany(step => step.Outputs).Select(output => output.Reason).ToList();
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Step '{name}' was {reason}."));
        }

        Assert.All(
            second.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }
}
