namespace OpenTok.Refit.Tokens;

/// <summary>
/// Times that arrive as Unix seconds in tokens someone else wrote. A signed token can carry any number, and
/// <see cref="DateTimeOffset"/> holds only the years 1–9999, so a value outside that range is "no time" rather than
/// an exception: a verifier answers with a failed validation, never a crash.
/// </summary>
internal static class UnixSeconds
{
    private static readonly long Min = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long Max = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    /// <summary>The time <paramref name="seconds"/> after 1970, or <see langword="null"/> when it cannot be represented.</summary>
    public static DateTimeOffset? ToTime(long seconds) =>
        seconds >= Min && seconds <= Max ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    /// <summary><paramref name="time"/> plus <paramref name="span"/>, or <see langword="null"/> when either is missing or the sum cannot be represented.</summary>
    public static DateTimeOffset? Add(DateTimeOffset? time, TimeSpan span) =>
        time is { } t && DateTimeOffset.MaxValue - t >= span ? t + span : null;
}
