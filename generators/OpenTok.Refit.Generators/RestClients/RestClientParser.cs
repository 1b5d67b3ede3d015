using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OpenTok.Refit.Generators.Diagnostics;
using OpenTok.Refit.Generators.Infrastructure;

namespace OpenTok.Refit.Generators.RestClients;

/// <summary>
/// Turns a <c>[GenerateRestClient]</c> interface into a <see cref="RestClientTarget"/>. This is the only place that
/// touches symbols and syntax: everything it returns is a plain, equatable value.
/// </summary>
internal static class RestClientParser
{
    private const string AttributeNamespace = "OpenTok.Refit.Http.";
    private const string BodyAttributeName = AttributeNamespace + "BodyAttribute";
    private const string QueryAttributeName = AttributeNamespace + "QueryAttribute";
    private const string HeaderAttributeName = AttributeNamespace + "HeaderAttribute";
    private const string HeadersAttributeName = AttributeNamespace + "HeadersAttribute";
    private const string AliasAsAttributeName = AttributeNamespace + "AliasAsAttribute";
    private const string CancellationTokenName = "System.Threading.CancellationToken";

    // BodySerializationMethod.UrlEncoded's value; anything else is JSON, the attribute's default.
    private const int UrlEncodedSerialization = 1;

    // The HTTP method attributes, by metadata name, with the HttpMethod property each stands for.
    private static readonly Dictionary<string, string> s_httpMethods = new(StringComparer.Ordinal)
    {
        [AttributeNamespace + "GetAttribute"] = "Get",
        [AttributeNamespace + "PostAttribute"] = "Post",
        [AttributeNamespace + "PutAttribute"] = "Put",
        [AttributeNamespace + "PatchAttribute"] = "Patch",
        [AttributeNamespace + "DeleteAttribute"] = "Delete",
    };

