namespace OpenTok.Refit;

/// <summary>A SIP call dialled into a session, as the server describes it. Unknown fields are ignored.</summary>
public sealed record SipCall
{
    // Non-null defaults live in the getters: the source-generated JSON reader sets every init-only property, to
    // null when the server left its field out, so an initializer would be lost.
    /// <summary>The SIP call's id.</summary>
    public string Id { get => field ?? ""; init; }

    /// <summary>
    /// The SIP participant's connection in the session: signal it, play DTMF to it, or force it to disconnect to
    /// hang up (<c>DELETE …/session/{sessionId}/connection/{connectionId}</c>).
    /// </summary>
    public string ConnectionId { get => field ?? ""; init; }

    /// <summary>The stream the SIP participant publishes into the session.</summary>
    public string StreamId { get => field ?? ""; init; }
}
