namespace OpenTok.Refit.Emulator;

/// <summary>
/// What an <see cref="EmulatedClient"/> publishes: a stream's name, video type and tracks. No media flows: the
/// emulator keeps the stream's description, which the REST API (get and list streams, archives, broadcasts) and the
/// other clients see.
/// </summary>
public sealed record EmulatedStream
{
    /// <summary>The stream's name, as other clients and list streams see it. Default empty.</summary>
    public string Name { get => field ?? ""; init; }

    /// <summary>Camera, screen or custom. Default <see cref="VideoType.Camera"/>.</summary>
    public VideoType VideoType { get; init; } = VideoType.Camera;

    /// <summary>Whether the stream has an audio track. Default <see langword="true"/>.</summary>
    public bool HasAudio { get; init; } = true;

    /// <summary>Whether the stream has a video track. Default <see langword="true"/>.</summary>
    public bool HasVideo { get; init; } = true;
}
