namespace OpenTok.Refit;

/// <summary>
/// What a client connected with a token may do in its session. <c>RoleWireValues</c> (generated) turns a role into its
/// wire name in tokens and back.
/// </summary>
[GenerateWireValues]
public enum Role
{
    /// <summary>Can publish, subscribe and signal (the default). Wire name <c>publisher</c>.</summary>
    [WireValue("publisher")]
    Publisher,

    /// <summary>Can only subscribe. Wire name <c>subscriber</c>.</summary>
    [WireValue("subscriber")]
    Subscriber,

    /// <summary>A publisher that can also force other clients to disconnect or mute. Wire name <c>moderator</c>.</summary>
    [WireValue("moderator")]
    Moderator,

    /// <summary>Can publish and signal but not subscribe. Wire name <c>publisheronly</c>.</summary>
    [WireValue("publisheronly")]
    PublisherOnly,
}
