using OpenTok.Refit.Emulator.CallbackEvents;

namespace OpenTok.Refit.Emulator;

/// <summary>
/// The emulator's callback events at run time (<see cref="OpenTokEmulator.Callbacks"/>): where each family is POSTed,
/// whether deliveries are signed, and the delivery log. Starts from <see cref="OpenTokEmulatorOptions.CallbackUrl"/>
/// and <see cref="OpenTokEmulatorOptions.Callbacks"/>; set a URL at any time (a host that learns its own address after
/// starting the emulator sets it then). A change applies to events that happen after it; events already queued keep
/// the URL and signature they were queued with. Thread-safe.
/// </summary>
/// <remarks>
/// An event is queued only when its family has a URL (its own, else <see cref="Url"/>); with none, nothing is sent
/// or logged. Each session's events are POSTed one at a time, in the order they happened, retried with a doubling
/// delay on a non-2xx answer or a transport error (<see cref="EmulatorCallbackOptions.MaxAttempts"/>); other sessions
/// do not wait for them, and neither does any REST call.
/// </remarks>
public sealed class EmulatorCallbacks
{
    private readonly Lock _lock = new();
    private readonly CallbackDispatcher _dispatcher;
    private readonly Uri?[] _familyUrls = new Uri?[Enum.GetValues<CallbackFamily>().Length];
    private Uri? _url;
    private string? _signatureSecret;

    internal EmulatorCallbacks(OpenTokEmulatorOptions options, CallbackDispatcher dispatcher)
    {
        _dispatcher = dispatcher;
        _url = options.CallbackUrl;
        _signatureSecret = options.Callbacks.SignatureSecret;
        foreach (var family in Enum.GetValues<CallbackFamily>())
        {
            _familyUrls[(int)family] = options.Callbacks.UrlOf(family);
        }

        Settings = options.Callbacks;
    }

    /// <summary>Where every family's events go unless the family has a URL of its own; <see langword="null"/> for nowhere.</summary>
    /// <exception cref="ArgumentException">The URL is not an absolute http:// or https:// URL.</exception>
    public Uri? Url
    {
        get { lock (_lock) { return _url; } }
        set
        {
            EmulatorCallbackOptions.CheckUrl(value, nameof(Url));
            lock (_lock)
            {
                _url = value;
            }
        }
    }

    /// <summary>Where session-monitoring events go instead of <see cref="Url"/>.</summary>
    /// <exception cref="ArgumentException">The URL is not an absolute http:// or https:// URL.</exception>
    public Uri? SessionMonitoringUrl { get => FamilyUrl(CallbackFamily.SessionMonitoring); set => SetFamilyUrl(CallbackFamily.SessionMonitoring, value); }

    /// <summary>Where archive status events go instead of <see cref="Url"/>.</summary>
    /// <exception cref="ArgumentException">The URL is not an absolute http:// or https:// URL.</exception>
    public Uri? ArchiveUrl { get => FamilyUrl(CallbackFamily.Archive); set => SetFamilyUrl(CallbackFamily.Archive, value); }

    /// <summary>Where broadcast status events go instead of <see cref="Url"/>.</summary>
    /// <exception cref="ArgumentException">The URL is not an absolute http:// or https:// URL.</exception>
    public Uri? BroadcastUrl { get => FamilyUrl(CallbackFamily.Broadcast); set => SetFamilyUrl(CallbackFamily.Broadcast, value); }

    /// <summary>Where SIP call events go instead of <see cref="Url"/>.</summary>
    /// <exception cref="ArgumentException">The URL is not an absolute http:// or https:// URL.</exception>
    public Uri? SipUrl { get => FamilyUrl(CallbackFamily.Sip); set => SetFamilyUrl(CallbackFamily.Sip, value); }

    /// <summary>Where Experience Composer status events go instead of <see cref="Url"/>.</summary>
    /// <exception cref="ArgumentException">The URL is not an absolute http:// or https:// URL.</exception>
    public Uri? ExperienceComposerUrl { get => FamilyUrl(CallbackFamily.ExperienceComposer); set => SetFamilyUrl(CallbackFamily.ExperienceComposer, value); }

    /// <summary>Where live-captions status events go instead of <see cref="Url"/> (a job's own <c>statusCallbackUrl</c> comes first).</summary>
    /// <exception cref="ArgumentException">The URL is not an absolute http:// or https:// URL.</exception>
    public Uri? CaptionsUrl { get => FamilyUrl(CallbackFamily.Captions); set => SetFamilyUrl(CallbackFamily.Captions, value); }

