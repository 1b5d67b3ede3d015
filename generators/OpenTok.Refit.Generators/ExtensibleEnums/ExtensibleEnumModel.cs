using OpenTok.Refit.Generators.Infrastructure;

namespace OpenTok.Refit.Generators.ExtensibleEnums;

/// <summary>
/// What the parser found for one <c>[ExtensibleEnum]</c> struct: the model to emit (null when an error stops
/// generation) and the diagnostics to report. Plain values only, so the step caches.
/// </summary>
internal sealed record ExtensibleEnumTarget(ExtensibleEnumModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>Everything the emitter needs to complete one extensible enum struct.</summary>
/// <param name="HintName">The generated file's name: <c>Namespace.Type.ExtensibleEnum.g.cs</c>.</param>
/// <param name="Namespace">The struct's namespace, or null for the global namespace.</param>
/// <param name="TypeName">The struct's name as declared (escaped when it is a keyword).</param>
/// <param name="FullyQualifiedName">The struct's <c>global::</c>-qualified name.</param>
/// <param name="KnownValues">The <c>[WireValue]</c> properties, in declaration order.</param>
internal sealed record ExtensibleEnumModel(
    string HintName,
    string? Namespace,
    string TypeName,
    string FullyQualifiedName,
    EquatableArray<KnownValue> KnownValues);

/// <summary>One known value: a <c>static partial</c> property and the wire value its body returns.</summary>
/// <param name="PropertyName">The property's name, escaped when it is a keyword (<c>@default</c>).</param>
/// <param name="Modifiers">The property declaration's modifiers (<c>public static partial</c>), which its implementation must repeat.</param>
/// <param name="WireValue">The wire value, as written in <c>[WireValue("…")]</c>.</param>
internal sealed record KnownValue(string PropertyName, string Modifiers, string WireValue);

/// <summary>
/// What the parser found for one <c>[GenerateWireValues]</c> enum: the model to emit (null when an error stops
/// generation) and the diagnostics to report.
/// </summary>
internal sealed record WireValueEnumTarget(WireValueEnumModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>Everything the emitter needs to write one enum's <c>&lt;Enum&gt;WireValues</c> class.</summary>
/// <param name="HintName">The generated file's name: <c>Namespace.Enum.WireValues.g.cs</c>.</param>
/// <param name="Namespace">The enum's namespace, or null for the global namespace.</param>
/// <param name="ClassName">The generated class's name: the enum's name plus <c>WireValues</c>.</param>
/// <param name="IsPublic">Whether the enum is public, and so the generated class too (else both are internal).</param>
/// <param name="EnumName">The enum's name as declared, for messages (<c>Role</c>).</param>
/// <param name="FullyQualifiedName">The enum's <c>global::</c>-qualified name.</param>
/// <param name="UnderlyingTypeName">The enum's underlying type (<c>int</c>, <c>byte</c>…), to print an undefined value as a number.</param>
/// <param name="Members">The enum's members, in declaration order.</param>
internal sealed record WireValueEnumModel(
    string HintName,
    string? Namespace,
    string ClassName,
    bool IsPublic,
    string EnumName,
    string FullyQualifiedName,
    string UnderlyingTypeName,
    EquatableArray<WireValueMember> Members);

/// <summary>One enum member and its wire value.</summary>
/// <param name="Name">The member's name, escaped when it is a keyword.</param>
/// <param name="WireValue">The wire value, as written in <c>[WireValue("…")]</c>.</param>
internal sealed record WireValueMember(string Name, string WireValue);
