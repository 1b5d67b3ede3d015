using OpenTok.Refit.Http;

namespace OpenTok.Refit.Api;

/// <summary>Sessions (reference §3), one method per endpoint. Implemented at compile time as <c>SessionsApiClient</c>.</summary>
[GenerateRestClient]
public interface ISessionsApi
{
    /// <summary><c>POST /session/create</c>: creates a session. The answer is an array with one element.</summary>
    /// <param name="body">The form fields.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created session(s).</returns>
    [Post("/session/create")]
    [Headers("Accept: application/json")]
    Task<CreatedSession[]> CreateSessionAsync([Body(BodySerializationMethod.UrlEncoded)] CreateSessionRequest body, CancellationToken cancellationToken = default);
}
