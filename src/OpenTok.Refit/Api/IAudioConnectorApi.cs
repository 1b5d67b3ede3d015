using Refit;

namespace OpenTok.Refit.Api;

/// <summary>
/// The Audio Connector endpoint, 1:1 with the wire; implemented by Refit's source generator. Callers use
/// <see cref="IAudioConnectorClient"/>. A connector stops by the force disconnect of its connection
/// (<see cref="IModerationApi.ForceDisconnectAsync"/>); the deprecated <c>POST …/connect/{connectionId}/stop</c> is not declared.
/// </summary>
internal interface IAudioConnectorApi
{
    [Post(ApiRoutes.AudioConnect)]
    Task<AudioConnection> ConnectAsync(string apiKey, [Body] AudioConnectRequest body, CancellationToken cancellationToken);
}
