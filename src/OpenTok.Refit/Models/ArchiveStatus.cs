using System.Text.Json.Serialization;

namespace OpenTok.Refit;

/// <summary>The status of an archive. Extensible: values the SDK does not know yet are kept as they are.</summary>
[JsonConverter(typeof(ExtensibleEnumConverter<ArchiveStatus>))]
public readonly record struct ArchiveStatus : IExtensibleEnum<ArchiveStatus>
{
    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire value.</param>
    public ArchiveStatus(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The archive is ready to download from <see cref="Archive.Url"/>. Wire value <c>available</c>.</summary>
    public static ArchiveStatus Available { get; } = new("available");

    /// <summary>The archive's file is no longer available. Wire value <c>expired</c>.</summary>
    public static ArchiveStatus Expired { get; } = new("expired");

    /// <summary>Recording failed. Wire value <c>failed</c>.</summary>
    public static ArchiveStatus Failed { get; } = new("failed");

    /// <summary>Recording is paused: no client publishes. Wire value <c>paused</c>.</summary>
    public static ArchiveStatus Paused { get; } = new("paused");

    /// <summary>Recording. Wire value <c>started</c>.</summary>
    public static ArchiveStatus Started { get; } = new("started");

    /// <summary>Recording stopped; the file is being processed. Wire value <c>stopped</c>.</summary>
    public static ArchiveStatus Stopped { get; } = new("stopped");

    /// <summary>The file was uploaded to your archive storage. Wire value <c>uploaded</c>.</summary>
    public static ArchiveStatus Uploaded { get; } = new("uploaded");

    /// <summary>The archive was deleted. Wire value <c>deleted</c>.</summary>
    public static ArchiveStatus Deleted { get; } = new("deleted");

    /// <summary>Every value this SDK knows.</summary>
    public static IReadOnlyList<ArchiveStatus> Known { get; } = [Available, Expired, Failed, Paused, Started, Stopped, Uploaded, Deleted];

    /// <inheritdoc/>
    public string Value { get => field ?? ""; }

    /// <summary>Whether this is one of the <see cref="Known"/> values.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc/>
    public static ArchiveStatus FromValue(string value) => new(value);

    /// <summary>The wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value;
}
