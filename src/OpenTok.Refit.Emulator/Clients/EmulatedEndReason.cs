namespace OpenTok.Refit.Emulator;

/// <summary>Why a connection or a stream ended; the browser SDK's <c>reason</c> of the same events.</summary>
public enum EmulatedEndReason
{
    /// <summary>The client left (<see cref="EmulatedClient.LeaveAsync"/>, or disposing it). The browser SDK's <c>clientDisconnected</c>.</summary>
    ClientDisconnected,

    /// <summary>A moderator or the REST API (force disconnect) made it leave. The browser SDK's <c>forceDisconnected</c>.</summary>
    ForceDisconnected,

    /// <summary>The emulator was reset or stopped, as if the network went away. The browser SDK's <c>networkDisconnected</c>.</summary>
    NetworkDisconnected,

    /// <summary>The publisher stopped publishing the stream (<see cref="EmulatedPublication.UnpublishAsync"/>); streams only.</summary>
    Unpublished,
}
