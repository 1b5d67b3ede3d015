using OpenTok.Refit.Emulator.Pipeline;
using OpenTok.Refit.Emulator.State;
using OpenTok.Refit.Tokens;

namespace OpenTok.Refit.Emulator.Areas;

/// <summary>
/// What the service checks before it puts a participant of its own into a routed session for a request that carries
/// a client token (a SIP call, an Audio Connector, an Experience Composer, live captions): the session and token are
/// given (400), the session exists (404) and is routed (409), and the token would let a client join that very session
/// now (400 otherwise). The role is the caller's to check: the service documents none for SIP and the Audio Connector,
/// a publishing role for Experience Composers, the moderator role for live captions.
/// </summary>
internal static class ServerParticipantRules
{
    /// <summary>Checks the body names a session id of the right form and a token, before anything else.</summary>
    /// <exception cref="ApiErrorException">400: either is missing, or the session id is not one.</exception>
    public static void RequireSessionAndToken(string? sessionId, string? token)
    {
        if (string.IsNullOrEmpty(sessionId))
        {
            throw ApiErrorException.BadRequest("sessionId is required.");
        }

        if (SessionId.Decode(sessionId) is null)
        {
            throw ApiErrorException.BadRequest($"Invalid session ID: {Arguments.Quote(sessionId)} is not an OpenTok session id.");
        }

        if (string.IsNullOrEmpty(token))
        {
            throw ApiErrorException.BadRequest("token is required.");
        }
    }

    /// <summary>Admits a participant into a session: known, routed, and a token of it. Call it under <see cref="EmulatorState.Lock"/>.</summary>
    /// <param name="state">The emulator's state.</param>
    /// <param name="sessionId">The session, already of the right form (<see cref="RequireSessionAndToken"/>).</param>
    /// <param name="token">The client token the participant connects with.</param>
    /// <param name="feature">What needs the routed session, for the 409's message (<c>SIP calls</c>).</param>
    /// <returns>The token's claims: its connection data tags the participant's connection.</returns>
    /// <exception cref="ApiErrorException">404: no such session; 409: the session is relayed; 400: the token is refused.</exception>
    public static VerifiedClientToken AdmitToRoutedSession(EmulatorState state, string sessionId, string token, string feature)
    {
        var session = state.Sessions.Find(sessionId)
            ?? throw ApiErrorException.NotFound($"Session not found: {Arguments.Quote(sessionId)}.");
        if (session.MediaMode != MediaMode.Routed)
        {
            throw ApiErrorException.Conflict($"The session is relayed (peer-to-peer); {feature} need a routed session.");
        }

        var verified = state.VerifyClientToken(token);
        if (verified.Claims is not { } claims)
        {
            throw ApiErrorException.BadRequest($"Invalid token: {verified.Failure}");
        }

        return claims.SessionId == sessionId
            ? claims
            : throw ApiErrorException.BadRequest($"Invalid token: it is for session {Arguments.Quote(claims.SessionId)}, another session than {Arguments.Quote(sessionId)}.");
    }
}
