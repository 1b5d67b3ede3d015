namespace OpenTok.Refit.Emulator;

/// <summary>
/// How the emulator delivers callback events, beside <see cref="OpenTokEmulatorOptions.CallbackUrl"/> (every family):
/// a URL per family that overrides it, the signature secret, and the retry schedule. Every URL can also be set while
/// the emulator runs (<see cref="OpenTokEmulator.Callbacks"/>), for a host that learns its own address only after
/// starting the emulator.
/// </summary>
public sealed record EmulatorCallbackOptions
{
    /// <summary>The most attempts allowed for <see cref="MaxAttempts"/>.</summary>
    public const int MaxAllowedAttempts = 20;

    /// <summary>Where session-monitoring events go instead of <see cref="OpenTokEmulatorOptions.CallbackUrl"/>.</summary>
    public Uri? SessionMonitoringUrl { get; init; }

    /// <summary>Where archive status events go instead of <see cref="OpenTokEmulatorOptions.CallbackUrl"/>.</summary>
    public Uri? ArchiveUrl { get; init; }

    /// <summary>Where broadcast status events go instead of <see cref="OpenTokEmulatorOptions.CallbackUrl"/>.</summary>
    public Uri? BroadcastUrl { get; init; }

    /// <summary>Where SIP call events go instead of <see cref="OpenTokEmulatorOptions.CallbackUrl"/>.</summary>
    public Uri? SipUrl { get; init; }

    /// <summary>Where Experience Composer status events go instead of <see cref="OpenTokEmulatorOptions.CallbackUrl"/>.</summary>
    public Uri? ExperienceComposerUrl { get; init; }

    /// <summary>
    /// Where live-captions status events go instead of <see cref="OpenTokEmulatorOptions.CallbackUrl"/>; a job started
    /// with its own <c>statusCallbackUrl</c> reports there, as the service does.
    /// </summary>
    public Uri? CaptionsUrl { get; init; }

    /// <summary>
    /// The signature secret: when set, every delivery carries <c>Authorization: Bearer</c> and a JWT as the service
    /// signs callbacks (HS256 with this secret; <c>iat</c>, <c>jti</c>, <c>iss</c> <c>Vonage</c>, <c>payload_hash</c>
    /// the SHA-256 of the body in lower-case hex, <c>api_key</c>, and <c>application_id</c> in application mode), which
    /// <c>CallbackSignature.Verify</c> and <c>MapOpenTokCallbacks</c> accept. Default <see langword="null"/>: unsigned.
    /// </summary>
    public string? SignatureSecret { get; init; }

    /// <summary>How many times a delivery is tried before it is logged <see cref="CallbackDeliveryState.Failed"/>, 1 to 20. Default 5.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>
    /// The wait before the first retry; each further retry waits twice as long as the one before (1, 2, 4, 8 s by
    /// default), at most a day. The waits pass on the emulator's clock (<see cref="OpenTokEmulatorOptions.TimeProvider"/>), so a fake
    /// clock moves them on. Default 1 second.
    /// </summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long one attempt may take, connecting included, before it counts as failed. Real time, not the emulator's
    /// clock: it bounds a network wait. Default 10 seconds.
    /// </summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The URL set for <paramref name="family"/> here, not falling back to <see cref="OpenTokEmulatorOptions.CallbackUrl"/>.</summary>
    /// <param name="family">The family.</param>
    /// <returns>The family's own URL, or <see langword="null"/>.</returns>
    public Uri? UrlOf(CallbackFamily family) => family switch
    {
        CallbackFamily.SessionMonitoring => SessionMonitoringUrl,
        CallbackFamily.Archive => ArchiveUrl,
        CallbackFamily.Broadcast => BroadcastUrl,
        CallbackFamily.Sip => SipUrl,
        CallbackFamily.ExperienceComposer => ExperienceComposerUrl,
        CallbackFamily.Captions => CaptionsUrl,
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "Not a callback family."),
    };

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">A URL is not an absolute http(s) URL, the secret is blank, or a number is out of range.</exception>
    public void Validate()
    {
        foreach (var family in Enum.GetValues<CallbackFamily>())
        {
            CheckUrl(UrlOf(family), family + "Url");
        }

        if (SignatureSecret is not null && string.IsNullOrWhiteSpace(SignatureSecret))
        {
            throw new ArgumentException("SignatureSecret must not be blank when it is set; leave it null for unsigned deliveries.", nameof(SignatureSecret));
        }

        if (MaxAttempts is < 1 or > MaxAllowedAttempts)
        {
            throw new ArgumentException($"MaxAttempts must be from 1 to {MaxAllowedAttempts}; it is {MaxAttempts}.", nameof(MaxAttempts));
        }

        if (RetryBaseDelay < TimeSpan.Zero || RetryBaseDelay > TimeSpan.FromHours(1))
        {
            throw new ArgumentException("RetryBaseDelay must be from zero to one hour.", nameof(RetryBaseDelay));
        }

        if (AttemptTimeout <= TimeSpan.Zero || AttemptTimeout > TimeSpan.FromMinutes(10))
        {
            throw new ArgumentException("AttemptTimeout must be more than zero and at most ten minutes.", nameof(AttemptTimeout));
        }
    }

    /// <summary>The options with the secret hidden.</summary>
    /// <returns>Which URLs are set, whether a secret is, and the retry schedule.</returns>
    public override string ToString() =>
        $"EmulatorCallbackOptions {{ SessionMonitoringUrl = {SessionMonitoringUrl}, ArchiveUrl = {ArchiveUrl}, BroadcastUrl = {BroadcastUrl}, SipUrl = {SipUrl}, "
        + $"ExperienceComposerUrl = {ExperienceComposerUrl}, CaptionsUrl = {CaptionsUrl}, SignatureSecret = {(SignatureSecret is null ? "(none)" : "***")}, "
        + $"MaxAttempts = {MaxAttempts}, RetryBaseDelay = {RetryBaseDelay}, AttemptTimeout = {AttemptTimeout} }}";

    /// <summary>Checks a callback URL: <see langword="null"/>, or absolute http or https.</summary>
    /// <exception cref="ArgumentException">It is neither.</exception>
    internal static void CheckUrl(Uri? url, string name)
    {
        if (url is not null && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            throw new ArgumentException($"{name} must be an absolute http:// or https:// URL; {Arguments.Quote(url.OriginalString)} is not.", name);
        }
    }
}
