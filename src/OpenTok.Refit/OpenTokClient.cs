using System.Text;

namespace OpenTok.Refit;

/// <summary>
/// The entry point of the SDK for one OpenTok project: signs client tokens and calls the REST API.
/// Thread-safe; make one and share it.
/// </summary>
public sealed partial class OpenTokClient
{
    private readonly byte[] _apiSecretUtf8;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a client for the project with this API key and secret.</summary>
    /// <param name="apiKey">The project's API key.</param>
    /// <param name="apiSecret">The project's API secret.</param>
    /// <exception cref="OpenTokArgumentException">The key or secret is null or empty.</exception>
    public OpenTokClient(string apiKey, string apiSecret)
        : this(new OpenTokOptions { ApiKey = apiKey, ApiSecret = apiSecret })
    {
    }

    /// <summary>Creates a client from options.</summary>
    /// <param name="options">The project's credentials and base address.</param>
    /// <exception cref="OpenTokArgumentException">The options are incomplete.</exception>
    public OpenTokClient(OpenTokOptions options)
        : this(options, TimeProvider.System)
    {
    }

    /// <summary>Creates a client from options with a clock of your choosing (for tests).</summary>
    /// <param name="options">The project's credentials and base address.</param>
    /// <param name="timeProvider">The clock tokens are dated by.</param>
    /// <exception cref="OpenTokArgumentException">The options are incomplete.</exception>
    public OpenTokClient(OpenTokOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        ApiKey = options.ApiKey;
        BaseAddress = options.BaseAddress;
        _apiSecretUtf8 = Encoding.UTF8.GetBytes(options.ApiSecret);
        _timeProvider = timeProvider;
    }

    /// <summary>The project's API key.</summary>
    public string ApiKey { get; }

    /// <summary>The REST base address this client calls.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The client, without its secret.</summary>
    /// <returns>For example <c>OpenTokClient { ApiKey = 123456, BaseAddress = https://api.opentok.com/ }</c>.</returns>
    public override string ToString() => $"OpenTokClient {{ ApiKey = {ApiKey}, BaseAddress = {BaseAddress} }}";
}
