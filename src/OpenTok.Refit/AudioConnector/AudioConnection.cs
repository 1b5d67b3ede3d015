namespace OpenTok.Refit;

/// <summary>An Audio Connector connection, as the server describes it. Unknown fields are ignored.</summary>
public sealed record AudioConnection
{
    // Non-null defaults live in the getters: the source-generated JSON reader sets every init-only property, to
    // null when the server left its field out, so an initializer would be lost.
    /// <summary>The Audio Connector's id.</summary>
    public string Id { get => field ?? ""; init; }

    /// <summary>The connector's connection in the session; stop the connector by forcing it to disconnect (<see cref="IAudioConnectorClient.StopAsync"/>).</summary>
    public string ConnectionId { get => field ?? ""; init; }
}
