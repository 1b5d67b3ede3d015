using Microsoft.CodeAnalysis;

namespace OpenTok.Refit.Generators.Diagnostics;

/// <summary>
/// Every diagnostic the OpenTok.Refit generators report, in one place. Ids: <c>OTR0xx</c> for option builders. Each message says what is wrong and how to fix it.
/// Keep AnalyzerReleases.Unshipped.md in step with this class.
/// </summary>
internal static class DiagnosticDescriptors
{
    public const string BuilderCategory = "OpenTok.Refit.Builders";

    public static readonly DiagnosticDescriptor BuilderTypeNotPartial = new(
        id: "OTR001",
        title: "A [GenerateBuilder] type must be partial",
        messageFormat: "'{0}' has [GenerateBuilder] but is not partial. Add the 'partial' modifier so the generator can add its Builder.",
        category: BuilderCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The builder is generated as a nested type in another part of the same partial type.");

    public static readonly DiagnosticDescriptor BuilderTypeNotRecord = new(
        id: "OTR002",
        title: "A [GenerateBuilder] type must be a non-abstract record class",
        messageFormat: "'{0}' has [GenerateBuilder] but is not a concrete record class. Declare it as a non-abstract 'partial record', since the builder creates it with 'new' and sets properties with 'with' expressions.",
        category: BuilderCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An unset builder creates the record with 'new', and each builder method returns a copy made with a 'with' expression.");

    public static readonly DiagnosticDescriptor BuilderContainingTypeNotPartial = new(
        id: "OTR003",
        title: "A type containing a [GenerateBuilder] record must be partial",
        messageFormat: "'{0}' is nested in '{1}', which is not partial. Add the 'partial' modifier to '{1}' (and to every type that contains it).",
        category: BuilderCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generated part of a nested record must repeat its containing types, which only works when they are partial.");

    public static readonly DiagnosticDescriptor BuilderNoParameterlessConstructor = new(
        id: "OTR004",
        title: "A [GenerateBuilder] record needs a parameterless constructor",
        messageFormat: "'{0}' has no parameterless constructor, so its builder cannot start from the record's defaults. Declare the values as 'init' properties with defaults instead of a positional parameter list, or add a parameterless constructor.",
        category: BuilderCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An unset builder starts from 'new T()', so that every property keeps the record's own default.");

    public static readonly DiagnosticDescriptor BuilderPropertyNotSettable = new(
        id: "OTR005",
        title: "A public property of a [GenerateBuilder] record has no init or set accessor",
        messageFormat: "Property '{0}' of '{1}' is public but has no 'init' or 'set' accessor, so the builder cannot set it. Add 'init', make it computed ('=> …'), or make it non-public.",
        category: BuilderCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A public get-only auto-property would silently have no builder method.");

    public static readonly DiagnosticDescriptor BuilderDuplicateMethod = new(
        id: "OTR006",
        title: "Two properties would generate the same builder method",
        messageFormat: "Property '{0}' of '{1}' would generate builder method '{2}', which property '{3}' generates too. Rename one of the properties.",
        category: BuilderCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Setters are named as their property and collections also get 'Add' plus the singular name, so names can collide.");

    public static readonly DiagnosticDescriptor BuilderReservedName = new(
        id: "OTR007",
        title: "A member name is reserved by the generated builder",
        messageFormat: "'{1}' declares '{0}', a name the generated builder needs for {2}. Rename the member.",
        category: BuilderCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generator adds 'Builder', 'CreateBuilder' and 'ToBuilder' to the record, and 'Build' to the builder.");

    public static readonly DiagnosticDescriptor BuilderRequiredProperty = new(
        id: "OTR008",
        title: "A [GenerateBuilder] record cannot have required properties",
        messageFormat: "Property '{0}' of '{1}' is 'required', which the builder cannot satisfy when it starts from 'new {1}()'. Remove 'required', give the property a default and check it in Validate().",
        category: BuilderCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The rules of an option record live in its Validate() method, which Build() runs.");

    public static readonly DiagnosticDescriptor BuilderInvalidValidateMethod = new(
        id: "OTR009",
        title: "Validate() must be a parameterless instance method returning void",
        messageFormat: "'{0}.Validate()' is static or returns a value, so Build() cannot run it as the record's rules. Declare it as 'void Validate()' that throws an ArgumentException when a rule is broken.",
        category: BuilderCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Build() runs the record's own rules by calling its instance method 'void Validate()'.");
}
