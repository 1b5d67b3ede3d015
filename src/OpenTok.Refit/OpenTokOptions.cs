namespace OpenTok.Refit;

/// <summary>
/// How to reach and authenticate with one OpenTok project. Bindable from configuration (section <c>OpenTok</c>).
/// The printed form never shows the secret.
/// </summary>
public sealed class OpenTokOptions
{
    /// <summary>The default REST base address.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.opentok.com");

    /// <summary>The project's API key (a number, as a string).</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The project's API secret. Never logged, printed or put in an exception message.</summary>
    public string ApiSecret { get; set; } = "";

    /// <summary>The REST base address. Default <c>https://api.opentok.com</c>; point it at the emulator for offline work.</summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>Appended to the <c>User-Agent</c> (<c>OpenTok-Refit/1.2.3 my-app/4.5</c>), to tell your app's calls apart. Default none.</summary>
    public string? UserAgentSuffix { get; set; }

    /// <summary>Timeouts, retries and the circuit breaker.</summary>
    public OpenTokResilienceOptions Resilience { get; set; } = new();

    /// <summary>Checks that the options can sign anything at all.</summary>
    /// <exception cref="OpenTokArgumentException">The API key or secret is missing, the base address is not absolute HTTP(S), or a resilience setting is out of range.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            throw new OpenTokArgumentException("ApiKey must be set to the project's API key; it is null or empty.", nameof(ApiKey));
        }

        if (string.IsNullOrEmpty(ApiSecret))
        {
            throw new OpenTokArgumentException("ApiSecret must be set to the project's API secret; it is null or empty.", nameof(ApiSecret));
        }

        if (BaseAddress is null || !BaseAddress.IsAbsoluteUri || (BaseAddress.Scheme != Uri.UriSchemeHttps && BaseAddress.Scheme != Uri.UriSchemeHttp))
        {
            throw new OpenTokArgumentException($"BaseAddress must be an absolute http or https address; it is '{BaseAddress}'.", nameof(BaseAddress));
        }

        if (Resilience is null)
        {
            throw new OpenTokArgumentException("Resilience must not be null; set Resilience.Enabled = false to turn it off.", nameof(Resilience));
        }

        Resilience.Validate();
    }

    /// <summary>Takes every setting of <paramref name="other"/> (its <see cref="Resilience"/> object is shared, not copied).</summary>
    internal void CopyFrom(OpenTokOptions other)
    {
        ApiKey = other.ApiKey;
        ApiSecret = other.ApiSecret;
        BaseAddress = other.BaseAddress;
        UserAgentSuffix = other.UserAgentSuffix;
        Resilience = other.Resilience;
    }

    /// <summary>The options with the secret hidden.</summary>
    /// <returns>For example <c>OpenTokOptions { ApiKey = 123456, ApiSecret = ***, BaseAddress = https://api.opentok.com/ }</c>.</returns>
    public override string ToString() =>
        $"OpenTokOptions {{ ApiKey = {ApiKey}, ApiSecret = {(string.IsNullOrEmpty(ApiSecret) ? "(not set)" : "***")}, BaseAddress = {BaseAddress} }}";
}
