namespace OpenTok.Refit;

/// <summary>How to caption a session live: its spoken language, how long at most, partial results, and where status events go. Every rule is checked by <see cref="Validate"/> before the request is sent.</summary>
[GenerateBuilder]
public sealed partial record CaptionsOptions
{
    /// <summary>The shortest <see cref="MaxDuration"/> the service accepts (5 minutes).</summary>
    public static readonly TimeSpan MinMaxDuration = TimeSpan.FromSeconds(300);

    /// <summary>The longest <see cref="MaxDuration"/> the service accepts, and its default (4 hours).</summary>
    public static readonly TimeSpan MaxMaxDuration = TimeSpan.FromSeconds(14400);

    /// <summary>The shortest <see cref="StatusCallbackUrl"/> the service accepts, in characters.</summary>
    public const int MinStatusCallbackUrlLength = 15;

    /// <summary>The longest <see cref="StatusCallbackUrl"/> the service accepts, in characters.</summary>
    public const int MaxStatusCallbackUrlLength = 2048;

    /// <summary>
    /// The spoken language as a BCP-47 code: <c>en-US</c> (the server's default), <c>en-GB</c>, <c>en-AU</c>,
    /// <c>fr-FR</c>, <c>fr-CA</c>, <c>de-DE</c>, <c>es-ES</c>, <c>it-IT</c>, <c>ja-JP</c>, <c>ko-KR</c>, <c>pt-BR</c>,
    /// <c>zh-CN</c>, <c>hi-IN</c>, <c>th-TH</c> and more: the service's list grows with its transcription provider's,
    /// so only the shape (<c>ll-CC</c> or <c>lll-CC</c>) is checked here; an unsupported code is the server's 400.
    /// </summary>
    public string? LanguageCode { get; init; }

    /// <summary>When captioning stops by itself, 5 minutes to 4 hours (whole seconds on the wire). Default: the server's (4 hours).</summary>
    public TimeSpan? MaxDuration { get; init; }

    /// <summary>Whether to send partial (faster, less accurate) captions as speech goes on. Default <see langword="true"/>; always sent.</summary>
    public bool PartialCaptions { get; init; } = true;

    /// <summary>An <c>http(s)</c> URL of yours, 15 to 2048 characters, that receives the captions' status events. Default none.</summary>
    public string? StatusCallbackUrl { get; init; }

    /// <summary>Checks every rule the service applies: a well-formed language code, the duration in range, and an http(s) callback URL of 15–2048 characters.</summary>
    /// <exception cref="OpenTokArgumentException">A rule is broken; the message says which and names the property.</exception>
    public void Validate()
    {
        if (LanguageCode is not null && !LanguageCodes.IsWellFormed(LanguageCode))
        {
            throw new OpenTokArgumentException($"LanguageCode must be a BCP-47 language and region such as en-US; {Arguments.Quote(LanguageCode)} is not.", nameof(LanguageCode));
        }

        if (MaxDuration is { } duration && (duration < MinMaxDuration || duration > MaxMaxDuration))
        {
            throw new OpenTokArgumentException($"MaxDuration must be from 5 minutes to 4 hours (300 to 14400 seconds); it is {duration}.", nameof(MaxDuration));
        }

        if (StatusCallbackUrl is { } url
            && (url.Length < MinStatusCallbackUrlLength || url.Length > MaxStatusCallbackUrlLength
                || !Uri.TryCreate(url, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
                || url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            throw new OpenTokArgumentException(
                $"StatusCallbackUrl must be an http:// or https:// URL of {MinStatusCallbackUrlLength} to {MaxStatusCallbackUrlLength} characters; {Arguments.Quote(url)} is not.",
                nameof(StatusCallbackUrl));
        }
    }
}

/// <summary>The body of <c>POST /v2/project/{apiKey}/captions</c>: the session, the captioner's token and the <see cref="CaptionsOptions"/>.</summary>
internal sealed record StartCaptionsRequest
{
    public string SessionId { get => field ?? ""; init; }

    public string Token { get => field ?? ""; init; }

    public string? LanguageCode { get; init; }

    public int? MaxDuration { get; init; }

    public bool PartialCaptions { get; init; }

    public string? StatusCallbackUrl { get; init; }

    public static StartCaptionsRequest From(string sessionId, string token, CaptionsOptions options) => new()
    {
        SessionId = sessionId,
        Token = token,
        LanguageCode = options.LanguageCode,
        MaxDuration = options.MaxDuration is { } duration ? (int)duration.TotalSeconds : null,
        PartialCaptions = options.PartialCaptions,
        StatusCallbackUrl = options.StatusCallbackUrl,
    };

    /// <summary>The options this request carries, for the rules <see cref="CaptionsOptions.Validate"/> checks.</summary>
    public CaptionsOptions ToOptions() => new()
    {
        LanguageCode = LanguageCode,
        MaxDuration = MaxDuration is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        PartialCaptions = PartialCaptions,
        StatusCallbackUrl = StatusCallbackUrl,
    };
}
