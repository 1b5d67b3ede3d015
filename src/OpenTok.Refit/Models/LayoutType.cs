using System.Text.Json.Serialization;

namespace OpenTok.Refit;

/// <summary>How a composed archive or broadcast arranges its streams. Extensible: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(ExtensibleEnumConverter<LayoutType>))]
public readonly record struct LayoutType : IExtensibleEnum<LayoutType>
{
    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire value.</param>
    public LayoutType(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>A tiled grid that fits the streams (the default). Wire value <c>bestFit</c>.</summary>
    public static LayoutType BestFit { get; } = new("bestFit");

    /// <summary>Arranged by your own stylesheet. Wire value <c>custom</c>.</summary>
    public static LayoutType Custom { get; } = new("custom");

    /// <summary>One large stream with a row of small ones. Wire value <c>horizontalPresentation</c>.</summary>
    public static LayoutType HorizontalPresentation { get; } = new("horizontalPresentation");

    /// <summary>Picture in picture. Wire value <c>pip</c>.</summary>
    public static LayoutType Pip { get; } = new("pip");

    /// <summary>One large stream with a column of small ones. Wire value <c>verticalPresentation</c>.</summary>
    public static LayoutType VerticalPresentation { get; } = new("verticalPresentation");

    /// <summary>Every value this SDK knows.</summary>
    public static IReadOnlyList<LayoutType> Known { get; } = [BestFit, Custom, HorizontalPresentation, Pip, VerticalPresentation];

    /// <inheritdoc/>
    public string Value { get => field ?? ""; }

    /// <summary>Whether this is one of the <see cref="Known"/> values.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc/>
    public static LayoutType FromValue(string value) => new(value);

    /// <summary>The wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value;
}
