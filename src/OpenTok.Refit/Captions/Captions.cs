namespace OpenTok.Refit;

/// <summary>Live captions started for a session, as the server describes them. Unknown fields are ignored.</summary>
public sealed record Captions
{
    // A non-null default lives in the getter: the source-generated JSON reader sets every init-only property, to
    // null when the server left its field out, so an initializer would be lost.
    /// <summary>The captions' id (a UUID), to stop them with <see cref="ICaptionsClient.StopAsync"/>.</summary>
    public string CaptionsId { get => field ?? ""; init; }
}
