using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OpenTok.Refit.Generators.Diagnostics;
using OpenTok.Refit.Generators.Infrastructure;

namespace OpenTok.Refit.Generators.ExtensibleEnums;

/// <summary>A member's <c>[WireValue]</c> as the parsers read it; it never leaves a parser.</summary>
/// <param name="Value">The wire value; null when the attribute says <c>null</c>.</param>
/// <param name="Location">Where the attribute's argument is written, for diagnostics about the value.</param>
/// <param name="IsUnreadable">Whether the attribute does not bind (the compiler reports why), so the value is unknown.</param>
internal sealed record DeclaredWireValue(string? Value, LocationInfo? Location, bool IsUnreadable);

/// <summary>Reads <c>[WireValue]</c> from members, and finds it where it has no effect.</summary>
internal static class WireValues
{
    /// <summary>The member's <c>[WireValue]</c>, or null when it has none.</summary>
    public static DeclaredWireValue? Find(ISymbol member, LocationInfo? fallback, CancellationToken cancellationToken)
    {
        var attribute = member.GetAttributes().FirstOrDefault(a => IsAttribute(a, ExtensibleEnumGenerator.WireValueAttributeMetadataName));
        if (attribute is null)
        {
            return null;
        }

        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var location = syntax?.ArgumentList?.Arguments.FirstOrDefault() is { } argument ? LocationInfo.From(argument) : fallback;
        if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Length != 1)
        {
            return new DeclaredWireValue(null, location, IsUnreadable: true);
        }

        return new DeclaredWireValue(attribute.ConstructorArguments[0].Value as string, location, IsUnreadable: false);
    }

    /// <summary>Whether <paramref name="symbol"/> carries the attribute with this metadata name.</summary>
    public static bool HasAttribute(ISymbol symbol, string metadataName) =>
        symbol.GetAttributes().Any(a => IsAttribute(a, metadataName));

    /// <summary>
    /// OTR209 for a <c>[WireValue]</c> (the target of <paramref name="context"/>) whose type has no marker, so nothing
    /// reads it; null when its type has the marker, whose parser checks the member.
    /// </summary>
    public static DiagnosticInfo? FindStray(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol.ContainingType is not { } type)
        {
            return null;
        }

        var (marker, markerName) = type.TypeKind == TypeKind.Enum
            ? (ExtensibleEnumGenerator.GenerateWireValuesAttributeMetadataName, "GenerateWireValues")
            : (ExtensibleEnumGenerator.ExtensibleEnumAttributeMetadataName, "ExtensibleEnum");
        if (HasAttribute(type, marker))
        {
            return null;
        }

        var attribute = context.Attributes.FirstOrDefault();
        var location = (attribute is null ? null : LocationOf(attribute, cancellationToken))
            ?? LocationInfo.From(context.TargetSymbol.Locations.FirstOrDefault());
        return DiagnosticInfo.Create(DiagnosticDescriptors.WireValueWithoutGeneratedType, location, context.TargetSymbol.Name, type.Name, markerName);
    }

    /// <summary>OTR202 when the type is nested or generic, else null; <paramref name="marker"/> names the attribute in the message.</summary>
    public static DiagnosticInfo? CheckTopLevel(INamedTypeSymbol type, string typeName, string marker, LocationInfo? location)
    {
        if (type.ContainingType is { } container)
        {
            return DiagnosticInfo.Create(DiagnosticDescriptors.GeneratedEnumNotTopLevel, location, typeName, marker, "nested in '" + container.Name + "'");
        }

        if (type.IsGenericType)
        {
            return DiagnosticInfo.Create(DiagnosticDescriptors.GeneratedEnumNotTopLevel, location, typeName, marker, "generic");
        }

        return null;
    }

    /// <summary>The generated file's name: namespace, type and a suffix that says what the file adds.</summary>
    public static string HintName(INamedTypeSymbol type, string suffix) =>
        (type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString() + ".") + type.MetadataName + "." + suffix + ".g.cs";

    /// <summary>Where <paramref name="attribute"/> is written (<c>WireValue("…")</c>), or null when it is not in source.</summary>
    public static LocationInfo? LocationOf(AttributeData attribute, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is { } syntax ? LocationInfo.From(syntax) : null;

    private static bool IsAttribute(AttributeData attribute, string metadataName) =>
        attribute.AttributeClass?.ToDisplayString() == metadataName;
}