    private static readonly SymbolDisplayFormat s_typeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static readonly SymbolDisplayFormat s_nameFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters);

    // What a reader recognises in a message: "int?", "Task<Archive>", "List<string>".
    private static readonly SymbolDisplayFormat s_messageTypeFormat = SymbolDisplayFormat.MinimallyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static RestClientTarget Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var declaration = (InterfaceDeclarationSyntax)context.TargetNode;
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var typeName = type.ToDisplayString(s_nameFormat);
        var typeLocation = LocationInfo.From(declaration.Identifier);
        var diagnostics = new List<DiagnosticInfo>();

        if (IsGeneric(type))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RestGenericInterface, typeLocation, typeName));
        }

        if (Inaccessibility(type) is { } inaccessibility)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RestInterfaceNotAccessible, typeLocation, typeName, inaccessibility));
        }

        if (type.Interfaces.Length > 0)
        {
            var location = declaration.BaseList is { } baseList ? LocationInfo.From(baseList.Types[0]) : typeLocation;
            var names = string.Join(", ", type.Interfaces.Select(i => "'" + i.ToDisplayString(s_nameFormat) + "'"));
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RestInterfaceWithBaseInterfaces, location, typeName, names));
        }

        var interfaceHeaders = ParseHeaders(type, typeName, typeLocation, diagnostics, cancellationToken);

        var methods = new List<RestMethod>();
        var unresolved = false;
        foreach (var member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (UnsupportedMemberKind(member) is { } kind)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.RestUnsupportedMember, LocationOf(member, typeLocation), typeName + "." + member.Name, kind));
                continue;
            }

            if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary, IsAbstract: true, IsStatic: false } method)
            {
                continue;
            }

            // A type the compiler cannot resolve is its error to report; checking or emitting around it would only add noise.
            if (ContainsErrorType(method.ReturnType) || method.Parameters.Any(p => ContainsErrorType(p.Type)))
            {
                unresolved = true;
                continue;
            }

            if (ParseMethod(method, typeName, typeLocation, interfaceHeaders, diagnostics, cancellationToken) is { } endpoint)
            {
                methods.Add(endpoint);
            }
        }

        if (diagnostics.Count > 0 || unresolved)
        {
            return new RestClientTarget(null, diagnostics.ToEquatableArray());
        }

        var ns = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString();
        var className = ClassName(type.Name);
        var model = new RestClientModel(
            HintName(type, ns, className),
            ns,
            className,
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            methods.ToEquatableArray());
        return new RestClientTarget(model, EquatableArray<DiagnosticInfo>.Empty);
    }

    /// <summary><c>IArchivesApi</c> → <c>ArchivesApiClient</c>; a name without the <c>I</c> prefix (<c>Ideas</c>) is kept whole.</summary>
    internal static string ClassName(string interfaceName) =>
        (interfaceName.Length > 1 && interfaceName[0] == 'I' && char.IsUpper(interfaceName[1]) ? interfaceName.Substring(1) : interfaceName) + "Client";

    private static RestMethod? ParseMethod(
        IMethodSymbol method,
        string typeName,
        LocationInfo? typeLocation,
        List<RestHeader> interfaceHeaders,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken)
    {
        var methodName = typeName + "." + method.Name;
        var methodLocation = LocationOf(method, typeLocation);
        var errorsBefore = diagnostics.Count;

        // The HTTP method and path template.
        var httpAttributes = method.GetAttributes().Where(a => s_httpMethods.ContainsKey(FullName(a))).ToList();
        string? httpMethod = null;
        string template = "";
        var templateNames = new List<string>();
        var parts = new List<PathPart>();
        if (httpAttributes.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RestMethodWithoutHttpMethod, methodLocation, methodName));
        }
        else
        {
            if (httpAttributes.Count > 1)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.RestMethodWithSeveralHttpMethods,
                    AttributeLocation(httpAttributes[1], methodLocation, cancellationToken),
                    methodName,
                    s_httpMethods[FullName(httpAttributes[0])],
                    s_httpMethods[FullName(httpAttributes[1])]));
            }

            httpMethod = s_httpMethods[FullName(httpAttributes[0])];
            template = httpAttributes[0].ConstructorArguments.FirstOrDefault().Value as string ?? "";
            var templateLocation = ArgumentLocation(httpAttributes[0], 0, methodLocation, cancellationToken);
            if (!template.StartsWith("/", StringComparison.Ordinal))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RestPathNotRooted, templateLocation, template, methodName));
            }

            if (PathTemplate.Parse(template, parts) is { } problem)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RestPathMalformed, templateLocation, template, methodName, problem));
                parts.Clear();
            }

            templateNames.AddRange(parts.Where(p => p.ParameterName is not null).Select(p => p.Text).Distinct(StringComparer.Ordinal));
        }

        // The answer.
        string? resultTypeName = null;
        if (method.ReturnType is INamedTypeSymbol { OriginalDefinition: var returnDefinition } returnType
            && returnDefinition.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks"
            && returnDefinition.MetadataName is "Task" or "Task`1")
        {
            resultTypeName = returnType.IsGenericType ? returnType.TypeArguments[0].ToDisplayString(s_typeFormat) : null;
        }
        else
        {
            var location = method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is MethodDeclarationSyntax syntax
                ? LocationInfo.From(syntax.ReturnType)
                : methodLocation;
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.RestUnsupportedReturnType, location, methodName, method.ReturnType.ToDisplayString(s_messageTypeFormat)));
        }

        // The parameters: each has one place in the request.
        var signature = new List<RestParameter>();
        var query = new List<RestField>();
        var headerParameters = new List<RestHeader>();
        var pathParameters = new Dictionary<string, string>(StringComparer.Ordinal);
        IParameterSymbol? bodyParameter = null;
        RestBody? body = null;
        IParameterSymbol? tokenParameter = null;
        foreach (var parameter in method.Parameters)
        {
            var name = Naming.EscapeIdentifier(parameter.Name);
            var location = LocationOf(parameter, methodLocation);
            signature.Add(new RestParameter(parameter.Type.ToDisplayString(s_typeFormat), name, DefaultValues.Format(parameter)));

            if (Modifier(parameter) is { } modifier)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RestUnsupportedParameterModifier, location, parameter.Name, methodName, modifier));
                continue;
            }

            var attributes = parameter.GetAttributes();
            var bodyAttribute = attributes.FirstOrDefault(a => FullName(a) == BodyAttributeName);
            var headerAttribute = attributes.FirstOrDefault(a => FullName(a) == HeaderAttributeName);
            var isQuery = attributes.Any(a => FullName(a) == QueryAttributeName);
            var wireName = attributes.FirstOrDefault(a => FullName(a) == AliasAsAttributeName)?.ConstructorArguments.FirstOrDefault().Value as string
                ?? parameter.Name;
            var isPath = templateNames.Contains(wireName, StringComparer.Ordinal);
            var isCancellationToken = parameter.Type.ToDisplayString() == CancellationTokenName;

            var roles = new List<string>();
            if (isPath)
            {
                roles.Add("named in the path template");
            }

            if (bodyAttribute is not null)
            {
                roles.Add("[Body]");
            }

            if (headerAttribute is not null)
            {
                roles.Add("[Header]");
            }

            if (isQuery)
            {
                roles.Add("[Query]");
            }

            if (isCancellationToken)
            {
                roles.Add("the cancellation token");
            }

            if (roles.Count > 1)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RestParameterConflict, location, parameter.Name, methodName, roles[0], roles[1]));
                continue;
            }

            if (isCancellationToken)
            {
                if (tokenParameter is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.RestSecondCancellationToken, location, methodName, tokenParameter.Name, parameter.Name));
                }
                else
                {
                    tokenParameter = parameter;
                }
            }
            else if (isPath)
            {
                if (RequireString(parameter, "path", methodName, location, diagnostics))
                {
                    pathParameters[wireName] = name;
                }
            }
            else if (bodyAttribute is not null)
            {
                if (bodyParameter is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RestMultipleBodies, location, methodName, bodyParameter.Name, parameter.Name));
                    continue;
                }

                bodyParameter = parameter;
                if (httpMethod is "Get" or "Delete")
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.RestBodyNotAllowed, location, methodName, httpMethod.ToUpperInvariant(), parameter.Name));
                }

                var isUrlEncoded = bodyAttribute.ConstructorArguments.FirstOrDefault().Value is UrlEncodedSerialization;
                var formFields = isUrlEncoded
                    ? FormFields(parameter, name, methodName, location, diagnostics, cancellationToken)
                    : EquatableArray<RestField>.Empty;
                var canBeNull = !parameter.Type.IsValueType || IsNullableValueType(parameter.Type);
                body = new RestBody(name, isUrlEncoded, canBeNull, formFields);
            }
            else if (headerAttribute is not null)
            {
                var headerName = headerAttribute.ConstructorArguments.FirstOrDefault().Value as string ?? "";
                if (!HttpToken.IsValid(headerName))
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.RestInvalidHeaderName,
                        ArgumentLocation(headerAttribute, 0, location, cancellationToken),
                        headerName,
                        parameter.Name,
                        methodName));
                }
                else if (RequireString(parameter, "header", methodName, location, diagnostics))
                {
                    headerParameters.Add(new RestHeader(headerName, null, name));
                }
            }
            else
            {
                if (!FormatsItself(parameter.Type))
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.RestUnformattableField,
                        location,
                        "Parameter",
                        parameter.Name,
                        methodName,
                        "query",
                        wireName,
                        parameter.Type.ToDisplayString(s_messageTypeFormat)));
                }

                query.Add(new RestField(wireName, name));
            }
        }

        // Path names with no parameter (those a conflicting parameter claimed are reported already).
        foreach (var templateName in templateNames)
        {
            if (!pathParameters.ContainsKey(templateName) && !method.Parameters.Any(p => WireName(p) == templateName))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.RestPathParameterNotFound,
                    ArgumentLocation(httpAttributes[0], 0, methodLocation, cancellationToken),
                    methodName,
                    templateName));
            }
        }

        // Fixed headers (the method's win over the interface's), then the [Header] parameters.
        var headers = new List<RestHeader>();
        foreach (var header in interfaceHeaders.Concat(ParseHeaders(method, methodName, methodLocation, diagnostics, cancellationToken)))
        {
            headers.RemoveAll(h => string.Equals(h.Name, header.Name, StringComparison.OrdinalIgnoreCase));
            headers.Add(header);
        }

        headers.AddRange(headerParameters);

        if (diagnostics.Count > errorsBefore || httpMethod is null)
        {
            return null;
        }

        return new RestMethod(
            Naming.EscapeIdentifier(method.Name),
            method.ReturnType.ToDisplayString(s_typeFormat),
            resultTypeName,
            httpMethod,
            template,
            parts.Select(p => p.ParameterName is null ? p : p with { ParameterName = pathParameters[p.Text] }).ToEquatableArray(),
            signature.ToEquatableArray(),
            query.ToEquatableArray(),
            headers.ToEquatableArray(),
            body,
            tokenParameter is null ? null : Naming.EscapeIdentifier(tokenParameter.Name));
    }

    /// <summary>The fields of a form body: its type's public readable instance properties, base type's first, each name once.</summary>
    private static EquatableArray<RestField> FormFields(
        IParameterSymbol parameter, string parameterName, string methodName, LocationInfo? location, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var type = parameter.Type;
        var isFieldHolder = type.TypeKind is TypeKind.Class or TypeKind.Struct
            && type.SpecialType == SpecialType.None
            && !IsNullableValueType(type)
            && !IsCollection(type);
        if (!isFieldHolder)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.RestUnsupportedFormBody, location, parameter.Name, methodName, type.ToDisplayString(s_messageTypeFormat)));
            return EquatableArray<RestField>.Empty;
        }

        var levels = new List<List<IPropertySymbol>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            var level = new List<IPropertySymbol>();
            foreach (var member in current.GetMembers())
            {
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, GetMethod.DeclaredAccessibility: Accessibility.Public } property
                    && seen.Add(property.Name))
                {
                    level.Add(property);
                }
            }

            levels.Add(level);
        }

        levels.Reverse();
        var fields = new List<RestField>();
        foreach (var property in levels.SelectMany(level => level))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var wireName = AliasOf(property) ?? Naming.ToCamelCase(property.Name);
            if (!FormatsItself(property.Type))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.RestUnformattableField,
                    LocationOf(property, location),
                    "Property",
                    property.Name,
                    type.ToDisplayString(s_messageTypeFormat),
                    "form",
                    wireName,
                    property.Type.ToDisplayString(s_messageTypeFormat)));
                continue;
            }

            fields.Add(new RestField(wireName, parameterName + "." + Naming.EscapeIdentifier(property.Name)));
        }

        return fields.ToEquatableArray();
    }

    /// <summary>The fixed headers of a <c>[Headers]</c> attribute on <paramref name="symbol"/>, reporting entries not in <c>Name: value</c> form.</summary>
    private static List<RestHeader> ParseHeaders(
        ISymbol symbol, string symbolName, LocationInfo? fallback, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var headers = new List<RestHeader>();
        foreach (var attribute in symbol.GetAttributes().Where(a => FullName(a) == HeadersAttributeName))
        {
            var entries = attribute.ConstructorArguments.FirstOrDefault() is { Kind: TypedConstantKind.Array } array
                ? array.Values.Select(v => v.Value as string).ToList()
                : [];
            var entrySyntax = EntrySyntax(attribute, cancellationToken);
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                var colon = entry?.IndexOf(':') ?? -1;
                var name = colon < 0 ? "" : entry!.Substring(0, colon).Trim();
                var value = colon < 0 ? "" : entry!.Substring(colon + 1).Trim();
                if (!HttpToken.IsValid(name) || value.Length == 0)
                {
                    var location = entrySyntax.Count == entries.Count
                        ? LocationInfo.From(entrySyntax[i])
                        : AttributeLocation(attribute, fallback, cancellationToken);
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RestInvalidHeadersEntry, location, entry ?? "null", symbolName));
                    continue;
                }

                headers.Add(new RestHeader(name, value, null));
            }
        }

        return headers;
    }

    /// <summary>
    /// The expressions that wrote a params attribute's entries, to point a diagnostic at one: the arguments themselves,
    /// or the elements of the one array they were passed as. The caller falls back to the attribute when the count differs.
    /// </summary>
    private static IReadOnlyList<ExpressionSyntax> EntrySyntax(AttributeData attribute, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax { ArgumentList.Arguments: var arguments })
        {
            return [];
        }

        if (arguments.Count == 1)
        {
            switch (arguments[0].Expression)
            {
                case ArrayCreationExpressionSyntax { Initializer: { } initializer }:
                    return initializer.Expressions;
                case ImplicitArrayCreationExpressionSyntax { Initializer: var initializer }:
                    return initializer.Expressions;
                case CollectionExpressionSyntax collection when collection.Elements.All(e => e is ExpressionElementSyntax):
                    return collection.Elements.Cast<ExpressionElementSyntax>().Select(e => e.Expression).ToList();
            }
        }

        return arguments.Select(a => a.Expression).ToList();
    }

    private static bool RequireString(IParameterSymbol parameter, string place, string methodName, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        if (parameter.Type.SpecialType == SpecialType.System_String)
        {
            return true;
        }

        diagnostics.Add(DiagnosticInfo.Create(
            DiagnosticDescriptors.RestParameterMustBeString, location, parameter.Name, methodName, place, parameter.Type.ToDisplayString(s_messageTypeFormat)));
        return false;
    }

    /// <summary>
    /// Whether <see cref="System.Object.ToString"/> gives a value worth sending: strings, primitives, enums and types that
    /// override it themselves (extensible enums, <c>Guid</c>, <c>DateTimeOffset</c>). Collections and records
    /// (whose compiler-made ToString dumps their members) do not. Types whose instances are unknown here (object,
    /// interfaces, type parameters) are the caller's call.
    /// </summary>
    internal static bool FormatsItself(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        if (type.SpecialType == SpecialType.System_String)
        {
            return true;
        }

        if (type is IArrayTypeSymbol || IsCollection(type))
        {
            return false;
        }

        if (type.TypeKind is TypeKind.Enum or TypeKind.Interface or TypeKind.TypeParameter or TypeKind.Dynamic or TypeKind.Error
            || type.SpecialType == SpecialType.System_Object)
        {
            return true;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.SpecialType is SpecialType.System_Object or SpecialType.System_ValueType or SpecialType.System_Enum)
            {
                break;
            }

            if (current.GetMembers(nameof(ToString)).OfType<IMethodSymbol>().Any(m => m is { IsOverride: true, IsImplicitlyDeclared: false, Parameters.Length: 0 }))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsErrorType(ITypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Error } => true,
        IArrayTypeSymbol array => ContainsErrorType(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(ContainsErrorType),
        _ => false,
    };

    private static bool IsCollection(ITypeSymbol type) =>
        type.SpecialType != SpecialType.System_String
        && (type.SpecialType == SpecialType.System_Collections_IEnumerable
            || type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable));

    internal static bool IsNullableValueType(ITypeSymbol type) =>
        type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;

    private static string? UnsupportedMemberKind(ISymbol member) => member switch
    {
        IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: true, IsAbstract: true } => "a static abstract method",
        IMethodSymbol { MethodKind: MethodKind.Ordinary, IsAbstract: true, IsGenericMethod: true } => "a generic method",
        IPropertySymbol { IsAbstract: true, IsIndexer: true } => "an indexer",
        IPropertySymbol { IsAbstract: true } => "a property",
        IEventSymbol { IsAbstract: true } => "an event",
        IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator or MethodKind.Conversion, IsAbstract: true } => "an abstract operator",
        _ => null,
    };

    private static string? Modifier(IParameterSymbol parameter) => parameter switch
    {
        { IsParams: true } => "params",
        { RefKind: RefKind.Ref } => "ref",
        { RefKind: RefKind.Out } => "out",
        { RefKind: RefKind.In } => "in",
        { RefKind: not RefKind.None } => "ref readonly",
        _ => null,
    };

    private static bool IsGeneric(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.TypeParameters.Length > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Why a top-level class in the interface's namespace cannot see the interface, or null when it can.</summary>
    private static string? Inaccessibility(INamedTypeSymbol type)
    {
        if (type.IsFileLocal)
        {
            return "file-local";
        }

        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal)
            {
                continue;
            }

            var accessibility = current.DeclaredAccessibility switch
            {
                Accessibility.Private => "private",
                Accessibility.Protected => "protected",
                Accessibility.ProtectedAndInternal => "private protected",
                _ => "not accessible",
            };
            return SymbolEqualityComparer.Default.Equals(current, type)
                ? accessibility
                : "nested in the " + accessibility + " type '" + current.ToDisplayString(s_nameFormat) + "'";
        }

        return null;
    }

    private static string? AliasOf(ISymbol symbol) =>
        symbol.GetAttributes().FirstOrDefault(a => FullName(a) == AliasAsAttributeName)?.ConstructorArguments.FirstOrDefault().Value as string;

    private static string WireName(IParameterSymbol parameter) => AliasOf(parameter) ?? parameter.Name;

    private static string FullName(AttributeData attribute) => attribute.AttributeClass?.ToDisplayString() ?? "";

    // Namespace and the client's name: what a reader looks for. Nested interfaces also name their containers, so files stay distinct.
    private static string HintName(INamedTypeSymbol type, string? ns, string className)
    {
        var parts = new List<string> { className };
        for (var current = type.ContainingType; current is not null; current = current.ContainingType)
        {
            parts.Add(current.MetadataName);
        }

        if (ns is not null)
        {
            parts.Add(ns);
        }

        parts.Reverse();
        return string.Join(".", parts) + ".g.cs";
    }

    private static LocationInfo? LocationOf(ISymbol symbol, LocationInfo? fallback) =>
        LocationInfo.From(symbol.Locations.FirstOrDefault(l => l.IsInSource)) ?? fallback;

    private static LocationInfo? AttributeLocation(AttributeData attribute, LocationInfo? fallback, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is { } syntax ? LocationInfo.From(syntax) : fallback;

    private static LocationInfo? ArgumentLocation(AttributeData attribute, int index, LocationInfo? fallback, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax syntax
            ? syntax.ArgumentList is { } list && index < list.Arguments.Count ? LocationInfo.From(list.Arguments[index].Expression) : LocationInfo.From(syntax)
            : fallback;
}
