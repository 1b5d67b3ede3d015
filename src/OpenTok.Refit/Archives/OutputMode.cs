namespace OpenTok.Refit;

/// <summary>Whether an archive is one composed file or one file per stream. Extensible: values the SDK does not know yet are kept as they are.</summary>
[ExtensibleEnum]
public readonly partial record struct OutputMode
{
    /// <summary>All streams composed into one file (the default). Wire value <c>composed</c>.</summary>
    [WireValue("composed")] public static partial OutputMode Composed { get; }

    /// <summary>One file per stream, in a zip. Wire value <c>individual</c>.</summary>
    [WireValue("individual")] public static partial OutputMode Individual { get; }
}
