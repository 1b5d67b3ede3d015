using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OpenTok.Refit.Generators.ExtensibleEnums;

/// <summary>
/// Completes every <c>readonly partial record struct</c> marked <c>[OpenTok.Refit.ExtensibleEnum]</c> (value,
/// constructor, known values, equality, JSON converter) and writes a <c>&lt;Enum&gt;WireValues</c> class for every enum
/// marked <c>[OpenTok.Refit.GenerateWireValues]</c>. Both read the wire values from <c>[OpenTok.Refit.WireValue]</c>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ExtensibleEnumGenerator : IIncrementalGenerator
{
    /// <summary>The marker of extensible enum structs; the attributes ship in the OpenTok.Refit library.</summary>
    public const string ExtensibleEnumAttributeMetadataName = "OpenTok.Refit.ExtensibleEnumAttribute";

    /// <summary>The marker of closed enums that get a <c>&lt;Enum&gt;WireValues</c> class.</summary>
    public const string GenerateWireValuesAttributeMetadataName = "OpenTok.Refit.GenerateWireValuesAttribute";

    /// <summary>The attribute that gives a member its wire value.</summary>
    public const string WireValueAttributeMetadataName = "OpenTok.Refit.WireValueAttribute";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var structs = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ExtensibleEnumAttributeMetadataName,
                predicate: static (node, _) => node is TypeDeclarationSyntax,
                transform: static (context, cancellationToken) => ExtensibleEnumParser.Parse(context, cancellationToken))
            .WithTrackingName(ExtensibleEnumTrackingNames.StructTargets);

        var structDiagnostics = structs
            .SelectMany(static (target, _) => target.Diagnostics)
            .WithTrackingName(ExtensibleEnumTrackingNames.StructDiagnostics);
        context.RegisterSourceOutput(structDiagnostics, static (context, diagnostic) => context.ReportDiagnostic(diagnostic.ToDiagnostic()));

        var structModels = structs
            .Where(static target => target.Model is not null)
            .Select(static (target, _) => target.Model!)
            .WithTrackingName(ExtensibleEnumTrackingNames.StructModels);
        context.RegisterSourceOutput(structModels, static (context, model) => context.AddSource(model.HintName, ExtensibleEnumEmitter.Emit(model)));

        var enums = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                GenerateWireValuesAttributeMetadataName,
                predicate: static (node, _) => node is EnumDeclarationSyntax,
                transform: static (context, cancellationToken) => WireValueEnumParser.Parse(context, cancellationToken))
            .WithTrackingName(ExtensibleEnumTrackingNames.EnumTargets);

        var enumDiagnostics = enums
            .SelectMany(static (target, _) => target.Diagnostics)
            .WithTrackingName(ExtensibleEnumTrackingNames.EnumDiagnostics);
        context.RegisterSourceOutput(enumDiagnostics, static (context, diagnostic) => context.ReportDiagnostic(diagnostic.ToDiagnostic()));

        var enumModels = enums
            .Where(static target => target.Model is not null)
            .Select(static (target, _) => target.Model!)
            .WithTrackingName(ExtensibleEnumTrackingNames.EnumModels);
        context.RegisterSourceOutput(enumModels, static (context, model) => context.AddSource(model.HintName, WireValueEnumEmitter.Emit(model)));

        // A [WireValue] in a type without either marker would silently do nothing; say so where it is written.
        var strayWireValues = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                WireValueAttributeMetadataName,
                predicate: static (_, _) => true,
                transform: static (context, cancellationToken) => WireValues.FindStray(context, cancellationToken))
            .Where(static diagnostic => diagnostic is not null)
            .Select(static (diagnostic, _) => diagnostic!)
            .WithTrackingName(ExtensibleEnumTrackingNames.StrayWireValues);
        context.RegisterSourceOutput(strayWireValues, static (context, diagnostic) => context.ReportDiagnostic(diagnostic.ToDiagnostic()));
    }
}

/// <summary>The names of the extensible-enum pipeline's steps, which tests read to prove each step caches.</summary>
internal static class ExtensibleEnumTrackingNames
{
    public const string StructTargets = "ExtensibleEnumStructTargets";
    public const string StructDiagnostics = "ExtensibleEnumStructDiagnostics";
    public const string StructModels = "ExtensibleEnumStructModels";
    public const string EnumTargets = "WireValueEnumTargets";
    public const string EnumDiagnostics = "WireValueEnumDiagnostics";
    public const string EnumModels = "WireValueEnumModels";
    public const string StrayWireValues = "StrayWireValues";
}