    /// <summary>
    /// The signature secret deliveries are signed with (see <see cref="EmulatorCallbackOptions.SignatureSecret"/>);
    /// <see langword="null"/> for unsigned. It never appears in the log, the control endpoints or <c>ToString</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The secret is blank.</exception>
    public string? SignatureSecret
    {
        get { lock (_lock) { return _signatureSecret; } }
        set
        {
            if (value is not null && string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException("SignatureSecret must not be blank when it is set; set null for unsigned deliveries.", nameof(SignatureSecret));
            }

            lock (_lock)
            {
                _signatureSecret = value;
            }
        }
    }

    /// <summary>The retry schedule and attempt timeout, fixed at start (<see cref="OpenTokEmulatorOptions.Callbacks"/>).</summary>
    public EmulatorCallbackOptions Settings { get; }

    /// <summary>
    /// The delivery log, oldest first: every event queued (the last 10 000), with its URL, attempts and how it ended.
    /// A snapshot. <see cref="OpenTokEmulator.Reset"/> forgets the finished ones.
    /// </summary>
    public IReadOnlyList<CallbackDelivery> Deliveries => _dispatcher.Snapshot();

    /// <summary>How many deliveries are queued, being sent or waiting for a retry.</summary>
    public int PendingCount => _dispatcher.PendingCount;

    /// <summary>The URL an event of <paramref name="family"/> goes to now: the family's own, else <see cref="Url"/>.</summary>
    /// <param name="family">The family.</param>
    /// <returns>The URL, or <see langword="null"/> when the family's events are not sent.</returns>
    public Uri? UrlFor(CallbackFamily family)
    {
        lock (_lock)
        {
            return _familyUrls[(int)family] ?? _url;
        }
    }

    /// <summary>
    /// Completes once no delivery is pending: every queued event delivered, failed, dropped or abandoned. With a fake
    /// clock, a delivery waiting to be retried waits until the clock is moved on.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when nothing is pending.</returns>
    public Task WhenIdleAsync(CancellationToken cancellationToken = default) => _dispatcher.WhenIdleAsync(cancellationToken);

    /// <summary>The URLs set, without the secret.</summary>
    /// <returns>For example <c>EmulatorCallbacks { Url = http://127.0.0.1:5000/events, Signed = False, Pending = 0 }</c>.</returns>
    public override string ToString()
    {
        lock (_lock)
        {
            var families = string.Concat(Enum.GetValues<CallbackFamily>().Where(f => _familyUrls[(int)f] is not null).Select(f => $", {f}Url = {_familyUrls[(int)f]}"));
            return $"EmulatorCallbacks {{ Url = {_url}{families}, Signed = {_signatureSecret is not null}, Pending = {PendingCount} }}";
        }
    }

    /// <summary>Where an event of <paramref name="family"/> goes now and what signs it, read together.</summary>
    internal (Uri? Url, string? SignatureSecret) Route(CallbackFamily family)
    {
        lock (_lock)
        {
            return (_familyUrls[(int)family] ?? _url, _signatureSecret);
        }
    }

    /// <summary>Replaces every URL and the secret at once (the control endpoint's PUT).</summary>
    internal void Replace(Uri? url, IReadOnlyDictionary<CallbackFamily, Uri?> familyUrls, string? signatureSecret)
    {
        EmulatorCallbackOptions.CheckUrl(url, nameof(Url));
        foreach (var (family, familyUrl) in familyUrls)
        {
            EmulatorCallbackOptions.CheckUrl(familyUrl, family + "Url");
        }

        lock (_lock)
        {
            _url = url;
            Array.Clear(_familyUrls);
            foreach (var (family, familyUrl) in familyUrls)
            {
                _familyUrls[(int)family] = familyUrl;
            }

            _signatureSecret = signatureSecret;
        }
    }

    /// <summary>The family's own URL, not falling back to <see cref="Url"/>.</summary>
    internal Uri? FamilyUrl(CallbackFamily family)
    {
        lock (_lock)
        {
            return _familyUrls[(int)family];
        }
    }

    private void SetFamilyUrl(CallbackFamily family, Uri? url)
    {
        EmulatorCallbackOptions.CheckUrl(url, family + "Url");
        lock (_lock)
        {
            _familyUrls[(int)family] = url;
        }
    }
}
