namespace OpenTok.Refit;

/// <summary>How a composed archive or broadcast arranges its streams. Extensible: values the SDK does not know yet are kept as they are.</summary>
[ExtensibleEnum]
public readonly partial record struct LayoutType
{
    /// <summary>A tiled grid that fits the streams (the default). Wire value <c>bestFit</c>.</summary>
    [WireValue("bestFit")] public static partial LayoutType BestFit { get; }

    /// <summary>Arranged by your own stylesheet. Wire value <c>custom</c>.</summary>
    [WireValue("custom")] public static partial LayoutType Custom { get; }

    /// <summary>One large stream with a row of small ones. Wire value <c>horizontalPresentation</c>.</summary>
    [WireValue("horizontalPresentation")] public static partial LayoutType HorizontalPresentation { get; }

    /// <summary>Picture in picture. Wire value <c>pip</c>.</summary>
    [WireValue("pip")] public static partial LayoutType Pip { get; }

    /// <summary>One large stream with a column of small ones. Wire value <c>verticalPresentation</c>.</summary>
    [WireValue("verticalPresentation")] public static partial LayoutType VerticalPresentation { get; }
}
