using Refit;

namespace OpenTok.Refit.Api;

/// <summary>The SIP endpoints, 1:1 with the wire; implemented by Refit's source generator. Callers use <see cref="ISipClient"/>.</summary>
internal interface ISipApi
{
    [Post(ApiRoutes.SipDial)]
    Task<SipCall> DialAsync(string apiKey, [Body] SipDialRequest body, CancellationToken cancellationToken);

    [Post(ApiRoutes.SessionPlayDtmf)]
    Task PlayDtmfAsync(string apiKey, string sessionId, [Body] PlayDtmfRequest body, CancellationToken cancellationToken);

    [Post(ApiRoutes.ConnectionPlayDtmf)]
    Task PlayDtmfToConnectionAsync(string apiKey, string sessionId, string connectionId, [Body] PlayDtmfRequest body, CancellationToken cancellationToken);
}
