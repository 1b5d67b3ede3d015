using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace OpenTok.Refit;

/// <summary>How to record an archive. Every rule is checked by <see cref="Validate"/> before the request is sent.</summary>
[GenerateBuilder]
public partial record ArchiveOptions
{
    /// <summary>The lowest quantization parameter the server accepts.</summary>
    public const int MinQuantizationParameter = 15;

    /// <summary>The highest quantization parameter the server accepts.</summary>
    public const int MaxQuantizationParameter = 40;

    /// <summary>The lowest <see cref="MaxBitrate"/> the service accepts, in bits per second.</summary>
    public const int MinBitrate = 100_000;

    /// <summary>The highest <see cref="MaxBitrate"/> the service accepts, in bits per second.</summary>
    public const int MaxBitrateLimit = 6_000_000;

    /// <summary>A name for the archive, to tell archives apart. Default none.</summary>
    public string? Name { get; init; }

    /// <summary>Whether to record audio. Default <see langword="true"/>; not both this and <see cref="HasVideo"/> may be false.</summary>
    public bool HasAudio { get; init; } = true;

    /// <summary>Whether to record video. Default <see langword="true"/>.</summary>
    public bool HasVideo { get; init; } = true;

    /// <summary>One composed file, or one file per stream. Default <see cref="OutputMode.Composed"/>.</summary>
    public OutputMode OutputMode { get; init; } = OutputMode.Composed;

    /// <summary>The resolution of a composed archive. Default: the server's (640x480). Not allowed with individual output.</summary>
    public Resolution? Resolution { get; init; }

    /// <summary>The layout of a composed archive. Default: the server's (best fit). Not allowed with individual output.</summary>
    public Layout? Layout { get; init; }

    /// <summary>Whether streams are included automatically or by explicit calls. Default <see cref="StreamMode.Auto"/>.</summary>
    public StreamMode StreamMode { get; init; } = StreamMode.Auto;

    /// <summary>Tells simultaneous archives of one session apart; needed to start a second one. Default none.</summary>
    public string? MultiArchiveTag { get; init; }

    /// <summary>
    /// A cap on the video bit rate of a composed archive (audio is not counted), 100 000 to 6 000 000 bits per
    /// second, to bound the file's size. Not with <see cref="QuantizationParameter"/>.
    /// </summary>
    public int? MaxBitrate { get; init; }

    /// <summary>The video quality of a composed archive as a fixed quantization parameter, 15 (best, largest) to 40. Not with <see cref="MaxBitrate"/>.</summary>
    public int? QuantizationParameter { get; init; }

    /// <summary>
    /// Whether to transcribe the archive after the call; the transcription (a JSON file) is described by
    /// <see cref="Archive.Transcription"/>. Needs audio; the service documents transcription for individual
    /// archives (<see cref="OutputMode.Individual"/>).
    /// </summary>
    public bool? HasTranscription { get; init; }

    /// <summary>How to transcribe; only with <see cref="HasTranscription"/>.</summary>
    public TranscriptionProperties? TranscriptionProperties { get; init; }

