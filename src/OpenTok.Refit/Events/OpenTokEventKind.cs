namespace OpenTok.Refit;

/// <summary>
/// What a callback event reports: the <c>event</c> field of the body. Extensible: a kind this SDK does not know yet
/// is kept as it is (and parsed as an <see cref="UnknownEvent"/>).
/// </summary>
/// <remarks>
/// Experience Composer and live-captions callbacks carry no <c>event</c> field; the parser recognises them by their
/// fields and gives them <see cref="Render"/> and <see cref="Captions"/>.
/// </remarks>
[ExtensibleEnum]
public readonly partial record struct OpenTokEventKind
{
    /// <summary>A client connected to a session. Wire value <c>connectionCreated</c>.</summary>
    [WireValue("connectionCreated")] public static partial OpenTokEventKind ConnectionCreated { get; }

    /// <summary>A client left a session, or was disconnected. Wire value <c>connectionDestroyed</c>.</summary>
    [WireValue("connectionDestroyed")] public static partial OpenTokEventKind ConnectionDestroyed { get; }

    /// <summary>A client started publishing a stream. Wire value <c>streamCreated</c>.</summary>
    [WireValue("streamCreated")] public static partial OpenTokEventKind StreamCreated { get; }

    /// <summary>A stream ended. Wire value <c>streamDestroyed</c>.</summary>
    [WireValue("streamDestroyed")] public static partial OpenTokEventKind StreamDestroyed { get; }

    /// <summary>The first client connected to a session. Wire value <c>sessionCreated</c>.</summary>
    [WireValue("sessionCreated")] public static partial OpenTokEventKind SessionCreated { get; }

    /// <summary>The last client left a session. Wire value <c>sessionDestroyed</c>.</summary>
    [WireValue("sessionDestroyed")] public static partial OpenTokEventKind SessionDestroyed { get; }

    /// <summary>A notification about a session (named by the service's guides; no payload documented). Wire value <c>sessionNotification</c>.</summary>
    [WireValue("sessionNotification")] public static partial OpenTokEventKind SessionNotification { get; }

    /// <summary>An archive's status changed. Wire value <c>archive</c>.</summary>
    [WireValue("archive")] public static partial OpenTokEventKind Archive { get; }

    /// <summary>A broadcast's status changed. Wire value <c>broadcast</c>.</summary>
    [WireValue("broadcast")] public static partial OpenTokEventKind Broadcast { get; }

    /// <summary>A SIP call was created. Wire value <c>callCreated</c>.</summary>
    [WireValue("callCreated")] public static partial OpenTokEventKind CallCreated { get; }

    /// <summary>A SIP call's state changed. Wire value <c>callUpdated</c>.</summary>
    [WireValue("callUpdated")] public static partial OpenTokEventKind CallUpdated { get; }

    /// <summary>A SIP call ended. Wire value <c>callDestroyed</c>.</summary>
    [WireValue("callDestroyed")] public static partial OpenTokEventKind CallDestroyed { get; }

    /// <summary>A SIP call that observes force mute was muted by a moderator. Wire value <c>muteForced</c>.</summary>
    [WireValue("muteForced")] public static partial OpenTokEventKind MuteForced { get; }

    /// <summary>An Experience Composer's status changed (the service sends no <c>event</c>; the parser names it). Wire value <c>render</c>.</summary>
    [WireValue("render")] public static partial OpenTokEventKind Render { get; }

    /// <summary>A live-captions job's status changed (the service sends no <c>event</c>; the parser names it). Wire value <c>captions</c>.</summary>
    [WireValue("captions")] public static partial OpenTokEventKind Captions { get; }
}
