using Refit;

namespace OpenTok.Refit.Api;

/// <summary>The sessions endpoints, 1:1 with the wire; implemented by Refit's source generator. Callers use <see cref="ISessionsClient"/>.</summary>
internal interface ISessionsApi
{
    // Accept is set here, not left to the auth handler, because without it the service answers XML.
    [Post(ApiRoutes.SessionCreate)]
    [Headers("Accept: application/json")]
    Task<CreatedSession[]> CreateAsync([Body(BodySerializationMethod.UrlEncoded)] CreateSessionRequest body, CancellationToken cancellationToken);
}
