using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OpenTok.Refit.Generators.Builders;

namespace OpenTok.Refit.Generators.Tests;

/// <summary>Compiles C# in memory and runs a generator over it (the builder generator unless told otherwise), as the compiler would.</summary>
internal static class GeneratorHarness
{
    // Diagnose mode makes the compiler check generated XML docs (bad crefs, missing or stray param tags).
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences);

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "GeneratorInput",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Input{i}.cs")),
            s_references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver() => CreateDriver(new BuilderGenerator());

    public static GeneratorDriver CreateDriver(IIncrementalGenerator generator) =>
        CSharpGeneratorDriver.Create(
            [generator.AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(params string[] sources) => Run(new BuilderGenerator(), sources);

    public static GeneratorRun Run(IIncrementalGenerator generator, params string[] sources)
    {
        var driver = CreateDriver(generator).RunGeneratorsAndUpdateCompilation(CreateCompilation(sources), out var output, out _);
        return new GeneratorRun(driver.GetRunResult(), output);
    }

    // The framework assemblies this test runs on, plus the library that holds the marker attributes ([GenerateBuilder], [ExtensibleEnum], [WireValue], [GenerateWireValues]).
    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is var name
                && (name.StartsWith("System.", StringComparison.Ordinal) || name is "System.dll" or "netstandard.dll" or "mscorlib.dll"));
        return [.. framework.Append(typeof(GenerateBuilderAttribute).Assembly.Location).Distinct().Select(path => MetadataReference.CreateFromFile(path))];
    }
}

/// <summary>One generator run: what it produced and the compilation with the generated trees added.</summary>
internal sealed record GeneratorRun(GeneratorDriverRunResult Result, Compilation Output)
{
    public ImmutableArray<Diagnostic> GeneratorDiagnostics => Result.Diagnostics;

    public ImmutableArray<SyntaxTree> GeneratedTrees => Result.GeneratedTrees;

    /// <summary>The one generated file's text (fails when there is not exactly one).</summary>
    public string SingleSource => Assert.Single(Result.Results.Single().GeneratedSources).SourceText.ToString();

    public string Source(string hintName) =>
        Result.Results.Single().GeneratedSources.Single(source => source.HintName == hintName).SourceText.ToString();

    /// <summary>Every warning and error of the whole compilation: input and generated code together.</summary>
    public ImmutableArray<Diagnostic> CompilationProblems =>
        [.. Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning)];

    /// <summary>Asserts that the generator reported nothing and the input plus generated code compile cleanly.</summary>
    /// <param name="tolerated">Compiler diagnostic ids the input causes by design, which are left out of the check.</param>
    public void AssertClean(params string[] tolerated)
    {
        Assert.Empty(GeneratorDiagnostics);
        var problems = CompilationProblems.Where(d => !tolerated.Contains(d.Id)).ToList();
        Assert.True(problems.Count == 0, "The compilation has problems:\n" + string.Join("\n", problems));
    }
}
