using OpenTok.Refit.Tokens;

namespace OpenTok.Refit;

/// <summary>
/// How to reach and authenticate with one OpenTok project, in either of the service's two modes: an OpenTok
/// project (<see cref="ApiKey"/> + <see cref="ApiSecret"/>) or a Vonage application (<see cref="ApplicationId"/> +
/// <see cref="PrivateKey"/> or <see cref="PrivateKeyPath"/>, what new Vonage Video accounts get). Set one pair, not
/// both. Bindable from configuration (section <c>OpenTok</c>). The printed form never shows the secret or the key.
/// </summary>
public sealed class OpenTokOptions
{
    /// <summary>The REST base address of an OpenTok project.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.opentok.com");

    /// <summary>The REST base address of a Vonage application.</summary>
    public static readonly Uri VonageBaseAddress = new("https://video.api.vonage.com");

    /// <summary>An OpenTok project's API key (a number, as a string).</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>An OpenTok project's API secret. Never logged, printed or put in an exception message.</summary>
    public string ApiSecret { get; set; } = "";

    /// <summary>A Vonage application's id (a UUID); it stands where the API key would in every REST path.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>
    /// The Vonage application's RSA private key, as PEM text: PKCS#8 (<c>-----BEGIN PRIVATE KEY-----</c>) or PKCS#1
    /// (<c>-----BEGIN RSA PRIVATE KEY-----</c>), at least 2048 bits. Or set <see cref="PrivateKeyPath"/>. Never
    /// logged, printed or put in an exception message.
    /// </summary>
    public string? PrivateKey { get; set; }

    /// <summary>A file holding the Vonage application's private key as PEM (the <c>private.key</c> Vonage lets you download).</summary>
    public string? PrivateKeyPath { get; set; }

    /// <summary>
    /// The REST base address. Default: <c>https://api.opentok.com</c> for an OpenTok project,
    /// <c>https://video.api.vonage.com</c> for a Vonage application. Point it at the emulator for offline work.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>Appended to the <c>User-Agent</c> (<c>OpenTok-Refit/1.2.3 my-app/4.5</c>), to tell your app's calls apart. Default none.</summary>
    public string? UserAgentSuffix { get; set; }

    /// <summary>Timeouts, retries and the circuit breaker.</summary>
    public OpenTokResilienceOptions Resilience { get; set; } = new();

    /// <summary>Whether these options describe a Vonage application rather than an OpenTok project.</summary>
    internal bool IsApplicationMode => ApplicationId is not null || PrivateKey is not null || PrivateKeyPath is not null;

    /// <summary>The base address calls go to: <see cref="BaseAddress"/>, or the mode's default.</summary>
    internal Uri ResolvedBaseAddress => BaseAddress ?? (IsApplicationMode ? VonageBaseAddress : DefaultBaseAddress);

    /// <summary>Options for a Vonage application.</summary>
    /// <param name="applicationId">The application's id.</param>
    /// <param name="privateKeyPem">Its RSA private key, as PEM text.</param>
    /// <returns>The options; set <see cref="BaseAddress"/> or <see cref="Resilience"/> on them as needed.</returns>
    public static OpenTokOptions ForApplication(string applicationId, string privateKeyPem) =>
        new() { ApplicationId = applicationId, PrivateKey = privateKeyPem };

    /// <summary>Checks that the options describe exactly one mode, completely, and that its key can sign.</summary>
    /// <exception cref="OpenTokArgumentException">
    /// Both modes or neither are set; the API key or secret, or the application id or key, is missing or malformed
    /// (not PEM, a public key, not RSA, under 2048 bits, an unreadable file); the base address is not absolute
    /// HTTP(S); or a resilience setting is out of range. Messages never contain the secret or the key.
    /// </exception>
    public void Validate()
    {
        var hasApiKeyPair = !string.IsNullOrWhiteSpace(ApiKey) || !string.IsNullOrEmpty(ApiSecret);
        if (hasApiKeyPair && IsApplicationMode)
        {
            throw new OpenTokArgumentException(
                "Set either ApiKey and ApiSecret (an OpenTok project) or ApplicationId and PrivateKey or PrivateKeyPath (a Vonage application), not both.",
                nameof(ApplicationId));
        }

        if (IsApplicationMode)
        {
            ValidateApplication();
        }
        else
        {
            ValidateApiKeyPair();
        }

        if (BaseAddress is not null && (!BaseAddress.IsAbsoluteUri || (BaseAddress.Scheme != Uri.UriSchemeHttps && BaseAddress.Scheme != Uri.UriSchemeHttp)))
        {
            throw new OpenTokArgumentException($"BaseAddress must be an absolute http or https address; it is '{BaseAddress}'.", nameof(BaseAddress));
        }

        if (Resilience is null)
        {
            throw new OpenTokArgumentException("Resilience must not be null; set Resilience.Enabled = false to turn it off.", nameof(Resilience));
        }

        Resilience.Validate();
    }

