namespace OpenTok.Refit;

/// <summary>What a client connected with a token may do in its session.</summary>
public enum Role
{
    /// <summary>Can publish, subscribe and signal (the default). Wire name <c>publisher</c>.</summary>
    Publisher,

    /// <summary>Can only subscribe. Wire name <c>subscriber</c>.</summary>
    Subscriber,

    /// <summary>A publisher that can also force other clients to disconnect or mute. Wire name <c>moderator</c>.</summary>
    Moderator,

    /// <summary>Can publish and signal but not subscribe. Wire name <c>publisheronly</c>.</summary>
    PublisherOnly,
}

/// <summary>Wire names of <see cref="Role"/>.</summary>
public static class RoleNames
{
    /// <summary>The name OpenTok uses for <paramref name="role"/> in tokens (<c>publisher</c>, <c>subscriber</c>, …).</summary>
    /// <param name="role">A defined role.</param>
    /// <returns>The wire name; a literal, so nothing is allocated.</returns>
    /// <exception cref="OpenTokArgumentException">The value is not a defined <see cref="Role"/>.</exception>
    public static string ToWireName(this Role role) => role switch
    {
        Role.Publisher => "publisher",
        Role.Subscriber => "subscriber",
        Role.Moderator => "moderator",
        Role.PublisherOnly => "publisheronly",
        _ => throw new OpenTokArgumentException(
            $"Role must be Publisher, Subscriber, Moderator or PublisherOnly; {(int)role} is not a defined Role.", nameof(role)),
    };

    /// <summary>Reads a wire name back into a <see cref="Role"/>; <see langword="null"/> when it is not one.</summary>
    /// <param name="wireName">The name as it appears in a token (<c>publisher</c>, …), case-sensitive.</param>
    /// <returns>The role, or <see langword="null"/>.</returns>
    public static Role? FromWireName(string? wireName) => wireName switch
    {
        "publisher" => Role.Publisher,
        "subscriber" => Role.Subscriber,
        "moderator" => Role.Moderator,
        "publisheronly" => Role.PublisherOnly,
        _ => null,
    };
}
