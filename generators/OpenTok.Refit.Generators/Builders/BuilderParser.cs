using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OpenTok.Refit.Generators.Diagnostics;
using OpenTok.Refit.Generators.Infrastructure;

namespace OpenTok.Refit.Generators.Builders;

/// <summary>
/// Turns a <c>[GenerateBuilder]</c> declaration into a <see cref="BuilderTarget"/>. This is the only place that
/// touches symbols and syntax: everything it returns is a plain, equatable value.
/// </summary>
internal static class BuilderParser
{
    private const string ValidateMethodName = "Validate";
    private const string SetsRequiredMembersAttributeName = "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute";

    // Names the generator adds to the record, and why (for OTR007).
    private static readonly (string Name, string Use)[] s_reservedRecordMembers =
    [
        ("Builder", "the nested builder type"),
        ("CreateBuilder", "the static method that starts a builder"),
        ("ToBuilder", "the method that starts a builder from an instance"),
    ];

    // Property names that would clash with the builder's own members.
    private static readonly (string Name, string Use)[] s_reservedBuilderMembers =
    [
        ("Build", "the method that returns the built record"),
        ("_value", "the builder's private state"),
    ];

    private static readonly SymbolDisplayFormat s_typeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static readonly SymbolDisplayFormat s_declarationNameFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameOnly,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    public static BuilderTarget Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var declaration = (TypeDeclarationSyntax)context.TargetNode;
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var typeName = type.ToDisplayString(s_declarationNameFormat);
        var typeLocation = LocationInfo.From(declaration.Identifier);
        var diagnostics = new List<DiagnosticInfo>();

