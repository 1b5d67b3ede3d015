namespace OpenTok.Refit;

/// <summary>The status of an archive. Extensible: values the SDK does not know yet are kept as they are.</summary>
[ExtensibleEnum]
public readonly partial record struct ArchiveStatus
{
    /// <summary>The archive is ready to download from <see cref="Archive.Url"/>. Wire value <c>available</c>.</summary>
    [WireValue("available")] public static partial ArchiveStatus Available { get; }

    /// <summary>The archive's file is no longer available. Wire value <c>expired</c>.</summary>
    [WireValue("expired")] public static partial ArchiveStatus Expired { get; }

    /// <summary>Recording failed. Wire value <c>failed</c>.</summary>
    [WireValue("failed")] public static partial ArchiveStatus Failed { get; }

    /// <summary>Recording is paused: no client publishes. Wire value <c>paused</c>.</summary>
    [WireValue("paused")] public static partial ArchiveStatus Paused { get; }

    /// <summary>Recording. Wire value <c>started</c>.</summary>
    [WireValue("started")] public static partial ArchiveStatus Started { get; }

    /// <summary>Recording stopped; the file is being processed. Wire value <c>stopped</c>.</summary>
    [WireValue("stopped")] public static partial ArchiveStatus Stopped { get; }

    /// <summary>The file was uploaded to your archive storage. Wire value <c>uploaded</c>.</summary>
    [WireValue("uploaded")] public static partial ArchiveStatus Uploaded { get; }

    /// <summary>The archive was deleted. Wire value <c>deleted</c>.</summary>
    [WireValue("deleted")] public static partial ArchiveStatus Deleted { get; }
}
