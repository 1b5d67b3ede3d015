using System.Text.Json.Serialization;

namespace OpenTok.Refit;

/// <summary>Whether an archive is one composed file or one file per stream. Extensible: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(ExtensibleEnumConverter<OutputMode>))]
public readonly record struct OutputMode : IExtensibleEnum<OutputMode>
{
    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire value.</param>
    public OutputMode(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>All streams composed into one file (the default). Wire value <c>composed</c>.</summary>
    public static OutputMode Composed { get; } = new("composed");

    /// <summary>One file per stream, in a zip. Wire value <c>individual</c>.</summary>
    public static OutputMode Individual { get; } = new("individual");

    /// <summary>Every value this SDK knows.</summary>
    public static IReadOnlyList<OutputMode> Known { get; } = [Composed, Individual];

    /// <inheritdoc/>
    public string Value { get => field ?? ""; }

    /// <summary>Whether this is one of the <see cref="Known"/> values.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc/>
    public static OutputMode FromValue(string value) => new(value);

    /// <summary>The wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value;
}
