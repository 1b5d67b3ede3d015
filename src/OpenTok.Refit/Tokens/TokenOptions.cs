namespace OpenTok.Refit;

/// <summary>
/// What a client token grants: role, lifetime, connection data and initial layout classes. Every rule is
/// stated here once and checked by <see cref="Validate"/> and <see cref="ResolveExpireTime"/>, before anything is signed.
/// </summary>
[GenerateBuilder]
public sealed partial record TokenOptions
{
    /// <summary>The longest <see cref="Data"/> OpenTok accepts, in characters.</summary>
    public const int MaxDataLength = 1000;

    /// <summary>How long a token lives when <see cref="ExpireTime"/> is not set.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(24);

    /// <summary>The longest lifetime OpenTok accepts for a token.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(30);

    /// <summary>The options used when none are given: a publisher JWT that lives 24 hours.</summary>
    public static TokenOptions Default { get; } = new();

    /// <summary>The role of the client that connects with the token. Default <see cref="Role.Publisher"/>.</summary>
    public Role Role { get; init; } = Role.Publisher;

    /// <summary>When the token expires: after now and at most 30 days on. Default: 24 hours after it is generated.</summary>
    public DateTimeOffset? ExpireTime { get; init; }

    /// <summary>Connection data other clients see for this connection, at most 1000 characters. Default none.</summary>
    public string? Data { get; init; }

    /// <summary>Layout classes the client's streams start with; each non-empty and without whitespace. Default none.</summary>
    public IReadOnlyList<string> InitialLayoutClassList { get; init; } = [];

    /// <summary>The token format. Default <see cref="TokenFormat.Jwt"/>.</summary>
    public TokenFormat Format { get; init; } = TokenFormat.Jwt;

    /// <summary>Checks every rule that does not depend on the clock.</summary>
    /// <exception cref="OpenTokArgumentException">A rule is broken; the message says which.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Role))
        {
            throw new OpenTokArgumentException(
                $"Role must be Publisher, Subscriber, Moderator or PublisherOnly; {(int)Role} is not a defined Role.", nameof(Role));
        }

        if (!Enum.IsDefined(Format))
        {
            throw new OpenTokArgumentException($"Format must be Jwt or T1; {(int)Format} is not a defined TokenFormat.", nameof(Format));
        }

        if (Data is { Length: > MaxDataLength })
        {
            throw new OpenTokArgumentException(
                $"Data must be at most {MaxDataLength} characters; it has {Data.Length}.", nameof(Data));
        }

        if (InitialLayoutClassList is null)
        {
            throw new OpenTokArgumentException("InitialLayoutClassList must not be null; use an empty list.", nameof(InitialLayoutClassList));
        }

        for (var i = 0; i < InitialLayoutClassList.Count; i++)
        {
            var layoutClass = InitialLayoutClassList[i];
            if (string.IsNullOrEmpty(layoutClass))
            {
                throw new OpenTokArgumentException(
                    $"InitialLayoutClassList[{i}] is empty; a layout class must have at least one character.", nameof(InitialLayoutClassList));
            }

            foreach (var c in layoutClass)
            {
                if (char.IsWhiteSpace(c))
                {
                    throw new OpenTokArgumentException(
                        $"InitialLayoutClassList[{i}] contains whitespace; classes are joined by spaces on the wire, so one class cannot contain any.",
                        nameof(InitialLayoutClassList));
                }
            }
        }
    }

    /// <summary>The expiry this token gets if generated at <paramref name="now"/>: <see cref="ExpireTime"/>, or now + 24 hours.</summary>
    /// <param name="now">The time of generation.</param>
    /// <returns>The expiry, checked to be after <paramref name="now"/> and at most 30 days on.</returns>
    /// <exception cref="OpenTokArgumentException">The expiry is not after now, or is more than 30 days on.</exception>
    public DateTimeOffset ResolveExpireTime(DateTimeOffset now)
    {
        if (ExpireTime is not { } expireTime)
        {
            return now + DefaultLifetime;
        }

        if (expireTime <= now)
        {
            throw new OpenTokArgumentException(
                $"ExpireTime must be in the future; {expireTime:O} is not after now ({now:O}).", nameof(ExpireTime));
        }

        if (expireTime > now + MaxLifetime)
        {
            throw new OpenTokArgumentException(
                $"ExpireTime must be at most 30 days from now; {expireTime:O} is later than {now + MaxLifetime:O}.", nameof(ExpireTime));
        }

        return expireTime;
    }
}
