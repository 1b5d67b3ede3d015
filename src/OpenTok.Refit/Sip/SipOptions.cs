using System.Text;

namespace OpenTok.Refit;

/// <summary>
/// How to dial a SIP endpoint into a routed session: where to call (<see cref="Uri"/>), who is calling, custom
/// INVITE headers, digest credentials and media settings. Every rule is checked by <see cref="Validate"/> before
/// the request is sent.
/// </summary>
[GenerateBuilder]
public sealed partial record SipOptions
{
    /// <summary>The prefix every custom INVITE header name must have; the service answers 400 to any other.</summary>
    public const string HeaderPrefix = "X-";

    /// <summary>
    /// The SIP URI to call, <c>sip:…</c> or <c>sips:…</c>, e.g. <c>sip:user@sip.partner.com;transport=tls</c>.
    /// Required. With <c>transport=tls</c> the signalling is encrypted; set <see cref="Secure"/> to encrypt the media too.
    /// </summary>
    public string Uri { get => field ?? ""; init; }

    /// <summary>
    /// The caller, as <c>from@example.com</c>. A numeric user part (<c>14155550101@example.com</c>) shows as the
    /// caller id on PSTN phones; otherwise they show <c>+00000000</c>. Default none.
    /// </summary>
    public string? From { get; init; }

    /// <summary>Custom headers added to the SIP INVITE; every name must start with <c>X-</c>. Default none.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Credentials for digest authentication by the SIP endpoint. Default none.</summary>
    public SipAuth? Auth { get; init; }

    /// <summary>Whether the media is encrypted (SRTP). Default <see langword="false"/>; always sent.</summary>
    public bool Secure { get; init; }

    /// <summary>Whether the call carries video as well as audio. Default <see langword="false"/>; always sent.</summary>
    public bool Video { get; init; }

    /// <summary>
    /// Whether the SIP participant follows force-mute calls: when RFC 2833 DTMF is negotiated, <c>*6</c> then toggles
    /// its mute. Default <see langword="false"/>; always sent.
    /// </summary>
    public bool ObserveForceMute { get; init; }

    /// <summary>Only these streams are sent to the SIP endpoint. Default none: every stream of the session.</summary>
    public IReadOnlyList<string> Streams { get; init; } = [];

    /// <summary>
    /// Checks every rule known before sending: a <c>sip:</c> or <c>sips:</c> URI without white space; a caller of the
    /// form <c>user@host</c>; header names that start with <c>X-</c>; non-empty credentials and stream ids.
    /// </summary>
    /// <exception cref="OpenTokArgumentException">A rule is broken; the message says which and names the property.</exception>
    public void Validate()
    {
        if (!IsSipUri(Uri))
        {
            throw new OpenTokArgumentException($"Uri must be a sip: or sips: URI without white space, such as sip:user@sip.example.com;transport=tls; {Arguments.Quote(Uri)} is not.", nameof(Uri));
        }

        if (From is not null)
        {
            var at = From.IndexOf('@', StringComparison.Ordinal);
            if (at <= 0 || at == From.Length - 1 || From.IndexOf('@', at + 1) >= 0 || From.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                throw new OpenTokArgumentException($"From must be of the form from@example.com, without white space; {Arguments.Quote(From)} is not.", nameof(From));
            }
        }

        if (Headers is null)
        {
            throw new OpenTokArgumentException("Headers must not be null; leave it empty for no headers.", nameof(Headers));
        }

        foreach (var (name, value) in Headers)
        {
            if (!name.StartsWith(HeaderPrefix, StringComparison.OrdinalIgnoreCase) || name.Length == HeaderPrefix.Length || name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == ':'))
            {
                throw new OpenTokArgumentException($"Headers names must start with X- and hold no white space or ':'; {Arguments.Quote(name)} does not.", nameof(Headers));
            }

            if (value is null || value.Any(char.IsControl))
            {
                throw new OpenTokArgumentException($"Headers value of {Arguments.Quote(name)} must be set and hold no control characters (a line break would end the header).", nameof(Headers));
            }
        }

        Auth?.Validate();
        if (Streams is null || Streams.Any(string.IsNullOrWhiteSpace))
        {
            throw new OpenTokArgumentException("Streams must not be null or hold null or empty stream ids.", nameof(Streams));
        }
    }

    private static bool IsSipUri(string uri) =>
        (uri.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) && uri.Length > "sip:".Length
            || uri.StartsWith("sips:", StringComparison.OrdinalIgnoreCase) && uri.Length > "sips:".Length)
        && !uri.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
}

/// <summary>Credentials a SIP endpoint asks for with digest authentication. The password never appears in <see cref="object.ToString"/>.</summary>
[GenerateBuilder]
public sealed partial record SipAuth
{
    /// <summary>The user name.</summary>
    public string Username { get => field ?? ""; init; }

    /// <summary>The password.</summary>
    public string Password { get => field ?? ""; init; }

    /// <summary>Checks both are set.</summary>
    /// <exception cref="OpenTokArgumentException">The user name or password is empty.</exception>
    public void Validate()
    {
        if (string.IsNullOrEmpty(Username))
        {
            throw new OpenTokArgumentException("Auth.Username must be set.", "Auth.Username");
        }

        if (string.IsNullOrEmpty(Password))
        {
            throw new OpenTokArgumentException("Auth.Password must be set.", "Auth.Password");
        }
    }

    // The password is a secret: a logged SipOptions must not show it.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Username = ").Append(Username).Append(", Password = ***");
        return true;
    }
}

/// <summary>The body of <c>POST /v2/project/{apiKey}/dial</c>: the session, the SIP participant's token and, under <c>sip</c>, the <see cref="SipOptions"/>.</summary>
internal sealed record SipDialRequest
{
    public string SessionId { get => field ?? ""; init; }

    public string Token { get => field ?? ""; init; }

    public SipDialSettings Sip { get => field ?? new(); init; }

    public static SipDialRequest From(string sessionId, string token, SipOptions options) => new()
    {
        SessionId = sessionId,
        Token = token,
        Sip = new SipDialSettings
        {
            Uri = options.Uri,
            From = options.From,
            Headers = options.Headers.Count == 0 ? null : options.Headers,
            Auth = options.Auth,
            Secure = options.Secure,
            Video = options.Video,
            ObserveForceMute = options.ObserveForceMute,
            Streams = options.Streams.Count == 0 ? null : options.Streams,
        },
    };
}

/// <summary>The <c>sip</c> object of a dial request: <see cref="SipOptions"/> with empty collections left out.</summary>
internal sealed record SipDialSettings
{
    public string Uri { get => field ?? ""; init; }

    public string? From { get; init; }

    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    public SipAuth? Auth { get; init; }

    public bool Secure { get; init; }

    public bool Video { get; init; }

    public bool ObserveForceMute { get; init; }

    public IReadOnlyList<string>? Streams { get; init; }
}

/// <summary>The body of the play-DTMF calls: <c>{ "digits": "1234#" }</c>.</summary>
internal sealed record PlayDtmfRequest
{
    public string Digits { get => field ?? ""; init; }
}
