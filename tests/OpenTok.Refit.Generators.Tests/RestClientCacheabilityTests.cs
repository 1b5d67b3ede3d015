using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OpenTok.Refit.Generators.RestClients;

namespace OpenTok.Refit.Generators.Tests;

/// <summary>
/// The REST-client pipeline caches: after an unrelated edit every named step is Cached or Unchanged, an edit to one
/// interface reruns only what it changes, and no step's output holds a compilation, symbol, syntax node or location.
/// </summary>
public sealed class RestClientCacheabilityTests
{
    // A valid interface (a model to emit, with every kind of parameter) and an invalid one (a diagnostic to report).
    private const string Interfaces = """
        using System.Threading;
        using System.Threading.Tasks;
        using OpenTok.Refit.Http;

        namespace Sample;

        internal sealed record Form
        {
            [AliasAs("p2p.preference")]
            public string? P2pPreference { get; init; }

            public bool? Enabled { get; init; }
        }

        internal sealed record Item(string Name);

        [GenerateRestClient]
        [Headers("Accept: application/json")]
        internal interface IValidApi
        {
            [Post("/v2/project/{apiKey}/form")]
            Task<Item[]> PostFormAsync(string apiKey, [Body(BodySerializationMethod.UrlEncoded)] Form body, CancellationToken cancellationToken = default);

            [Put("/v2/project/{apiKey}/items/{itemId}")]
            [Headers("X-Mode: put")]
            Task PutItemAsync(string apiKey, string itemId, [Body] Item item, [Header("X-Request-Id")] string? requestId = null, CancellationToken cancellationToken = default);

            [Get("/v2/project/{apiKey}/items")]
            Task<Item[]> ListItemsAsync(string apiKey, [Query] int? offset = null, [AliasAs("q")] string? query = null, CancellationToken cancellationToken = default);
        }

        [GenerateRestClient]
        internal interface IInvalidApi
        {
            Task NoHttpMethodAsync();
        }
        """;

    private static readonly IReadOnlyList<string> s_trackingNames = Cacheability.TrackingNamesOf(typeof(RestClientTrackingNames));

    [Fact]
    public void Every_named_step_is_cached_or_unchanged_after_an_unrelated_edit()
    {
        var compilation = GeneratorHarness.CreateCompilation(Interfaces, Cacheability.UnrelatedSource);
        Cacheability.AssertUnrelatedEditIsCached(CreateDriver(), compilation, s_trackingNames);
    }

    [Fact]
    public void Edits_to_an_interface_rerun_only_what_they_change()
    {
        var compilation = GeneratorHarness.CreateCompilation(Interfaces);
        var driver = CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken);

        // Same length, so the invalid interface's diagnostic (further down) keeps its location.
        var oldTree = compilation.SyntaxTrees.Single();
        var newTree = CSharpSyntaxTree.ParseText(
            Interfaces.Replace("[AliasAs(\"q\")]", "[AliasAs(\"s\")]", StringComparison.Ordinal), GeneratorHarness.ParseOptions, path: "Input0.cs", cancellationToken: TestContext.Current.CancellationToken);
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(oldTree, newTree), TestContext.Current.CancellationToken);
        var result = driver.GetRunResult().Results.Single();

        var models = result.TrackedSteps[RestClientTrackingNames.Models].SelectMany(step => step.Outputs).ToList();
        Assert.Contains(models, output => output.Reason == IncrementalStepRunReason.Modified);
        var diagnostics = result.TrackedSteps[RestClientTrackingNames.Diagnostics].SelectMany(step => step.Outputs).ToList();
        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.Contains(".Add(\"s\", query)", result.GeneratedSources.Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_edit_that_changes_nothing_the_model_holds_leaves_the_output_cached()
    {
        var compilation = GeneratorHarness.CreateCompilation(Interfaces);
        var driver = CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken);

        // A comment and blank lines move every location in the file but change no model.
        var oldTree = compilation.SyntaxTrees.Single();
        var newTree = CSharpSyntaxTree.ParseText(
            Interfaces.Replace("internal interface IValidApi", "// Reformatted.\n\ninternal interface IValidApi", StringComparison.Ordinal),
            GeneratorHarness.ParseOptions,
            path: "Input0.cs",
            cancellationToken: TestContext.Current.CancellationToken);
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(oldTree, newTree), TestContext.Current.CancellationToken);
        var result = driver.GetRunResult().Results.Single();

        var models = result.TrackedSteps[RestClientTrackingNames.Models].SelectMany(step => step.Outputs).ToList();
        Assert.NotEmpty(models);
        Assert.All(models, output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"The model was {output.Reason}."));
    }

    [Fact]
    public void No_step_output_holds_a_compilation_symbol_syntax_node_or_location()
    {
        var driver = CreateDriver().RunGenerators(GeneratorHarness.CreateCompilation(Interfaces, Cacheability.UnrelatedSource), TestContext.Current.CancellationToken);
        var result = driver.GetRunResult().Results.Single();

        foreach (var name in s_trackingNames)
        {
            foreach (var (value, _) in result.TrackedSteps[name].SelectMany(step => step.Outputs))
            {
                StepOutputs.AssertHoldsNoRoslynObjects(value, name);
            }
        }
    }

    private static GeneratorDriver CreateDriver() => GeneratorHarness.CreateDriver(new RestClientGenerator());
}
