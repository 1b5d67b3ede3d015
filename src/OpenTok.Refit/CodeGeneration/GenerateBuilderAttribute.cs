namespace OpenTok.Refit;

/// <summary>
/// Asks the OpenTok.Refit generator for a fluent builder on a <c>partial record</c>: a nested immutable
/// <c>Builder</c> struct with one method per settable property (named as the property), an <c>Add…</c> method
/// per collection property, and <c>Build()</c>, which runs the record's own <c>void Validate()</c> when it has one.
/// The record also gets <c>CreateBuilder()</c> and <c>ToBuilder()</c>.
/// </summary>
/// <example>
/// <code>
/// var options = new TokenOptions.Builder().Role(Role.Subscriber).Data("name=Johnny").Build();
/// </code>
/// </example>
/// <remarks>
/// Each builder method returns a new builder (<c>this with { … }</c>), so a builder can be shared and chains
/// need no <c>ignore</c> in F#. Properties left unset keep the record's own initial values. Mistakes in the
/// record's shape are compile-time errors <c>OTR001</c>–<c>OTR009</c>.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GenerateBuilderAttribute : Attribute;
