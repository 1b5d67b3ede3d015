namespace OpenTok.Refit;

/// <summary>
/// How to start an Experience Composer: the web page to render into the session, for how long, at which resolution,
/// and the name of the stream it publishes. Every rule is checked by <see cref="Validate"/> before the request is sent.
/// </summary>
[GenerateBuilder]
public sealed partial record RenderOptions
{
    /// <summary>The shortest <see cref="Url"/> the service accepts, in characters.</summary>
    public const int MinUrlLength = 15;

    /// <summary>The longest <see cref="Url"/> the service accepts, in characters.</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>The shortest <see cref="MaxDuration"/> the service accepts (1 minute).</summary>
    public static readonly TimeSpan MinMaxDuration = TimeSpan.FromSeconds(60);

    /// <summary>The longest <see cref="MaxDuration"/> the service accepts (10 hours).</summary>
    public static readonly TimeSpan MaxMaxDuration = TimeSpan.FromSeconds(36000);

    /// <summary>The page to render: an absolute <c>http://</c> or <c>https://</c> address of 15 to 2048 characters. Required.</summary>
    public string Url { get => field ?? ""; init; }

    /// <summary>When the Experience Composer stops by itself, 60 seconds to 10 hours, in whole seconds. Default: the server's (2 hours).</summary>
    public TimeSpan? MaxDuration { get; init; }

    /// <summary>The resolution of the rendered page and of the stream. Default: the server's (1280x720).</summary>
    public Resolution? Resolution { get; init; }

    /// <summary>Settings of the stream the Experience Composer publishes into the session (its name). Default none.</summary>
    public RenderProperties? Properties { get; init; }

    /// <summary>
    /// Checks every rule the service applies: the url absolute http(s) of 15 to 2048 characters, the duration from 60
    /// seconds to 10 hours in whole seconds, a known resolution, a stream name of at most 200 characters.
    /// </summary>
    /// <exception cref="OpenTokArgumentException">A rule is broken; the message says which.</exception>
    public void Validate()
    {
        if (Url.Length < MinUrlLength || Url.Length > MaxUrlLength)
        {
            throw new OpenTokArgumentException($"Url must be {MinUrlLength} to {MaxUrlLength} characters long; {Arguments.Quote(Url)} is {Url.Length}.", nameof(Url));
        }

        if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new OpenTokArgumentException($"Url must be an absolute http:// or https:// address; {Arguments.Quote(Url)} is not.", nameof(Url));
        }

        if (MaxDuration is { } duration && (duration < MinMaxDuration || duration > MaxMaxDuration || duration.Ticks % TimeSpan.TicksPerSecond != 0))
        {
            throw new OpenTokArgumentException($"MaxDuration must be whole seconds from 60 seconds to 10 hours; it is {duration}.", nameof(MaxDuration));
        }

        if (Resolution is { IsKnown: false } resolution)
        {
            throw new OpenTokArgumentException($"Resolution must be one of {string.Join(", ", Refit.Resolution.Known)}; {Arguments.Quote(resolution.Value)} is not.", nameof(Resolution));
        }

        Properties?.Validate();
    }
}

/// <summary>Settings of the stream an Experience Composer publishes into the session.</summary>
[GenerateBuilder]
public sealed partial record RenderProperties
{
    /// <summary>The longest <see cref="Name"/> the service accepts, in characters.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The name of the published stream, at most 200 characters, as clients see it. Default none.</summary>
    public string? Name { get; init; }

    /// <summary>Checks the name is at most 200 characters.</summary>
    /// <exception cref="OpenTokArgumentException">It is longer.</exception>
    public void Validate()
    {
        if (Name is { Length: > MaxNameLength })
        {
            throw new OpenTokArgumentException($"Properties.Name must be at most {MaxNameLength} characters; {Arguments.Quote(Name)} is {Name.Length}.", "Properties.Name");
        }
    }
}

/// <summary>The body of <c>POST /v2/project/{apiKey}/render</c>: the session and token plus <see cref="RenderOptions"/> in the wire's shape.</summary>
internal sealed record StartRenderRequest
{
    public string SessionId { get => field ?? ""; init; }

    public string Token { get => field ?? ""; init; }

    public string Url { get => field ?? ""; init; }

    public int? MaxDuration { get; init; }

    public Resolution? Resolution { get; init; }

    public RenderProperties? Properties { get; init; }

    public static StartRenderRequest From(string sessionId, string token, RenderOptions options) => new()
    {
        SessionId = sessionId,
        Token = token,
        Url = options.Url,
        MaxDuration = options.MaxDuration is { } duration ? (int)duration.TotalSeconds : null,
        Resolution = options.Resolution,
        Properties = options.Properties,
    };
}
