using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace OpenTok.Refit.Generators.Tests;

/// <summary>The incremental-caching check both generators must pass.</summary>
internal static class Cacheability
{
    /// <summary>
    /// Runs <paramref name="driver"/> over <paramref name="compilation"/>, replaces the file <paramref name="unrelatedFile"/>
    /// with <paramref name="editedSource"/>, runs again, and asserts every named step ran the first time and was
    /// <c>Cached</c> or <c>Unchanged</c> the second, and every output step <c>Cached</c>.
    /// </summary>
    public static void AssertUnrelatedEditIsCached(GeneratorDriver driver, Compilation compilation, string unrelatedFile, string editedSource, IReadOnlyList<string> trackingNames)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        driver = driver.RunGenerators(compilation, cancellationToken);
        var first = driver.GetRunResult().Results.Single();

        var oldTree = compilation.SyntaxTrees.Single(tree => tree.FilePath == unrelatedFile);
        var newTree = CSharpSyntaxTree.ParseText(editedSource, GeneratorHarness.ParseOptions, path: unrelatedFile, cancellationToken: cancellationToken);
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(oldTree, newTree), cancellationToken);
        var second = driver.GetRunResult().Results.Single();

        Assert.Equal(3, trackingNames.Count);
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
