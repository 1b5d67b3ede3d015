namespace OpenTok.Refit;

/// <summary>A video resolution, width x height. Extensible: values the SDK does not know yet are kept as they are.</summary>
[ExtensibleEnum]
public readonly partial record struct Resolution
{
    /// <summary>640x480, landscape SD (the default). Wire value <c>640x480</c>.</summary>
    [WireValue("640x480")] public static partial Resolution Sd { get; }

    /// <summary>480x640, portrait SD. Wire value <c>480x640</c>.</summary>
    [WireValue("480x640")] public static partial Resolution SdPortrait { get; }

    /// <summary>1280x720, landscape HD. Wire value <c>1280x720</c>.</summary>
    [WireValue("1280x720")] public static partial Resolution Hd { get; }

    /// <summary>720x1280, portrait HD. Wire value <c>720x1280</c>.</summary>
    [WireValue("720x1280")] public static partial Resolution HdPortrait { get; }

    /// <summary>1920x1080, landscape full HD. Wire value <c>1920x1080</c>.</summary>
    [WireValue("1920x1080")] public static partial Resolution FullHd { get; }

    /// <summary>1080x1920, portrait full HD. Wire value <c>1080x1920</c>.</summary>
    [WireValue("1080x1920")] public static partial Resolution FullHdPortrait { get; }
}
