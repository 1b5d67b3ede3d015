namespace OpenTok.Refit;

/// <summary>
/// How <c>MapOpenTokCallbacks</c> receives callbacks: the largest body it reads, and the signature secret that
/// signed callbacks are verified with. Bind it with <c>services.AddOpenTokCallbacks(configuration)</c>.
/// </summary>
public sealed class OpenTokCallbackOptions
{
    /// <summary>The default <see cref="MaxBodySize"/>: 64 KiB, far more than any event the service sends.</summary>
    public const long DefaultMaxBodySize = 64 * 1024;

    /// <summary>The largest <see cref="MaxBodySize"/> accepted: 16 MiB.</summary>
    public const long MaxAllowedBodySize = 16 * 1024 * 1024;

    /// <summary>The largest body read, in bytes; a larger one is answered 413 without being read. Default 64 KiB.</summary>
    public long MaxBodySize { get; set; } = DefaultMaxBodySize;

    /// <summary>
    /// The callback's signature secret (set per callback type in the account). When set, every callback must carry a
    /// valid signature: a bad one, or a body that does not match its <c>payload_hash</c>, is answered 401; an unsigned
    /// callback 503, because the service may send one unsigned after an internal error and retries it (signed) on a
    /// 5xx. When <see langword="null"/>, nothing is verified.
    /// </summary>
    public string? SignatureSecret { get; set; }

    /// <summary>Checks the options; the message names the option and the rule.</summary>
    /// <exception cref="OpenTokArgumentException">An option breaks its rule.</exception>
    public void Validate()
    {
        if (MaxBodySize is < 1 or > MaxAllowedBodySize)
        {
            throw new OpenTokArgumentException($"MaxBodySize must be between 1 and {MaxAllowedBodySize} bytes.", nameof(MaxBodySize));
        }

        if (SignatureSecret is not null && string.IsNullOrWhiteSpace(SignatureSecret))
        {
            throw new OpenTokArgumentException("SignatureSecret must not be empty when it is set; leave it unset to accept unsigned callbacks.", nameof(SignatureSecret));
        }
    }

    /// <summary>The options without the secret.</summary>
    /// <returns>The body limit and whether a secret is set.</returns>
    public override string ToString() => $"MaxBodySize = {MaxBodySize}, SignatureSecret = {(SignatureSecret is null ? "(none)" : "(set)")}";
}