    /// <summary>
    /// Checks every rule the service applies to these options and their layout: audio or video, resolution and layout
    /// only when composed, a known resolution, a bit rate (100 000–6 000 000) or a quantization parameter (15–40) but
    /// not both and only when composed, transcription only with audio, and transcription properties only with
    /// transcription and with a well-formed language code.
    /// </summary>
    /// <exception cref="OpenTokArgumentException">A rule is broken; the message says which.</exception>
    public void Validate()
    {
        if (!HasAudio && !HasVideo)
        {
            throw new OpenTokArgumentException("HasAudio and HasVideo cannot both be false: the archive would record nothing.", nameof(HasAudio));
        }

        if (!OutputMode.IsKnown)
        {
            throw new OpenTokArgumentException($"OutputMode must be composed or individual; '{OutputMode}' is not.", nameof(OutputMode));
        }

        if (!StreamMode.IsKnown)
        {
            throw new OpenTokArgumentException($"StreamMode must be auto or manual; '{StreamMode}' is not.", nameof(StreamMode));
        }

        var individual = OutputMode == OutputMode.Individual;
        if (Resolution is { } resolution)
        {
            if (!resolution.IsKnown)
            {
                throw new OpenTokArgumentException($"Resolution must be one of {string.Join(", ", Refit.Resolution.Known)}; '{resolution}' is not.", nameof(Resolution));
            }

            if (individual)
            {
                throw new OpenTokArgumentException("Resolution applies only to composed archives; remove it or use OutputMode.Composed.", nameof(Resolution));
            }
        }

        if (Layout is not null)
        {
            if (individual)
            {
                throw new OpenTokArgumentException("Layout applies only to composed archives; remove it or use OutputMode.Composed.", nameof(Layout));
            }

            Layout.Validate();
        }

        if (MaxBitrate is not null && QuantizationParameter is not null)
        {
            throw new OpenTokArgumentException("MaxBitrate and QuantizationParameter cannot both be set; choose one.", nameof(QuantizationParameter));
        }

        if (MaxBitrate is { } bitrate)
        {
            if (individual)
            {
                throw new OpenTokArgumentException("MaxBitrate applies only to composed archives; remove it or use OutputMode.Composed.", nameof(MaxBitrate));
            }

            if (bitrate < MinBitrate || bitrate > MaxBitrateLimit)
            {
                throw new OpenTokArgumentException($"MaxBitrate must be from {MinBitrate} to {MaxBitrateLimit} bits per second; it is {bitrate}.", nameof(MaxBitrate));
            }
        }

        if (QuantizationParameter is { } qp)
        {
            if (individual)
            {
                throw new OpenTokArgumentException("QuantizationParameter applies only to composed archives; remove it or use OutputMode.Composed.", nameof(QuantizationParameter));
            }

            if (qp < MinQuantizationParameter || qp > MaxQuantizationParameter)
            {
                throw new OpenTokArgumentException($"QuantizationParameter must be from {MinQuantizationParameter} (best) to {MaxQuantizationParameter}; it is {qp}.", nameof(QuantizationParameter));
            }
        }

        if (HasTranscription == true && !HasAudio)
        {
            throw new OpenTokArgumentException("HasTranscription needs HasAudio: there is nothing to transcribe without audio.", nameof(HasTranscription));
        }

        if (TranscriptionProperties is not null && HasTranscription != true)
        {
            throw new OpenTokArgumentException("TranscriptionProperties apply only when HasTranscription is true.", nameof(TranscriptionProperties));
        }

        TranscriptionProperties?.Validate();
    }
}

/// <summary>How a post-call transcription is made. On the wire <c>transcriptionProperties</c>, members camelCase.</summary>
[GenerateBuilder]
public sealed partial record TranscriptionProperties
{
    /// <summary>The main spoken language as a BCP-47 language and region, e.g. <c>en-US</c> (the server's default).</summary>
    public string? PrimaryLanguageCode { get; init; }

    /// <summary>Whether to add an AI-generated summary to the transcription. Default: the server's (no summary).</summary>
    public bool? HasSummary { get; init; }

    /// <summary>Checks the language code has the shape of one (<c>ll-CC</c> or <c>lll-CC</c>).</summary>
    /// <exception cref="OpenTokArgumentException">It does not.</exception>
    public void Validate()
    {
        if (PrimaryLanguageCode is not null && !LanguageCodes.IsWellFormed(PrimaryLanguageCode))
        {
            throw new OpenTokArgumentException(
                $"TranscriptionProperties.PrimaryLanguageCode must be a BCP-47 language and region such as en-US; {Arguments.Quote(PrimaryLanguageCode)} is not.",
                "TranscriptionProperties.PrimaryLanguageCode");
        }
    }
}

/// <summary>The body of <c>POST /v2/project/{apiKey}/archive</c>: the session plus <see cref="ArchiveOptions"/>.</summary>
internal sealed record StartArchiveRequest : ArchiveOptions
{
    /// <summary>Creates an empty request; set <see cref="SessionId"/>.</summary>
    public StartArchiveRequest()
    {
    }

    /// <summary>Creates the request for a session with the given options.</summary>
    /// <param name="sessionId">The session to record.</param>
    /// <param name="options">How to record it.</param>
    [SetsRequiredMembers]
    public StartArchiveRequest(string sessionId, ArchiveOptions options)
        : base(options ?? throw new ArgumentNullException(nameof(options))) => SessionId = sessionId;

    /// <summary>The session to record; it must be routed and have connected clients.</summary>
    [JsonPropertyOrder(-1)]
    public required string SessionId { get; init; }
}
