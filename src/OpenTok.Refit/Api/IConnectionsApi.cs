using Refit;

namespace OpenTok.Refit.Api;

/// <summary>The connection endpoints, 1:1 with the wire; implemented by Refit's source generator. Callers use <see cref="IConnectionsClient"/>.</summary>
internal interface IConnectionsApi
{
    [Get(ApiRoutes.Connections)]
    Task<ConnectionList> ListAsync(string apiKey, string sessionId, CancellationToken cancellationToken);
}
