namespace OpenTok.Refit.Emulator;

/// <summary>
/// A family of callback events, each with its own callback URL in an OpenTok account (and so in the emulator:
/// <see cref="EmulatorCallbacks"/>).
/// </summary>
public enum CallbackFamily
{
    /// <summary>Session monitoring: <c>connectionCreated</c>, <c>connectionDestroyed</c>, <c>streamCreated</c>, <c>streamDestroyed</c>.</summary>
    SessionMonitoring,

    /// <summary>Archive status: <c>started</c>, <c>stopped</c>, <c>available</c> or <c>uploaded</c> (<c>event: "archive"</c>).</summary>
    Archive,

    /// <summary>Broadcast status: <c>started</c>, <c>stopped</c> (<c>event: "broadcast"</c>).</summary>
    Broadcast,

    /// <summary>SIP call events: <c>callCreated</c>, <c>callUpdated</c>, <c>callDestroyed</c>, <c>muteForced</c>.</summary>
    Sip,

    /// <summary>Experience Composer (render) status: <c>starting</c>, <c>started</c>, <c>stopped</c>, <c>failed</c>.</summary>
    ExperienceComposer,

    /// <summary>Live captions status: <c>started</c>, <c>stopped</c> (also sent to the job's own <c>statusCallbackUrl</c>).</summary>
    Captions,
}
