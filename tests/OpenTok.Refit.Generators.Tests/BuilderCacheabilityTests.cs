using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OpenTok.Refit.Generators.Builders;

namespace OpenTok.Refit.Generators.Tests;

/// <summary>
/// The pipeline caches: after an unrelated edit every named step is Cached or Unchanged, and no step's output holds
/// a compilation, symbol, syntax node or location (which would keep old compilations alive and defeat caching).
/// </summary>
public sealed class BuilderCacheabilityTests
{
    // A valid record (a model to emit) and an invalid one (a diagnostic to report), so every step has outputs.
    private const string Records = """
        using System.Collections.Generic;
        using OpenTok.Refit;

        namespace Sample;

        [GenerateBuilder]
        public sealed partial record Valid
        {
            public string? Data { get; init; }

            public IReadOnlyList<string> Tags { get; init; } = [];
        }

        [GenerateBuilder]
        public sealed partial record Invalid
        {
            public string Fixed { get; } = "";
        }
        """;

    private static readonly IReadOnlyList<string> s_trackingNames = Cacheability.TrackingNamesOf(typeof(BuilderTrackingNames));

    [Fact]
    public void Every_named_step_is_cached_or_unchanged_after_an_unrelated_edit()
    {
        var compilation = GeneratorHarness.CreateCompilation(Records, Cacheability.UnrelatedSource);
        Cacheability.AssertUnrelatedEditIsCached(GeneratorHarness.CreateDriver(), compilation, s_trackingNames);
    }

    [Fact]
    public void Edits_to_a_record_rerun_only_what_they_change()
    {
        var compilation = GeneratorHarness.CreateCompilation(Records);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken);

        var oldTree = compilation.SyntaxTrees.Single();
        var newTree = CSharpSyntaxTree.ParseText(
            Records.Replace("public string? Data", "public string? Text", StringComparison.Ordinal), GeneratorHarness.ParseOptions, path: "Input0.cs", cancellationToken: TestContext.Current.CancellationToken);
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(oldTree, newTree), TestContext.Current.CancellationToken);
        var result = driver.GetRunResult().Results.Single();

        var models = result.TrackedSteps[BuilderTrackingNames.Models].SelectMany(step => step.Outputs).ToList();
        Assert.Contains(models, output => output.Reason == IncrementalStepRunReason.Modified);
        var diagnostics = result.TrackedSteps[BuilderTrackingNames.Diagnostics].SelectMany(step => step.Outputs).ToList();
        Assert.All(diagnostics, output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.Contains("public Builder Text(string? text)", result.GeneratedSources.Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void No_step_output_holds_a_compilation_symbol_syntax_node_or_location()
    {
        var driver = GeneratorHarness.CreateDriver().RunGenerators(
            GeneratorHarness.CreateCompilation(Records, Cacheability.UnrelatedSource), TestContext.Current.CancellationToken);
        var result = driver.GetRunResult().Results.Single();

        foreach (var name in s_trackingNames)
        {
            foreach (var (value, _) in result.TrackedSteps[name].SelectMany(step => step.Outputs))
            {
                StepOutputs.AssertHoldsNoRoslynObjects(value, name);
            }
        }
    }
}