    /// <summary>The private key's PEM text, from <see cref="PrivateKey"/> or the file <see cref="PrivateKeyPath"/> names.</summary>
    /// <exception cref="OpenTokArgumentException">The file cannot be read.</exception>
    internal string ReadPrivateKeyPem()
    {
        if (PrivateKeyPath is null)
        {
            return PrivateKey ?? "";
        }

        try
        {
            return File.ReadAllText(PrivateKeyPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new OpenTokArgumentException($"PrivateKeyPath '{PrivateKeyPath}' cannot be read: {e.Message}", nameof(PrivateKeyPath));
        }
    }

    /// <summary>Takes every setting of <paramref name="other"/> (its <see cref="Resilience"/> object is shared, not copied).</summary>
    internal void CopyFrom(OpenTokOptions other)
    {
        ApiKey = other.ApiKey;
        ApiSecret = other.ApiSecret;
        ApplicationId = other.ApplicationId;
        PrivateKey = other.PrivateKey;
        PrivateKeyPath = other.PrivateKeyPath;
        BaseAddress = other.BaseAddress;
        UserAgentSuffix = other.UserAgentSuffix;
        Resilience = other.Resilience;
    }

    /// <summary>The options with the secret and the key hidden.</summary>
    /// <returns>For example <c>OpenTokOptions { ApiKey = 123456, ApiSecret = ***, BaseAddress = https://api.opentok.com/ }</c>.</returns>
    public override string ToString() => IsApplicationMode
        ? $"OpenTokOptions {{ ApplicationId = {ApplicationId}, PrivateKey = {(PrivateKey is null && PrivateKeyPath is null ? "(not set)" : "***")}, BaseAddress = {ResolvedBaseAddress} }}"
        : $"OpenTokOptions {{ ApiKey = {ApiKey}, ApiSecret = {(string.IsNullOrEmpty(ApiSecret) ? "(not set)" : "***")}, BaseAddress = {ResolvedBaseAddress} }}";

    private void ValidateApiKeyPair()
    {
        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            throw new OpenTokArgumentException(
                "ApiKey must be set to the project's API key (or set ApplicationId and PrivateKey for a Vonage application); it is null or empty.", nameof(ApiKey));
        }

        if (string.IsNullOrEmpty(ApiSecret))
        {
            throw new OpenTokArgumentException("ApiSecret must be set to the project's API secret; it is null or empty.", nameof(ApiSecret));
        }
    }

    private void ValidateApplication()
    {
        if (string.IsNullOrWhiteSpace(ApplicationId) || ApplicationId.Length != 36 || !Guid.TryParseExact(ApplicationId, "D", out _))
        {
            throw new OpenTokArgumentException(
                $"ApplicationId must be the Vonage application's id (a UUID such as 29f760f8-7ce1-46c9-ade3-f2dedee4ed5f); it is {Arguments.Quote(ApplicationId)}.", nameof(ApplicationId));
        }

        if (PrivateKey is not null && PrivateKeyPath is not null)
        {
            throw new OpenTokArgumentException("Set PrivateKey or PrivateKeyPath, not both.", nameof(PrivateKeyPath));
        }

        if (PrivateKey is null && PrivateKeyPath is null)
        {
            throw new OpenTokArgumentException("A Vonage application needs its RSA private key: set PrivateKey (PEM text) or PrivateKeyPath.", nameof(PrivateKey));
        }

        // Import once here so a bad key fails when the app starts, not at its first call.
        using var key = ApplicationTokens.ImportPrivateKey(ReadPrivateKeyPem(), PrivateKeyPath is null ? nameof(PrivateKey) : nameof(PrivateKeyPath));
    }
}
