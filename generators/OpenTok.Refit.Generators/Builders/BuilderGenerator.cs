using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OpenTok.Refit.Generators.Builders;

/// <summary>
/// Emits a nested immutable <c>Builder</c> struct for every <c>partial record</c> marked
/// <c>[OpenTok.Refit.GenerateBuilder]</c>, plus <c>CreateBuilder()</c> and <c>ToBuilder()</c> on the record.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class BuilderGenerator : IIncrementalGenerator
{
    /// <summary>The marker attribute's metadata name; the attribute ships in the OpenTok.Refit library.</summary>
    public const string AttributeMetadataName = "OpenTok.Refit.GenerateBuilderAttribute";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var targets = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeMetadataName,
                predicate: static (node, _) => node is TypeDeclarationSyntax,
                transform: static (context, cancellationToken) => BuilderParser.Parse(context, cancellationToken))
            .WithTrackingName(BuilderTrackingNames.Targets);

        var diagnostics = targets
            .SelectMany(static (target, _) => target.Diagnostics)
            .WithTrackingName(BuilderTrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (context, diagnostic) => context.ReportDiagnostic(diagnostic.ToDiagnostic()));

        var models = targets
            .Where(static target => target.Model is not null)
            .Select(static (target, _) => target.Model!)
            .WithTrackingName(BuilderTrackingNames.Models);
        context.RegisterSourceOutput(models, static (context, model) => context.AddSource(model.HintName, BuilderEmitter.Emit(model)));
    }
}

/// <summary>The names of the builder pipeline's steps, which tests read to prove each step caches.</summary>
internal static class BuilderTrackingNames
{
    public const string Targets = "BuilderTargets";
    public const string Diagnostics = "BuilderDiagnostics";
    public const string Models = "BuilderModels";
}
