namespace OpenTok.Refit.Emulator.Areas.AudioConnector;

/// <summary>An Audio Connector the emulator connected; it ends with its connection (a force disconnect).</summary>
internal sealed record AudioConnectorRecord
{
    public required string Id { get; init; }

    public required string SessionId { get; init; }

    public required string ConnectionId { get; init; }

    /// <summary>Where the audio would go and how, as the SDK's record.</summary>
    public required WebSocketOptions Options { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
