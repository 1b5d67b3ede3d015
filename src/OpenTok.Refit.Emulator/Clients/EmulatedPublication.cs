using OpenTok.Refit.Emulator.Areas.LiveSessions;

namespace OpenTok.Refit.Emulator;

/// <summary>
/// A stream an <see cref="EmulatedClient"/> publishes, from <see cref="EmulatedClient.PublishAsync"/>: its id (what
/// the REST API, archives and other clients know it by) and a live view of its state. Thread-safe.
/// </summary>
public sealed class EmulatedPublication
{
    private readonly EmulatedClient _client;
    private volatile bool _audioMuted;
    private volatile bool _published = true;

    internal EmulatedPublication(EmulatedClient client, StreamRecord stream)
    {
        _client = client;
        StreamId = stream.Id;
        Name = stream.Name;
        VideoType = stream.VideoType;
        HasAudio = stream.HasAudio;
        HasVideo = stream.HasVideo;
        _audioMuted = stream.AudioMuted;
    }

    /// <summary>The stream's id (a UUID).</summary>
    public string StreamId { get; }

    /// <summary>The stream's name.</summary>
    public string Name { get; }

    /// <summary>Camera, screen or custom.</summary>
    public VideoType VideoType { get; }

    /// <summary>Whether the stream has an audio track.</summary>
    public bool HasAudio { get; }

    /// <summary>Whether the stream has a video track.</summary>
    public bool HasVideo { get; }

    /// <summary>
    /// Whether its audio is off now: forced off by a moderator or the REST API (force mute, force mute all — also when
    /// it was published while force mute all was on), until <see cref="UnmuteAudioAsync"/>. Keeps its last value once
    /// the stream has ended.
    /// </summary>
    public bool IsAudioMuted => _audioMuted;

    /// <summary>Whether the stream is still published: <see langword="false"/> once unpublished or once its client is disconnected.</summary>
    public bool IsPublished => _published;

    /// <summary>Turns the stream's audio back on after a forced mute, as a publisher may (the service lets it). Nothing when it is not muted.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once the audio is on.</returns>
    /// <exception cref="EmulatedClientException"><see cref="EmulatedClientError.NotFound"/> once the stream has ended; <see cref="EmulatedClientError.NotConnected"/> once its client is disconnected.</exception>
    public Task UnmuteAudioAsync(CancellationToken cancellationToken = default) =>
        EmulatedClient.Run(() => _client.UnmuteAudio(StreamId), cancellationToken);

    /// <summary>Stops publishing: the stream leaves list streams, archives and broadcasts, and other clients see it end. Nothing once ended.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once the stream has ended.</returns>
    public Task UnpublishAsync(CancellationToken cancellationToken = default) =>
        EmulatedClient.Run(() => _client.Unpublish(StreamId), cancellationToken);

    /// <summary>The stream's id, name and state.</summary>
    /// <returns>For example <c>EmulatedPublication { StreamId = 5f6a…, Name = cam, IsAudioMuted = False, IsPublished = True }</c>.</returns>
    public override string ToString() => $"EmulatedPublication {{ StreamId = {StreamId}, Name = {Name}, IsAudioMuted = {IsAudioMuted}, IsPublished = {IsPublished} }}";

    internal void Update(StreamRecord stream) => _audioMuted = stream.AudioMuted;

    internal void End() => _published = false;
}
