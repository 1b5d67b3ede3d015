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

/// <summary>A Vonage application for the tests: an id and a 2048-bit RSA key made once per test run.</summary>
internal static class TestApplication
{
    public const string AppId = "29f760f8-7ce1-46c9-ade3-f2dedee4ed5f";

    private static readonly System.Security.Cryptography.RSA Key = System.Security.Cryptography.RSA.Create(2048);

    /// <summary>The private key as PKCS#8 PEM (<c>-----BEGIN PRIVATE KEY-----</c>), as Vonage hands it out.</summary>
    public static readonly string AppKeyPem = Key.ExportPkcs8PrivateKeyPem();

    /// <summary>The same key as PKCS#1 PEM (<c>-----BEGIN RSA PRIVATE KEY-----</c>).</summary>
    public static readonly string AppPkcs1KeyPem = Key.ExportRSAPrivateKeyPem();

    /// <summary>The public half, as a verifier has it.</summary>
    public static System.Security.Cryptography.RSA AppPublicKey()
    {
        var rsa = System.Security.Cryptography.RSA.Create();
        rsa.ImportFromPem(Key.ExportSubjectPublicKeyInfoPem());
        return rsa;
    }

    /// <summary>A session of this application, as the service would make one.</summary>
    public static string AppSessionId => Refit.Tokens.SessionId.Create(AppId, "", TestCredentials.Now, 0.5);

    public static OpenTokClient AppClient(DateTimeOffset? now = null, Action<OpenTokOptions>? configure = null)
    {
        var options = OpenTokOptions.ForApplication(AppId, AppKeyPem);
        configure?.Invoke(options);
        return new OpenTokClient(options, new FixedTimeProvider(now ?? TestCredentials.Now));
    }
}
