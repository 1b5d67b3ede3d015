using System.Text.Json.Serialization;

namespace OpenTok.Refit;

/// <summary>Whether streams are added to an archive or broadcast automatically or by explicit calls. Extensible: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(ExtensibleEnumConverter<StreamMode>))]
public readonly record struct StreamMode : IExtensibleEnum<StreamMode>
{
    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire value.</param>
    public StreamMode(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Every stream is included (the default). Wire value <c>auto</c>.</summary>
    public static StreamMode Auto { get; } = new("auto");

    /// <summary>Only streams added with the stream calls are included. Wire value <c>manual</c>.</summary>
    public static StreamMode Manual { get; } = new("manual");

    /// <summary>Every value this SDK knows.</summary>
    public static IReadOnlyList<StreamMode> Known { get; } = [Auto, Manual];

    /// <inheritdoc/>
    public string Value { get => field ?? ""; }

    /// <summary>Whether this is one of the <see cref="Known"/> values.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc/>
    public static StreamMode FromValue(string value) => new(value);

    /// <summary>The wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value;
}
