using OpenTok.Refit.Tokens;

namespace OpenTok.Refit.Tests;

/// <summary>A fixed project, clock and sessions shared by the token tests.</summary>
internal static class TestCredentials
{
    public const string ApiKey = "123456";

    // OpenTok secrets are 40 hex characters; 160 bits also satisfies IdentityModel's HS256 key-size floor.
    public const string ApiSecret = "0123456789abcdef0123456789abcdef01234567";

    /// <summary>The example id from the reference sheet: decodes to "1~123456~~Sat Mar 15 14:42:23 PDT 2014~0.49013025~".</summary>
    public const string ExampleSessionId = "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4";

    public static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    public static string SessionFor(string apiKey) => Refit.Tokens.SessionId.Create(apiKey, "", Now, 0.123456);

    public static OpenTokClient Client(DateTimeOffset? now = null) =>
        new(new OpenTokOptions { ApiKey = ApiKey, ApiSecret = ApiSecret }, new FixedTimeProvider(now ?? Now));
}

/// <summary>A clock that always says the same time.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
