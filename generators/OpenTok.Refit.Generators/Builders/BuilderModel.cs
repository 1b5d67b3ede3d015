using OpenTok.Refit.Generators.Infrastructure;

namespace OpenTok.Refit.Generators.Builders;

/// <summary>
/// What the parser found for one <c>[GenerateBuilder]</c> declaration: the model to emit (null when an error
/// stops generation) and the diagnostics to report. Plain values only, so the step caches.
/// </summary>
internal sealed record BuilderTarget(BuilderModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>Everything the emitter needs to write one record's builder.</summary>
/// <param name="HintName">The generated file's name: <c>Namespace.Outer.Type`1.Builder.g.cs</c>.</param>
/// <param name="Namespace">The record's namespace, or null for the global namespace.</param>
/// <param name="ContainingTypes">The types the record is nested in, outermost first.</param>
/// <param name="TypeName">The record's name as declared, with type parameters: <c>Page&lt;T&gt;</c>.</param>
/// <param name="FullyQualifiedName">The record's <c>global::</c>-qualified name, with type parameters.</param>
/// <param name="HasValidate">Whether the record declares (or inherits) <c>void Validate()</c>, which <c>Build()</c> runs.</param>
/// <param name="HidesInheritedBuilder">Whether a base record has a builder too, so the generated members need <c>new</c>.</param>
/// <param name="Properties">The properties the builder sets, base record's first, in declaration order.</param>
internal sealed record BuilderModel(
    string HintName,
    string? Namespace,
    EquatableArray<ContainingType> ContainingTypes,
    string TypeName,
    string FullyQualifiedName,
    bool HasValidate,
    bool HidesInheritedBuilder,
    EquatableArray<BuilderProperty> Properties);

/// <summary>A type a nested record is declared in: its keyword (<c>class</c>, <c>record struct</c>…) and name with type parameters.</summary>
internal sealed record ContainingType(string Keyword, string Name);

/// <summary>One settable property and the builder methods it gets.</summary>
/// <param name="Name">The property name, which is also the setter method's name.</param>
/// <param name="ParameterName">The setter's parameter name, escaped when it is a keyword (<c>@class</c>).</param>
/// <param name="TypeName">The property type, <c>global::</c>-qualified, with nullable annotations.</param>
/// <param name="Cref">The property as a documentation cref, qualified by the type that declares it (a base record's, when inherited).</param>
/// <param name="Summary">The property's own <c>&lt;summary&gt;</c> content, or null when it has none.</param>
/// <param name="Collection">How to add one item, when the property is a collection the builder knows.</param>
internal sealed record BuilderProperty(
    string Name,
    string ParameterName,
    string TypeName,
    string Cref,
    string? Summary,
    CollectionInfo? Collection);

/// <summary>How a collection property's <c>Add…</c> method appends: its shape and the item types.</summary>
/// <param name="Kind">Which code appends one item without touching the previous builder's collection.</param>
/// <param name="AddMethodName"><c>Add</c> plus the singular of the property name.</param>
/// <param name="ItemParameterName">The item parameter for lists (the singular, camel-cased); unused for dictionaries.</param>
/// <param name="ItemTypeName">The element type for lists; the value type for dictionaries.</param>
/// <param name="KeyTypeName">The key type for dictionaries, else null.</param>
/// <param name="ConcreteTypeName">For <see cref="CollectionKind.ImmutableArray"/> and <see cref="CollectionKind.ImmutableDictionary"/>: the closed type to take <c>Empty</c> from.</param>
internal sealed record CollectionInfo(
    CollectionKind Kind,
    string AddMethodName,
    string ItemParameterName,
    string ItemTypeName,
    string? KeyTypeName,
    string? ConcreteTypeName);

/// <summary>The collection shapes a builder can append to.</summary>
internal enum CollectionKind
{
    /// <summary>Arrays and list interfaces/classes: a new collection expression <c>[.. old, item]</c>.</summary>
    Sequence,

    /// <summary><c>ImmutableArray&lt;T&gt;</c>: <c>Add</c> on the value (or on <c>Empty</c> when it is default).</summary>
    ImmutableArray,

    /// <summary>Dictionary interfaces and <c>Dictionary&lt;K,V&gt;</c>: a copy (keeping the comparer) with the entry set.</summary>
    Dictionary,

    /// <summary><c>ImmutableDictionary&lt;K,V&gt;</c>: <c>SetItem</c> on the value (or on <c>Empty</c>).</summary>
    ImmutableDictionary,
}
