using System.Text.Json.Serialization;

namespace OpenTok.Refit;

/// <summary>A video resolution, width x height. Extensible: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(ExtensibleEnumConverter<Resolution>))]
public readonly record struct Resolution : IExtensibleEnum<Resolution>
{
    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire value.</param>
    public Resolution(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>640x480, landscape SD (the default). Wire value <c>640x480</c>.</summary>
    public static Resolution Sd { get; } = new("640x480");

    /// <summary>480x640, portrait SD. Wire value <c>480x640</c>.</summary>
    public static Resolution SdPortrait { get; } = new("480x640");

    /// <summary>1280x720, landscape HD. Wire value <c>1280x720</c>.</summary>
    public static Resolution Hd { get; } = new("1280x720");

    /// <summary>720x1280, portrait HD. Wire value <c>720x1280</c>.</summary>
    public static Resolution HdPortrait { get; } = new("720x1280");

    /// <summary>1920x1080, landscape full HD. Wire value <c>1920x1080</c>.</summary>
    public static Resolution FullHd { get; } = new("1920x1080");

    /// <summary>1080x1920, portrait full HD. Wire value <c>1080x1920</c>.</summary>
    public static Resolution FullHdPortrait { get; } = new("1080x1920");

    /// <summary>Every value this SDK knows.</summary>
    public static IReadOnlyList<Resolution> Known { get; } = [Sd, SdPortrait, Hd, HdPortrait, FullHd, FullHdPortrait];

    /// <inheritdoc/>
    public string Value { get => field ?? ""; }

    /// <summary>Whether this is one of the <see cref="Known"/> values.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc/>
    public static Resolution FromValue(string value) => new(value);

    /// <summary>The wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value;
}
