namespace OpenTok.Refit;

/// <summary>
/// Asks the OpenTok.Refit generator to complete a <c>readonly partial record struct</c> as an extensible enum: a string
/// the server owns, with known values the SDK names and room for values it does not know yet. Declare each known value
/// once, as a <c>static partial</c> property marked <see cref="WireValueAttribute"/>; the generator writes the rest.
/// </summary>
/// <example>
/// <code>
/// [ExtensibleEnum]
/// public readonly partial record struct ArchiveStatus
/// {
///     /// &lt;summary&gt;The archive is ready to download. Wire value &lt;c&gt;available&lt;/c&gt;.&lt;/summary&gt;
///     [WireValue("available")] public static partial ArchiveStatus Available { get; }
/// }
/// </code>
/// </example>
/// <remarks>
/// The generated part adds <c>[JsonConverter(typeof(ExtensibleEnumConverter&lt;T&gt;))]</c>, <see cref="IExtensibleEnum{TSelf}"/>,
/// a constructor from the wire value, <c>Value</c> (never null: <c>default</c> has the empty string), the properties'
/// bodies, <c>Known</c> (in declaration order), <c>IsKnown</c>, <c>FromValue</c>, <c>ToString()</c> (the wire value) and
/// ordinal equality on <c>Value</c>, so that <c>default(T) == new T("")</c>. Mistakes in the declaration are
/// compile-time errors <c>OTR201</c>–<c>OTR210</c>.
/// A <see cref="System.Text.Json.Serialization.JsonSerializerContext"/> in the same project cannot see the generated
/// <c>[JsonConverter]</c> (source generators do not see each other's output): list the converter in its
/// <c>JsonSourceGenerationOptions.Converters</c>, as <see cref="OpenTokJsonContext"/> does.
/// </remarks>
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
public sealed class ExtensibleEnumAttribute : Attribute;
