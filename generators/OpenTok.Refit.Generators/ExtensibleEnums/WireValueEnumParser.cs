using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OpenTok.Refit.Generators.Diagnostics;
using OpenTok.Refit.Generators.Infrastructure;

namespace OpenTok.Refit.Generators.ExtensibleEnums;

/// <summary>
/// Turns a <c>[GenerateWireValues]</c> enum into a <see cref="WireValueEnumTarget"/>. With <see cref="WireValues"/>, the
/// only place that touches symbols and syntax for it: everything it returns is a plain, equatable value.
/// </summary>
internal static class WireValueEnumParser
{
    private const string Marker = "GenerateWireValues";
    private const string ClassSuffix = "WireValues";

    public static WireValueEnumTarget Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var declaration = (EnumDeclarationSyntax)context.TargetNode;
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var typeLocation = LocationInfo.From(declaration.Identifier);
        var diagnostics = new List<DiagnosticInfo>();

        if (WireValues.CheckTopLevel(type, type.Name, Marker, typeLocation) is { } notTopLevel)
        {
            diagnostics.Add(notTopLevel);
            return Fail(diagnostics);
        }

        var className = type.Name + ClassSuffix;
        foreach (var existing in type.ContainingNamespace.GetTypeMembers(className).Where(t => t.Locations.Any(l => l.IsInSource)))
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.GeneratedMemberAlreadyDeclared, LocationOf(existing, typeLocation), "'" + className + "'", NamespaceName(type)));
        }

        var members = new List<WireValueMember>();
        var ownerByWireValue = new Dictionary<string, string>(StringComparer.Ordinal);
        var ownerByValue = new Dictionary<object, string>();
        var hasUnreadableWireValue = false;
        foreach (var field in type.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var memberLocation = LocationOf(field, typeLocation);

            if (ownerByValue.TryGetValue(field.ConstantValue!, out var alias))
            {
                var number = Convert.ToString(field.ConstantValue, CultureInfo.InvariantCulture);
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EnumMembersShareValue, memberLocation, type.Name, field.Name, alias, number));
            }
            else
            {
                ownerByValue.Add(field.ConstantValue!, field.Name);
            }

            var wireValue = WireValues.Find(field, memberLocation, cancellationToken);
            if (wireValue is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EnumMemberWithoutWireValue, memberLocation, type.Name, field.Name));
                continue;
            }

            if (wireValue.IsUnreadable)
            {
                hasUnreadableWireValue = true;
                continue;
            }

            if (string.IsNullOrEmpty(wireValue.Value))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptyWireValue, wireValue.Location, type.Name + "." + field.Name));
                continue;
            }

            var value = wireValue.Value!;
            if (ownerByWireValue.TryGetValue(value, out var owner))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateWireValue, wireValue.Location, type.Name + "." + field.Name, value, type.Name + "." + owner));
                continue;
            }

            ownerByWireValue.Add(value, field.Name);
            members.Add(new WireValueMember(Naming.EscapeIdentifier(field.Name), value));
        }

        // An attribute that does not bind is the compiler's error to report; without its value there is nothing to write.
        if (diagnostics.Count > 0 || hasUnreadableWireValue)
        {
            return Fail(diagnostics);
        }

        var model = new WireValueEnumModel(
            WireValues.HintName(type, ClassSuffix),
            type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
            className,
            type.DeclaredAccessibility == Accessibility.Public,
            type.Name,
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            type.EnumUnderlyingType!.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            members.ToEquatableArray());
        return new WireValueEnumTarget(model, EquatableArray<DiagnosticInfo>.Empty);
    }

    private static WireValueEnumTarget Fail(List<DiagnosticInfo> diagnostics) => new(null, diagnostics.ToEquatableArray());

    private static string NamespaceName(INamedTypeSymbol type) =>
        type.ContainingNamespace.IsGlobalNamespace ? "<global namespace>" : type.ContainingNamespace.ToDisplayString();

    private static LocationInfo? LocationOf(ISymbol symbol, LocationInfo? fallback) =>
        LocationInfo.From(symbol.Locations.FirstOrDefault(l => l.IsInSource)) ?? fallback;
}
