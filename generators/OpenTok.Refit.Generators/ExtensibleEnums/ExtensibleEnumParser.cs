using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OpenTok.Refit.Generators.Diagnostics;
using OpenTok.Refit.Generators.Infrastructure;

namespace OpenTok.Refit.Generators.ExtensibleEnums;

/// <summary>
/// Turns an <c>[ExtensibleEnum]</c> struct into an <see cref="ExtensibleEnumTarget"/>. With <see cref="WireValues"/>, the
/// only place that touches symbols and syntax for it: everything it returns is a plain, equatable value.
/// </summary>
internal static class ExtensibleEnumParser
{
    private const string Marker = "ExtensibleEnum";
    private const string JsonConverterAttributeName = "System.Text.Json.Serialization.JsonConverterAttribute";

    // Members the generated part declares, whatever kind the author's member of that name is (for OTR208).
    private static readonly string[] s_generatedMemberNames = ["Value", "Known", "IsKnown", "FromValue", "_value"];

    private static readonly SymbolDisplayFormat s_declarationNameFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameOnly,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    public static ExtensibleEnumTarget Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var declaration = (TypeDeclarationSyntax)context.TargetNode;
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var typeName = type.ToDisplayString(s_declarationNameFormat);
        var typeLocation = LocationInfo.From(declaration.Identifier);
        var diagnostics = new List<DiagnosticInfo>();

        var hasParameterList = type.DeclaringSyntaxReferences.Any(reference =>
            reference.GetSyntax(cancellationToken) is RecordDeclarationSyntax { ParameterList: not null });
        if (!type.IsRecord || type.TypeKind != TypeKind.Struct || !type.IsReadOnly
            || !declaration.Modifiers.Any(SyntaxKind.PartialKeyword) || hasParameterList)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ExtensibleEnumNotReadonlyPartialRecordStruct, typeLocation, typeName));
            return Fail(diagnostics);
        }

        if (WireValues.CheckTopLevel(type, typeName, Marker, typeLocation) is { } notTopLevel)
        {
            diagnostics.Add(notTopLevel);
            return Fail(diagnostics);
        }

        ReportGeneratedMembers(type, typeName, typeLocation, diagnostics, cancellationToken);

        var knownValues = new List<KnownValue>();
        var ownerByWireValue = new Dictionary<string, string>(StringComparer.Ordinal);
        var hasUnreadableWireValue = false;
        foreach (var member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member.IsImplicitlyDeclared)
            {
                continue;
            }

            var memberLocation = LocationOf(member, typeLocation);
            var wireValue = WireValues.Find(member, memberLocation, cancellationToken);
            if (wireValue is null)
            {
                // A value of the enum that is not a known value would be missing from Known and IsKnown.
                if (member.IsStatic && SymbolEqualityComparer.Default.Equals(TypeOf(member), type))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ExtensibleEnumValueWithoutWireValue, memberLocation, member.Name, typeName));
                }

                continue;
            }

            if (member is not IPropertySymbol { IsStatic: true, IsIndexer: false, IsPartialDefinition: true, PartialImplementationPart: null, SetMethod: null } property
                || !SymbolEqualityComparer.Default.Equals(property.Type, type))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WireValuePropertyNotPartial, memberLocation, member.Name, typeName));
                continue;
            }

            if (wireValue.IsUnreadable)
            {
                hasUnreadableWireValue = true;
                continue;
            }

            if (string.IsNullOrEmpty(wireValue.Value))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptyWireValue, wireValue.Location, member.Name));
                continue;
            }

            var value = wireValue.Value!;
            if (ownerByWireValue.TryGetValue(value, out var owner))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateWireValue, wireValue.Location, member.Name, value, owner));
                continue;
            }

            ownerByWireValue.Add(value, member.Name);
            knownValues.Add(new KnownValue(Naming.EscapeIdentifier(member.Name), Modifiers(property, cancellationToken), value));
        }

        // An attribute that does not bind is the compiler's error to report; without its value there is nothing to write.
        if (diagnostics.Count > 0 || hasUnreadableWireValue)
        {
            return Fail(diagnostics);
        }

        var model = new ExtensibleEnumModel(
            WireValues.HintName(type, "ExtensibleEnum"),
            type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
            typeName,
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            knownValues.ToEquatableArray());
        return new ExtensibleEnumTarget(model, EquatableArray<DiagnosticInfo>.Empty);
    }

    private static ExtensibleEnumTarget Fail(List<DiagnosticInfo> diagnostics) => new(null, diagnostics.ToEquatableArray());

    /// <summary>OTR208 for each member (or the <c>[JsonConverter]</c>) the author declared that the generated part also declares.</summary>
    private static void ReportGeneratedMembers(
        INamedTypeSymbol type, string typeName, LocationInfo? typeLocation, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        foreach (var attribute in type.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == JsonConverterAttributeName))
        {
            var location = WireValues.LocationOf(attribute, cancellationToken) ?? typeLocation;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GeneratedMemberAlreadyDeclared, location, "[JsonConverter]", typeName));
        }

        foreach (var member in type.GetMembers())
        {
            if (member.IsImplicitlyDeclared)
            {
                continue;
            }

            var generated = member switch
            {
                _ when Array.IndexOf(s_generatedMemberNames, member.Name) >= 0 => "'" + member.Name + "'",
                IMethodSymbol { MethodKind: MethodKind.Constructor, Parameters.Length: 1 } constructor
                    when constructor.Parameters[0].Type.SpecialType == SpecialType.System_String => "a constructor from a string",
                IMethodSymbol { Name: "ToString" or "GetHashCode", Parameters.Length: 0, IsStatic: false } method => "'" + method.Name + "()'",
                IMethodSymbol { Name: "Equals", Parameters.Length: 1, IsStatic: false } equals
                    when SymbolEqualityComparer.Default.Equals(equals.Parameters[0].Type, type) => "'Equals(" + typeName + ")'",
                _ => null,
            };

            if (generated is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GeneratedMemberAlreadyDeclared, LocationOf(member, typeLocation), generated, typeName));
            }
        }
    }

    private static ITypeSymbol? TypeOf(ISymbol member) => member switch
    {
        IPropertySymbol property => property.Type,
        IFieldSymbol field => field.Type,
        _ => null,
    };

    // A partial property's implementation repeats its declaration's modifiers ("public static partial").
    private static string Modifiers(IPropertySymbol property, CancellationToken cancellationToken) =>
        property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is PropertyDeclarationSyntax syntax
            ? string.Join(" ", syntax.Modifiers.Select(modifier => modifier.Text))
            : "public static partial";

    private static LocationInfo? LocationOf(ISymbol symbol, LocationInfo? fallback) =>
        LocationInfo.From(symbol.Locations.FirstOrDefault(l => l.IsInSource)) ?? fallback;
}
