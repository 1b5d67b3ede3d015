namespace OpenTok.Refit.Tokens;

/// <summary>
/// Everything a client token says, resolved: no defaults, no clock, no randomness left to apply. A struct, so
/// building one to sign a token allocates nothing.
/// </summary>
/// <param name="ApiKey">The project's API key (the issuer).</param>
/// <param name="SessionId">The session the token connects to.</param>
/// <param name="Role">The client's role.</param>
/// <param name="IssuedAt">When the token is made (JWT <c>iat</c>, T1 <c>create_time</c>).</param>
/// <param name="ExpiresAt">When the token expires (JWT <c>exp</c>, T1 <c>expire_time</c>).</param>
/// <param name="Nonce">A random number that makes the token unique.</param>
/// <param name="ConnectionData">Connection data, or <see langword="null"/> for none.</param>
/// <param name="InitialLayoutClassList">Initial layout classes (joined by spaces on the wire).</param>
public readonly record struct ClientTokenClaims(
    string ApiKey,
    string SessionId,
    Role Role,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    long Nonce,
    string? ConnectionData,
    IReadOnlyList<string> InitialLayoutClassList);
