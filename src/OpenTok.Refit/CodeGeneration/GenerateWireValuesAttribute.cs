namespace OpenTok.Refit;

/// <summary>
/// Asks the OpenTok.Refit generator for the wire names of a closed C# enum whose every member carries
/// <see cref="WireValueAttribute"/>: a static class <c>&lt;Enum&gt;WireValues</c> beside the enum with
/// <c>ToWireValue(this TEnum value)</c> (a switch over string literals, so it allocates nothing; an undefined value
/// throws <see cref="OpenTokArgumentException"/>) and <c>FromWireValue(string?)</c> (case-sensitive; null when the
/// string is not a wire value).
/// </summary>
/// <example>
/// <code>
/// [GenerateWireValues]
/// public enum Role
/// {
///     [WireValue("publisher")] Publisher,
///     [WireValue("subscriber")] Subscriber,
/// }
///
/// string name = Role.Subscriber.ToWireValue(); // "subscriber"
/// Role? role = RoleWireValues.FromWireValue("publisher"); // Role.Publisher
/// </code>
/// </example>
/// <remarks>
/// The enum needs this marker besides its members' <c>[WireValue]</c>: the generator finds its targets by an attribute on
/// the declaration it completes, which for the generated class is the enum. Use it for values the SDK sends and
/// owns; for values the server owns and may add to, use <see cref="ExtensibleEnumAttribute"/>. Mistakes in the
/// declaration are compile-time errors <c>OTR201</c>–<c>OTR210</c>.
/// </remarks>
[AttributeUsage(AttributeTargets.Enum, Inherited = false)]
public sealed class GenerateWireValuesAttribute : Attribute;
