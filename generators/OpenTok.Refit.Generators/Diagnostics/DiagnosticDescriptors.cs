using Microsoft.CodeAnalysis;

namespace OpenTok.Refit.Generators.Diagnostics;

/// <summary>
/// Every diagnostic the OpenTok.Refit generators report, in one place. Ids: <c>OTR0xx</c> for option builders,
/// <c>OTR1xx</c> reserved for the REST-client generator, <c>OTR2xx</c> for extensible enums and wire-value enums.
/// Each message says what is wrong and how to fix it.
/// Keep AnalyzerReleases.Unshipped.md in step with this class.
/// </summary>
internal static class DiagnosticDescriptors
{
    public const string BuilderCategory = "OpenTok.Refit.Builders";

    public const string RestClientCategory = "OpenTok.Refit.RestClients";

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

    public static readonly DiagnosticDescriptor RestMethodWithoutHttpMethod = new(
        id: "OTR101",
        title: "A [GenerateRestClient] method needs an HTTP method attribute",
        messageFormat: "'{0}' has no HTTP method attribute, so the generated client cannot know which request to send. Add [Get(\"/path\")], [Post(…)], [Put(…)], [Patch(…)] or [Delete(…)] to it, or give it a default implementation.",
        category: RestClientCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Every abstract method of a [GenerateRestClient] interface is an endpoint, declared by exactly one of OpenTok.Refit.Http's Get, Post, Put, Patch or Delete attributes.");

    public static readonly DiagnosticDescriptor RestMethodWithSeveralHttpMethods = new(
        id: "OTR102",
        title: "A [GenerateRestClient] method has more than one HTTP method attribute",
        messageFormat: "'{0}' has both [{1}] and [{2}], but an endpoint has one HTTP method and one path. Remove all but one of them.",
        category: RestClientCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Declare one method per endpoint.");

    public static readonly DiagnosticDescriptor RestPathNotRooted = new(
        id: "OTR103",
        title: "A path template must start with '/'",
        messageFormat: "The path template \"{0}\" of '{1}' does not start with '/'. Write it from the API's root, e.g. \"/v2/project/{{apiKey}}/archive\".",
        category: RestClientCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Paths are relative to the HttpClient's base address and written from its root, as the REST reference writes them.");

    public static readonly DiagnosticDescriptor RestPathMalformed = new(
        id: "OTR104",
        title: "A path template is malformed",
        messageFormat: "The path template \"{0}\" of '{1}' {2}. Write each path parameter as '{{name}}', and leave the query string to the method's query parameters.",
        category: RestClientCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A path template is literal text and '{name}' placeholders; the generated client appends the query string itself.");

    public static readonly DiagnosticDescriptor RestPathParameterNotFound = new(
        id: "OTR105",
        title: "A path parameter has no matching method parameter",
        messageFormat: "The path template of '{0}' names '{{{1}}}', but '{0}' has no parameter named '{1}'. Add a parameter named '{1}', or put [AliasAs(\"{1}\")] on the parameter that holds the value.",
        category: RestClientCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Each '{name}' in a path template is filled from the method parameter of that name (or with that [AliasAs] name).");

    public static readonly DiagnosticDescriptor RestUnsupportedReturnType = new(
        id: "OTR106",
        title: "A [GenerateRestClient] method must return Task or Task<T>",
        messageFormat: "'{0}' returns '{1}', which the generated client cannot produce. Declare it as returning Task (when the answer has no body to read) or Task<T> (to read the answer's JSON as T).",
        category: RestClientCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Every endpoint is asynchronous: Task, or Task<T> for an answer read through the JSON serializer context.");

    public static readonly DiagnosticDescriptor RestMultipleBodies = new(
        id: "OTR107",
        title: "A [GenerateRestClient] method has more than one [Body] parameter",
        messageFormat: "'{0}' marks both '{1}' and '{2}' as [Body], but a request has one body. Remove [Body] from all but one of them.",
        category: RestClientCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Put several values in one body by declaring a request record that holds them.");

    public static readonly DiagnosticDescriptor RestBodyNotAllowed = new(
        id: "OTR108",
        title: "A GET or DELETE endpoint cannot have a [Body]",
        messageFormat: "'{0}' is a {1} endpoint but marks '{2}' as [Body], and {1} requests carry no body. Remove [Body] to send the value in the query string, or declare the endpoint with [Post], [Put] or [Patch].",
        category: RestClientCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Servers and proxies may drop or reject a body on GET and DELETE requests.");

    public static readonly DiagnosticDescriptor RestParameterConflict = new(
        id: "OTR109",
        title: "A parameter has more than one place in the request",
        messageFormat: "Parameter '{0}' of '{1}' is both {2} and {3}, so it has no single place in the request. Remove one of them: a parameter is a path, query, header or body value, or the cancellation token.",
        category: RestClientCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A parameter named in the path template is a path value; [Body], [Header] and [Query] mark the other places; a CancellationToken cancels the call.");

    public static readonly DiagnosticDescriptor RestSecondCancellationToken = new(
        id: "OTR110",
        title: "A [GenerateRestClient] method has more than one CancellationToken",
        messageFormat: "'{0}' already takes the CancellationToken '{1}', so '{2}' would be ignored. Remove '{2}': one token cancels the call.",
        category: RestClientCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generated client passes one CancellationToken to HttpClient.SendAsync.");

    public static readonly DiagnosticDescriptor RestInvalidHeadersEntry = new(
        id: "OTR111",
        title: "A [Headers] entry is not in 'Name: value' form",
        messageFormat: "The header \"{0}\" in [Headers] on '{1}' is not in 'Name: value' form. Write it as a header name, a colon and a value, e.g. \"Accept: application/json\".",
        category: RestClientCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A header name is an HTTP token (letters, digits and !#$%&'*+-.^_`|~); the value is everything after the first colon, trimmed, and must not be empty.");

    public static readonly DiagnosticDescriptor RestInvalidHeaderName = new(
        id: "OTR112",
        title: "A [Header] name is not a valid header name",
        messageFormat: "[Header(\"{0}\")] on parameter '{1}' of '{2}' is not a valid header name. Rename it to an HTTP token such as \"X-Request-Id\": letters, digits and !#$%&'*+-.^_`|~, without spaces or a colon.",
        category: RestClientCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The parameter's value is sent as the header of that name.");

    public static readonly DiagnosticDescriptor RestGenericInterface = new(
        id: "OTR113",
        title: "A [GenerateRestClient] interface cannot be generic",
        messageFormat: "'{0}' is generic, or nested in a generic type, which [GenerateRestClient] does not support. Declare a non-generic interface whose methods use concrete types.",
        category: RestClientCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generated client is one non-generic class per interface.");

    public static readonly DiagnosticDescriptor RestInterfaceNotAccessible = new(
        id: "OTR114",
        title: "A [GenerateRestClient] interface must be accessible to its namespace",
        messageFormat: "'{0}' is {1}, so the client generated beside it in its namespace cannot implement it. Declare it (and every type it is nested in) public or internal.",
        category: RestClientCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The client is a top-level internal class in the interface's namespace.");

    public static readonly DiagnosticDescriptor RestUnsupportedMember = new(
        id: "OTR115",
        title: "A [GenerateRestClient] interface member cannot be implemented",
        messageFormat: "'{0}' is {1}, which a generated REST client cannot implement. Remove it, or give it a default implementation in the interface.",
        category: RestClientCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A [GenerateRestClient] interface declares endpoints: non-generic instance methods returning Task or Task<T>.");

    public static readonly DiagnosticDescriptor RestInterfaceWithBaseInterfaces = new(
        id: "OTR116",
        title: "A [GenerateRestClient] interface cannot extend other interfaces",
        messageFormat: "'{0}' extends {1}, whose members the generated client would not implement. Remove the base interface and declare its endpoints on '{0}', or mark the base interface [GenerateRestClient] on its own.",
        category: RestClientCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Each [GenerateRestClient] interface is one REST area, implemented by its own client.");

    public static readonly DiagnosticDescriptor RestUnsupportedParameterModifier = new(
        id: "OTR117",
        title: "A [GenerateRestClient] parameter cannot be ref, out, in or params",
        messageFormat: "Parameter '{0}' of '{1}' is declared '{2}', which a REST call cannot honour. Remove the '{2}' modifier.",
        category: RestClientCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Values go into the request; nothing comes back through a parameter.");

    public static readonly DiagnosticDescriptor RestParameterMustBeString = new(
        id: "OTR118",
        title: "Path and header parameters must be strings",
        messageFormat: "Parameter '{0}' of '{1}' is a {2} value but its type is '{3}'. Declare it as 'string' and format the value where the method is called.",
        category: RestClientCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Path segments and headers are text; formatting them in the caller keeps the wire format visible and culture-proof.");

    public static readonly DiagnosticDescriptor RestUnformattableField = new(
        id: "OTR119",
        title: "A query or form value has no text form",
        messageFormat: "{0} '{1}' of '{2}' is sent as the {3} field \"{4}\", but its type '{5}' does not override ToString(), so the wire would get its type name or a record dump. Declare it as a string, number, boolean, enum or a type with its own ToString(), or send it in a JSON body.",
        category: RestClientCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Query and form values are written by RestFields: null is left out, booleans are lower-case, numbers invariant, anything else by its ToString(). Collections are not expanded.");

    public static readonly DiagnosticDescriptor RestUnsupportedFormBody = new(
        id: "OTR120",
        title: "A form body must be a class, record or struct of fields",
        messageFormat: "[Body(BodySerializationMethod.UrlEncoded)] parameter '{0}' of '{1}' is a '{2}', which has no properties to send as form fields. Declare a class, record or struct whose public properties are the fields, or send the body as JSON.",
        category: RestClientCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Each public readable instance property of a form body becomes a field named by its [AliasAs] or its camelCase name.");

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
