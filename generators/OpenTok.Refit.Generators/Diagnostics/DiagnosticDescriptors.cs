using Microsoft.CodeAnalysis;

namespace OpenTok.Refit.Generators.Diagnostics;

/// <summary>
/// Every diagnostic the OpenTok.Refit generators report, in one place. Ids: <c>OTR0xx</c> for option builders,
/// <c>OTR2xx</c> for extensible enums and wire-value enums (<c>OTR1xx</c> belonged to the REST-client generator that
/// Refit replaced; they are not reused). Each message says what is wrong and how to fix it.
/// Keep AnalyzerReleases.Unshipped.md in step with this class.
/// </summary>
internal static class DiagnosticDescriptors
{
    public const string BuilderCategory = "OpenTok.Refit.Builders";

    public const string ExtensibleEnumCategory = "OpenTok.Refit.ExtensibleEnums";

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
    public static readonly DiagnosticDescriptor ExtensibleEnumNotReadonlyPartialRecordStruct = new(
        id: "OTR201",
        title: "An [ExtensibleEnum] type must be a readonly partial record struct",
        messageFormat: "'{0}' has [ExtensibleEnum] but is not a readonly partial record struct without a parameter list. Declare it as 'readonly partial record struct {0}', so the generator can add its value, constructor, equality and JSON converter.",
        category: ExtensibleEnumCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generator completes the struct in another part: 'partial' lets it, 'readonly record struct' makes it an immutable value, and a parameter list would declare state besides the wire value.");

    public static readonly DiagnosticDescriptor GeneratedEnumNotTopLevel = new(
        id: "OTR202",
        title: "An [ExtensibleEnum] or [GenerateWireValues] type must be a non-generic type declared in a namespace",
        messageFormat: "'{0}' has [{1}] but is {2}. Declare it directly in a namespace, without type parameters: the generator writes its code beside it at namespace level.",
        category: ExtensibleEnumCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A [GenerateWireValues] enum gets a top-level static class of extension methods, which C# does not allow nested; an [ExtensibleEnum] struct gets '[JsonConverter(typeof(ExtensibleEnumConverter<T>))]', which cannot name an open generic type.");

    public static readonly DiagnosticDescriptor ExtensibleEnumValueWithoutWireValue = new(
        id: "OTR203",
        title: "A static member of an [ExtensibleEnum] struct's own type needs [WireValue]",
        messageFormat: "'{0}' is a static member of type '{1}' without [WireValue], so it would be a value missing from Known and IsKnown. Add [WireValue(\"…\")] and declare it 'static partial {1} {0} {{ get; }}', or remove it.",
        category: ExtensibleEnumCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Every value an extensible enum names is one of its known values, declared once by its wire value.");

    public static readonly DiagnosticDescriptor WireValuePropertyNotPartial = new(
        id: "OTR204",
        title: "A [WireValue] member of an [ExtensibleEnum] struct must be a static partial get-only property of the struct's type",
        messageFormat: "'{0}' has [WireValue] but is not declared as 'static partial {1} {0} {{ get; }}' without a body or initializer. Declare it so: the generator writes its body from the wire value.",
        category: ExtensibleEnumCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The author declares each known value once, with its wire value and its documentation; the generator implements the partial property.");

    public static readonly DiagnosticDescriptor DuplicateWireValue = new(
        id: "OTR205",
        title: "Two members have the same wire value",
        messageFormat: "'{0}' has wire value \"{1}\", which '{2}' has too. Remove one of them, or give each its own wire value.",
        category: ExtensibleEnumCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Reading a wire value must find one member; wire values are compared case-sensitively.");

    public static readonly DiagnosticDescriptor EnumMemberWithoutWireValue = new(
        id: "OTR206",
        title: "Every member of a [GenerateWireValues] enum needs [WireValue]",
        messageFormat: "'{0}.{1}' has no [WireValue], so ToWireValue and FromWireValue would not know it. Add [WireValue(\"…\")] to it.",
        category: ExtensibleEnumCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A member without a wire value would make ToWireValue throw for a defined value.");

    public static readonly DiagnosticDescriptor EmptyWireValue = new(
        id: "OTR207",
        title: "A wire value must not be empty",
        messageFormat: "'{0}' has an empty or null wire value, which cannot stand for a value on the wire. Declare the non-empty string the server uses, e.g. [WireValue(\"available\")].",
        category: ExtensibleEnumCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The empty string is the value of default(T) of an extensible enum, and no OpenTok field uses it as a name.");

    public static readonly DiagnosticDescriptor GeneratedMemberAlreadyDeclared = new(
        id: "OTR208",
        title: "A member the generator writes is already declared",
        messageFormat: "'{1}' already declares {0}, which the generator writes. Remove it, or rename it.",
        category: ExtensibleEnumCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An [ExtensibleEnum] struct gets its constructor from a string, Value, Known, IsKnown, FromValue, Equals, GetHashCode, ToString and [JsonConverter] from the generator; a [GenerateWireValues] enum gets the class <Enum>WireValues.");

    public static readonly DiagnosticDescriptor WireValueWithoutGeneratedType = new(
        id: "OTR209",
        title: "[WireValue] only works in an [ExtensibleEnum] struct or a [GenerateWireValues] enum",
        messageFormat: "[WireValue] on '{0}' has no effect, because '{1}' has no [{2}]. Add [{2}] to '{1}', or remove the [WireValue].",
        category: ExtensibleEnumCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generator finds its targets by the marker on the type; without it nothing reads the wire value.");

    public static readonly DiagnosticDescriptor EnumMembersShareValue = new(
        id: "OTR210",
        title: "Two members of a [GenerateWireValues] enum have the same value",
        messageFormat: "'{0}.{1}' has the same value as '{0}.{2}' ({3}), so ToWireValue could not tell them apart. Remove one of them, or give each its own value.",
        category: ExtensibleEnumCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "ToWireValue switches on the value, and an alias has no wire value of its own.");
}