        if (!type.IsRecord || type.TypeKind != TypeKind.Class || type.IsAbstract)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BuilderTypeNotRecord, typeLocation, typeName));
            return Fail(diagnostics);
        }

        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BuilderTypeNotPartial, typeLocation, typeName));
        }

        foreach (var container in declaration.Ancestors().OfType<TypeDeclarationSyntax>())
        {
            if (!container.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.BuilderContainingTypeNotPartial, LocationInfo.From(container.Identifier), typeName, container.Identifier.ValueText));
            }
        }

        var constructor = type.InstanceConstructors.FirstOrDefault(c => c.Parameters.All(p => p.IsOptional || p.IsParams));
        if (constructor is null)
        {
            var location = declaration is RecordDeclarationSyntax { ParameterList: { } parameters } ? LocationInfo.From(parameters) : typeLocation;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BuilderNoParameterlessConstructor, location, typeName));
        }

        var constructorSetsRequiredMembers = constructor?.GetAttributes()
            .Any(a => a.AttributeClass?.ToDisplayString() == SetsRequiredMembersAttributeName) ?? false;

        foreach (var (name, use) in s_reservedRecordMembers)
        {
            foreach (var member in type.GetMembers(name))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BuilderReservedName, LocationOf(member, typeLocation), name, typeName, use));
            }
        }

        var properties = new List<BuilderProperty>();
        foreach (var property in SettableCandidates(type))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var propertyLocation = LocationOf(property, typeLocation);

            if (property.SetMethod is null)
            {
                if (SymbolEqualityComparer.Default.Equals(property.ContainingType, type) && IsAutoProperty(property, cancellationToken))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BuilderPropertyNotSettable, propertyLocation, property.Name, typeName));
                }

                continue;
            }

            // A setter the author kept non-public is deliberately not part of the record's surface.
            if (property.SetMethod.DeclaredAccessibility != Accessibility.Public)
            {
                continue;
            }

            if (property.IsRequired && !constructorSetsRequiredMembers)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BuilderRequiredProperty, propertyLocation, property.Name, typeName));
                continue;
            }

            var reserved = Array.Find(s_reservedBuilderMembers, r => r.Name == property.Name);
            if (reserved.Name is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BuilderReservedName, propertyLocation, property.Name, typeName, reserved.Use));
                continue;
            }

            properties.Add(new BuilderProperty(
                property.Name,
                Naming.EscapeIdentifier(Naming.ToCamelCase(property.Name)),
                property.Type.ToDisplayString(s_typeFormat),
                // Crefs do not find inherited members through the derived type, so name the declaring one.
                DocumentationComments.Cref(property.OriginalDefinition.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + property.Name),
                DocumentationComments.ExtractSummary(property.GetDocumentationCommentXml(cancellationToken: cancellationToken)),
                DescribeCollection(property)));
        }

        ReportDuplicateMethods(properties, type, typeName, typeLocation, diagnostics);

        var hasValidate = FindValidate(type, typeName, typeLocation, diagnostics);

        if (diagnostics.Count > 0)
        {
            return Fail(diagnostics);
        }

        var model = new BuilderModel(
            HintName(type),
            type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
            ContainingTypes(type),
            typeName,
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            hasValidate,
            HidesInheritedBuilder(type),
            properties.ToEquatableArray());
        return new BuilderTarget(model, EquatableArray<DiagnosticInfo>.Empty);
    }

    private static BuilderTarget Fail(List<DiagnosticInfo> diagnostics) => new(null, diagnostics.ToEquatableArray());

    /// <summary>Public instance properties of the record and its base records (base first), each name once (the most derived wins).</summary>
    private static IEnumerable<IPropertySymbol> SettableCandidates(INamedTypeSymbol type)
    {
        var levels = new List<List<IPropertySymbol>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            var level = new List<IPropertySymbol>();
            foreach (var member in current.GetMembers())
            {
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false } property && seen.Add(property.Name)
                    && property.DeclaredAccessibility == Accessibility.Public)
                {
                    level.Add(property);
                }
            }

            levels.Add(level);
        }

        levels.Reverse();
        return levels.SelectMany(level => level);
    }

    // "{ get; }" (with or without an initializer) stores a value nobody outside the constructor can set; "=> …" or "{ get { … } }" computes one.
    private static bool IsAutoProperty(IPropertySymbol property, CancellationToken cancellationToken) =>
        property.DeclaringSyntaxReferences.Any(reference =>
            reference.GetSyntax(cancellationToken) is PropertyDeclarationSyntax { ExpressionBody: null, AccessorList: { } accessors }
            && accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null));

    private static void ReportDuplicateMethods(
        List<BuilderProperty> properties, INamedTypeSymbol type, string typeName, LocationInfo? typeLocation, List<DiagnosticInfo> diagnostics)
    {
        // Setters are named as their property, so they are unique; Add… methods can hit a setter or each other.
        var owners = properties.ToDictionary(p => p.Name, p => p.Name, StringComparer.Ordinal);
        foreach (var property in properties)
        {
            if (property.Collection is not { } collection)
            {
                continue;
            }

            if (owners.TryGetValue(collection.AddMethodName, out var owner))
            {
                var location = type.GetMembers(property.Name).FirstOrDefault() is { } member ? LocationOf(member, typeLocation) : typeLocation;
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.BuilderDuplicateMethod, location, property.Name, typeName, collection.AddMethodName, owner));
            }
            else
            {
                owners.Add(collection.AddMethodName, property.Name);
            }
        }
    }

    /// <summary>Whether the record has <c>void Validate()</c> (its rules) for <c>Build()</c> to run; reports OTR009 for a misshapen one.</summary>
    private static bool FindValidate(INamedTypeSymbol type, string typeName, LocationInfo? typeLocation, List<DiagnosticInfo> diagnostics)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var method in current.GetMembers(ValidateMethodName).OfType<IMethodSymbol>())
            {
                if (method.MethodKind != MethodKind.Ordinary || method.Parameters.Length != 0 || method.TypeParameters.Length != 0)
                {
                    continue;
                }

                var declaredHere = SymbolEqualityComparer.Default.Equals(current, type);
                if (!declaredHere && method.DeclaredAccessibility == Accessibility.Private)
                {
                    continue;
                }

                if (method.IsStatic || !method.ReturnsVoid)
                {
                    if (declaredHere)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BuilderInvalidValidateMethod, LocationOf(method, typeLocation), typeName));
                    }

                    return false;
                }

                return true;
            }
        }

        return false;
    }

    private static CollectionInfo? DescribeCollection(IPropertySymbol property)
    {
        var singular = Naming.Singularize(property.Name);
        var addMethodName = "Add" + singular;
        var itemParameterName = Naming.EscapeIdentifier(Naming.ToCamelCase(singular));

        if (property.Type is IArrayTypeSymbol { Rank: 1 } array)
        {
            return new CollectionInfo(CollectionKind.Sequence, addMethodName, itemParameterName, array.ElementType.ToDisplayString(s_typeFormat), null, null);
        }

        if (property.Type is not INamedTypeSymbol { IsGenericType: true } named)
        {
            return null;
        }

        var definition = named.OriginalDefinition;
        var kind = (definition.ContainingNamespace?.ToDisplayString() + "." + definition.MetadataName) switch
        {
            "System.Collections.Generic.IEnumerable`1"
                or "System.Collections.Generic.IReadOnlyCollection`1"
                or "System.Collections.Generic.IReadOnlyList`1"
                or "System.Collections.Generic.ICollection`1"
                or "System.Collections.Generic.IList`1"
                or "System.Collections.Generic.List`1"
                or "System.Collections.Immutable.ImmutableList`1" => CollectionKind.Sequence,
            "System.Collections.Immutable.ImmutableArray`1" => CollectionKind.ImmutableArray,
            "System.Collections.Generic.IReadOnlyDictionary`2"
                or "System.Collections.Generic.IDictionary`2"
                or "System.Collections.Generic.Dictionary`2" => CollectionKind.Dictionary,
            "System.Collections.Immutable.ImmutableDictionary`2" => CollectionKind.ImmutableDictionary,
            _ => (CollectionKind?)null,
        };

        if (kind is not { } collectionKind)
        {
            return null;
        }

        var arguments = named.TypeArguments;
        var concrete = named.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(s_typeFormat);
        return collectionKind is CollectionKind.Dictionary or CollectionKind.ImmutableDictionary
            ? new CollectionInfo(collectionKind, addMethodName, itemParameterName, arguments[1].ToDisplayString(s_typeFormat), arguments[0].ToDisplayString(s_typeFormat), concrete)
            : new CollectionInfo(collectionKind, addMethodName, itemParameterName, arguments[0].ToDisplayString(s_typeFormat), null, concrete);
    }

    private static EquatableArray<ContainingType> ContainingTypes(INamedTypeSymbol type)
    {
        var containers = new List<ContainingType>();
        for (var current = type.ContainingType; current is not null; current = current.ContainingType)
        {
            var keyword = current switch
            {
                { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
                { IsRecord: true } => "record",
                { TypeKind: TypeKind.Struct } => "struct",
                { TypeKind: TypeKind.Interface } => "interface",
                _ => "class",
            };
            containers.Add(new ContainingType(keyword, current.ToDisplayString(s_declarationNameFormat)));
        }

        containers.Reverse();
        return containers.ToEquatableArray();
    }

    // Namespace, containing types and metadata names ("Page`1"), so nested and generic records get distinct files.
    private static string HintName(INamedTypeSymbol type)
    {
        var parts = new List<string> { type.MetadataName };
        for (var current = type.ContainingType; current is not null; current = current.ContainingType)
        {
            parts.Add(current.MetadataName);
        }

        if (!type.ContainingNamespace.IsGlobalNamespace)
        {
            parts.Add(type.ContainingNamespace.ToDisplayString());
        }

        parts.Reverse();
        return string.Join(".", parts) + ".Builder.g.cs";
    }

    private static bool HidesInheritedBuilder(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            if (current.GetMembers("Builder").Length > 0
                || current.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == BuilderGenerator.AttributeMetadataName))
            {
                return true;
            }
        }

        return false;
    }

    private static LocationInfo? LocationOf(ISymbol symbol, LocationInfo? fallback) =>
        LocationInfo.From(symbol.Locations.FirstOrDefault(l => l.IsInSource)) ?? fallback;
}
