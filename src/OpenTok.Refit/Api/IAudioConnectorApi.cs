using Refit;

namespace OpenTok.Refit.Api;

/// <summary>The Audio Connector endpoints, 1:1 with the wire; implemented by Refit's source generator. Callers use <see cref="IAudioConnectorClient"/>.</summary>
internal interface IAudioConnectorApi
{
    [Post(ApiRoutes.AudioConnect)]
    Task<AudioConnection> ConnectAsync(string apiKey, [Body] AudioConnectRequest body, CancellationToken cancellationToken);

    // The service's way to stop a connector: force its connection to disconnect.
    [Delete(ApiRoutes.Connection)]
    Task DisconnectAsync(string apiKey, string sessionId, string connectionId, CancellationToken cancellationToken);
}
