using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OpenTok.Refit.Generators.RestClients;

/// <summary>
/// Implements every interface marked <c>[OpenTok.Refit.Http.GenerateRestClient]</c> over <c>HttpClient</c>, as an
/// <c>internal sealed partial class</c> beside it (<c>IArchivesApi</c> → <c>ArchivesApiClient</c>) whose methods build
/// each request from the Refit-style attributes and send it through <c>RestClientRuntime</c>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class RestClientGenerator : IIncrementalGenerator
{
    /// <summary>The marker attribute's metadata name; the attribute ships in the OpenTok.Refit library.</summary>
    public const string AttributeMetadataName = "OpenTok.Refit.Http.GenerateRestClientAttribute";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var targets = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeMetadataName,
                predicate: static (node, _) => node is InterfaceDeclarationSyntax,
                transform: static (context, cancellationToken) => RestClientParser.Parse(context, cancellationToken))
            .WithTrackingName(RestClientTrackingNames.Targets);

        var diagnostics = targets
            .SelectMany(static (target, _) => target.Diagnostics)
            .WithTrackingName(RestClientTrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (context, diagnostic) => context.ReportDiagnostic(diagnostic.ToDiagnostic()));

        var models = targets
            .Where(static target => target.Model is not null)
            .Select(static (target, _) => target.Model!)
            .WithTrackingName(RestClientTrackingNames.Models);
        context.RegisterSourceOutput(models, static (context, model) => context.AddSource(model.HintName, RestClientEmitter.Emit(model)));
    }
}

/// <summary>The names of the REST-client pipeline's steps, which tests read to prove each step caches.</summary>
internal static class RestClientTrackingNames
{
    public const string Targets = "RestClientTargets";
    public const string Diagnostics = "RestClientDiagnostics";
    public const string Models = "RestClientModels";
}
