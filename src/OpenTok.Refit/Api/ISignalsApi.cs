using Refit;

namespace OpenTok.Refit.Api;

/// <summary>The signal endpoints, 1:1 with the wire; implemented by Refit's source generator. Callers use <see cref="ISignalsClient"/>.</summary>
internal interface ISignalsApi
{
    [Post(ApiRoutes.SessionSignal)]
    Task SendAsync(string apiKey, string sessionId, [Body] Signal signal, CancellationToken cancellationToken);

    [Post(ApiRoutes.ConnectionSignal)]
    Task SendToConnectionAsync(string apiKey, string sessionId, string connectionId, [Body] Signal signal, CancellationToken cancellationToken);
}
