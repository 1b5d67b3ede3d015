namespace OpenTok.Refit;

/// <summary>
/// The string that stands for a value on the wire (in JSON, form fields or tokens). On a <c>static partial</c> property
/// of an <see cref="ExtensibleEnumAttribute">[ExtensibleEnum]</see> struct it declares a known value; on a member of a
/// <see cref="GenerateWireValuesAttribute">[GenerateWireValues]</see> enum it is the member's name on the wire.
/// </summary>
/// <param name="value">The wire value, exactly as the server writes it (compared case-sensitively); not empty.</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class WireValueAttribute(string value) : Attribute
{
    /// <summary>The wire value, exactly as the server writes it.</summary>
    public string Value { get; } = value;
}
