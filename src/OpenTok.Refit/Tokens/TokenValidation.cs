namespace OpenTok.Refit.Tokens;

/// <summary>The outcome of checking a token: the claims it carries, or why it was rejected.</summary>
/// <typeparam name="T">The claims type.</typeparam>
/// <param name="Claims">The claims, when valid.</param>
/// <param name="Failure">Why the token was rejected, when not valid.</param>
public sealed record TokenValidation<T>(T? Claims, string? Failure)
    where T : class
{
    /// <summary>Whether the token passed every check.</summary>
    public bool IsValid => Claims is not null;

    /// <summary>A passing result.</summary>
    /// <param name="claims">The token's claims.</param>
    /// <returns>The result.</returns>
    internal static TokenValidation<T> Ok(T claims) => new(claims, null);

    /// <summary>A failing result.</summary>
    /// <param name="failure">Why the token was rejected.</param>
    /// <returns>The result.</returns>
    internal static TokenValidation<T> Fail(string failure) => new(null, failure);
}
