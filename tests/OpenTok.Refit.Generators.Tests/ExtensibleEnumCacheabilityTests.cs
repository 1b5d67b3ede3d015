using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OpenTok.Refit.Generators.ExtensibleEnums;

namespace OpenTok.Refit.Generators.Tests;

/// <summary>
/// The pipeline caches: after an unrelated edit every named step is Cached or Unchanged, and no step's output holds
/// a compilation, symbol, syntax node or location (which would keep old compilations alive and defeat caching).
/// </summary>
public sealed class ExtensibleEnumCacheabilityTests
{
    // A valid and an invalid struct, a valid and an invalid enum, and a stray [WireValue], so every step has outputs.
    private const string Types = """
        using OpenTok.Refit;

        namespace Sample;

        [ExtensibleEnum]
        public readonly partial record struct Status
        {
            [WireValue("ready")] public static partial Status Ready { get; }

            [WireValue("done")] public static partial Status Done { get; }
        }

        [ExtensibleEnum]
        public partial record struct NotReadonly;

        [GenerateWireValues]
        public enum Mode
        {
            [WireValue("on")] On,
            [WireValue("off")] Off,
        }

        [GenerateWireValues]
        public enum Incomplete
        {
            [WireValue("some")] Some,
            Other,
        }

        public enum Unmarked
        {
            [WireValue("stray")] Stray,
        }
        """;

    private static readonly IReadOnlyList<string> s_trackingNames = Cacheability.TrackingNamesOf(typeof(ExtensibleEnumTrackingNames));

    [Fact]
    public void Every_named_step_is_cached_or_unchanged_after_an_unrelated_edit()
    {
        var compilation = GeneratorHarness.CreateCompilation(Types, Cacheability.UnrelatedSource);
        Cacheability.AssertUnrelatedEditIsCached(GeneratorHarness.CreateDriver(new ExtensibleEnumGenerator()), compilation, s_trackingNames);
    }

    [Fact]
    public void Edits_to_a_wire_value_rerun_only_what_they_change()
    {
        var compilation = GeneratorHarness.CreateCompilation(Types);
        var driver = GeneratorHarness.CreateDriver(new ExtensibleEnumGenerator()).RunGenerators(compilation, TestContext.Current.CancellationToken);

        // The same length, so the diagnostics after the edit keep their locations.
        var edited = Types.Replace("[WireValue(\"done\")]", "[WireValue(\"over\")]", StringComparison.Ordinal);
        var oldTree = compilation.SyntaxTrees.Single();
        var newTree = CSharpSyntaxTree.ParseText(edited, GeneratorHarness.ParseOptions, path: "Input0.cs", cancellationToken: TestContext.Current.CancellationToken);
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(oldTree, newTree), TestContext.Current.CancellationToken);
        var result = driver.GetRunResult().Results.Single();

        var structModels = result.TrackedSteps[ExtensibleEnumTrackingNames.StructModels].SelectMany(step => step.Outputs).ToList();
        Assert.Contains(structModels, output => output.Reason == IncrementalStepRunReason.Modified);
        foreach (var name in new[] { ExtensibleEnumTrackingNames.EnumModels, ExtensibleEnumTrackingNames.EnumDiagnostics, ExtensibleEnumTrackingNames.StructDiagnostics })
        {
            Assert.All(result.TrackedSteps[name].SelectMany(step => step.Outputs), output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Step '{name}' was {output.Reason}."));
        }

        var status = result.GeneratedSources.Single(source => source.HintName == "Sample.Status.ExtensibleEnum.g.cs").SourceText.ToString();
        Assert.Contains("public static partial global::Sample.Status Done => new(\"over\");", status, StringComparison.Ordinal);
    }

    [Fact]
    public void A_location_only_edit_moves_the_diagnostic_and_leaves_the_models_alone()
    {
        var compilation = GeneratorHarness.CreateCompilation(Types);
        var driver = GeneratorHarness.CreateDriver(new ExtensibleEnumGenerator()).RunGenerators(compilation, TestContext.Current.CancellationToken);

        var oldTree = compilation.SyntaxTrees.Single();
        var newTree = CSharpSyntaxTree.ParseText("// A line that moves everything down.\n" + Types, GeneratorHarness.ParseOptions, path: "Input0.cs", cancellationToken: TestContext.Current.CancellationToken);
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(oldTree, newTree), TestContext.Current.CancellationToken);
        var result = driver.GetRunResult().Results.Single();

        foreach (var name in new[] { ExtensibleEnumTrackingNames.StructModels, ExtensibleEnumTrackingNames.EnumModels })
        {
            Assert.All(result.TrackedSteps[name].SelectMany(step => step.Outputs), output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Step '{name}' was {output.Reason}."));
        }

        var diagnostics = result.Diagnostics.OrderBy(d => d.Id).ToList();
        Assert.Equal(["OTR201", "OTR206", "OTR209"], diagnostics.Select(d => d.Id));
        Assert.All(diagnostics, d => Assert.Equal("Input0.cs", d.Location.GetLineSpan().Path));
        var otr201 = diagnostics[0].Location.SourceSpan;
        Assert.Equal("NotReadonly", newTree.GetText(TestContext.Current.CancellationToken).ToString(otr201));
    }

    [Fact]
    public void No_step_output_holds_a_compilation_symbol_syntax_node_or_location()
    {
        var driver = GeneratorHarness.CreateDriver(new ExtensibleEnumGenerator()).RunGenerators(
            GeneratorHarness.CreateCompilation(Types, Cacheability.UnrelatedSource), TestContext.Current.CancellationToken);
        var result = driver.GetRunResult().Results.Single();

        Assert.Equal(7, s_trackingNames.Count);
        foreach (var name in s_trackingNames)
        {
            foreach (var (value, _) in result.TrackedSteps[name].SelectMany(step => step.Outputs))
            {
                StepOutputs.AssertHoldsNoRoslynObjects(value, name);
            }
        }
    }
}
