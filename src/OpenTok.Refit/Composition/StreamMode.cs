namespace OpenTok.Refit;

/// <summary>Whether streams are added to an archive or broadcast automatically or by explicit calls. Extensible: values the SDK does not know yet are kept as they are.</summary>
[ExtensibleEnum]
public readonly partial record struct StreamMode
{
    /// <summary>Every stream is included (the default). Wire value <c>auto</c>.</summary>
    [WireValue("auto")] public static partial StreamMode Auto { get; }

    /// <summary>Only streams added with the stream calls are included. Wire value <c>manual</c>.</summary>
    [WireValue("manual")] public static partial StreamMode Manual { get; }
}
