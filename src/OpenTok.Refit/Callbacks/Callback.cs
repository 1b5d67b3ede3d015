using System.Text.Json.Serialization;

namespace OpenTok.Refit;

/// <summary>A callback URL registered with the legacy callback API. Unknown fields are ignored; unknown enum values kept.</summary>
public sealed record Callback
{
    // Non-null defaults live in the getters: the source-generated JSON reader sets every init-only property, to
    // null when the server left its field out, so an initializer would be lost.
    /// <summary>The callback's id, for <see cref="ICallbacksClient.UnregisterAsync"/> (the server writes it as a number or a string).</summary>
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string Id { get => field ?? ""; init; }

    /// <summary>The kind of thing whose events are sent.</summary>
    public CallbackGroup Group { get; init; }

    /// <summary>Which of its events are sent.</summary>
    public CallbackEvent Event { get; init; }

    /// <summary>Where the service POSTs them.</summary>
    public string Url { get => field ?? ""; init; }

    /// <summary>When it was registered.</summary>
    [JsonConverter(typeof(UnixMillisecondsConverter))]
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>What a legacy callback is about: connections, streams or archives. Extensible.</summary>
[ExtensibleEnum]
public readonly partial record struct CallbackGroup
{
    /// <summary>Clients connecting to and leaving sessions; events <see cref="CallbackEvent.Created"/> and <see cref="CallbackEvent.Destroyed"/>. Wire value <c>connection</c>.</summary>
    [WireValue("connection")] public static partial CallbackGroup Connection { get; }

    /// <summary>Streams published and unpublished; events <see cref="CallbackEvent.Created"/> and <see cref="CallbackEvent.Destroyed"/>. Wire value <c>stream</c>.</summary>
    [WireValue("stream")] public static partial CallbackGroup Stream { get; }

    /// <summary>Archives changing status; event <see cref="CallbackEvent.Status"/>. Wire value <c>archive</c>.</summary>
    [WireValue("archive")] public static partial CallbackGroup Archive { get; }
}

/// <summary>Which event of a <see cref="CallbackGroup"/> a legacy callback is sent for. Extensible.</summary>
[ExtensibleEnum]
public readonly partial record struct CallbackEvent
{
    /// <summary>A connection or stream was created. Wire value <c>created</c>.</summary>
    [WireValue("created")] public static partial CallbackEvent Created { get; }

    /// <summary>A connection or stream was destroyed. Wire value <c>destroyed</c>.</summary>
    [WireValue("destroyed")] public static partial CallbackEvent Destroyed { get; }

    /// <summary>An archive changed status. Wire value <c>status</c>.</summary>
    [WireValue("status")] public static partial CallbackEvent Status { get; }
}

/// <summary>The body of <c>POST /v2/project/{apiKey}/callback</c>.</summary>
internal sealed record RegisterCallbackRequest
{
    public CallbackGroup Group { get; init; }

    public CallbackEvent Event { get; init; }

    public string Url { get => field ?? ""; init; }

    /// <summary>
    /// Whether this group has this event. Only pairs of known values are judged; a value the SDK does not know yet
    /// is the service's to accept or refuse.
    /// </summary>
    public static bool IsKnownPair(CallbackGroup group, CallbackEvent callbackEvent) =>
        !group.IsKnown || !callbackEvent.IsKnown
        || (group == CallbackGroup.Archive ? callbackEvent == CallbackEvent.Status : callbackEvent != CallbackEvent.Status);

    /// <summary>
    /// Checks the rules the SDK knows: group and event set, a known group with one of its own events, and an absolute
    /// http(s) url. The emulator applies the same rules to the bodies it receives.
    /// </summary>
    /// <exception cref="OpenTokArgumentException">A rule is broken; the message says which.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Group.Value))
        {
            throw new OpenTokArgumentException("group must be set: connection, stream or archive.", "group");
        }

        if (string.IsNullOrWhiteSpace(Event.Value))
        {
            throw new OpenTokArgumentException("callbackEvent must be set: created, destroyed or status.", "callbackEvent");
        }

        if (!IsKnownPair(Group, Event))
        {
            throw new OpenTokArgumentException(
                $"Group {Group} has no event {Event}: connection and stream have created and destroyed, archive has status.", "callbackEvent");
        }

        if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new OpenTokArgumentException($"url must be an absolute http:// or https:// address; {Arguments.Quote(Url)} is not.", "url");
        }
    }
}
