namespace OpenTok.Refit.Emulator;

/// <summary>
/// Something an <see cref="EmulatedClient"/> saw happen in its session, in <see cref="EmulatedClient.Events"/>: the
/// session events of the browser SDK. Match on the nested types (<c>case EmulatedClientEvent.StreamCreated s:</c>).
/// </summary>
/// <remarks>
/// A client learns of other clients' connections and streams, never of its own (its own streams are
/// <see cref="EmulatedClient.PublishAsync"/>'s answer). On connecting, it first gets a <see cref="ConnectionCreated"/>
/// for every connection already there and a <see cref="StreamCreated"/> for every stream already published, as the
/// browser SDK does. A client whose token's role is <c>publisheronly</c> cannot subscribe, so it gets no stream events.
/// </remarks>
public abstract record EmulatedClientEvent
{
    private protected EmulatedClientEvent()
    {
    }

    /// <summary>Another connection joined the session.</summary>
    /// <param name="ConnectionId">The new connection.</param>
    /// <param name="Data">Its token's connection data, if any.</param>
    public sealed record ConnectionCreated(string ConnectionId, string? Data) : EmulatedClientEvent;

    /// <summary>Another connection left the session.</summary>
    /// <param name="ConnectionId">The connection that left.</param>
    /// <param name="Reason">Why.</param>
    public sealed record ConnectionDestroyed(string ConnectionId, EmulatedEndReason Reason) : EmulatedClientEvent;

    /// <summary>Another connection published a stream (not delivered to <c>publisheronly</c> clients).</summary>
    /// <param name="StreamId">The stream's id.</param>
    /// <param name="ConnectionId">The connection that publishes it.</param>
    /// <param name="Name">Its name.</param>
    /// <param name="VideoType">Camera, screen or custom.</param>
    /// <param name="HasAudio">Whether it has audio.</param>
    /// <param name="HasVideo">Whether it has video.</param>
    public sealed record StreamCreated(string StreamId, string ConnectionId, string Name, VideoType VideoType, bool HasAudio, bool HasVideo) : EmulatedClientEvent;

    /// <summary>Another connection's stream ended (not delivered to <c>publisheronly</c> clients).</summary>
    /// <param name="StreamId">The stream's id.</param>
    /// <param name="ConnectionId">The connection that published it.</param>
    /// <param name="Reason">Why.</param>
    public sealed record StreamDestroyed(string StreamId, string ConnectionId, EmulatedEndReason Reason) : EmulatedClientEvent;

    /// <summary>
    /// A moderator or the REST API forced this client's stream's audio off (force mute, or force mute all); the browser
    /// SDK's publisher <c>muteForced</c>. <see cref="EmulatedPublication.IsAudioMuted"/> is now <see langword="true"/>.
    /// </summary>
    /// <param name="StreamId">This client's stream.</param>
    public sealed record MuteForced(string StreamId) : EmulatedClientEvent;

    /// <summary>This client is disconnected; the last event it gets (the channel completes after it).</summary>
    /// <param name="Reason">Why: it left, it was forced out, or the emulator was reset or stopped.</param>
    public sealed record Disconnected(EmulatedEndReason Reason) : EmulatedClientEvent;
}
