using System.Text;
using System.Text.Json.Serialization;

namespace OpenTok.Refit;

/// <summary>
/// Where and how the Audio Connector sends a session's audio: a WebSocket server, which streams, headers for the
/// server, the sample rate, whether audio also flows back, and how audio is framed on the socket. Every rule is
/// checked by <see cref="Validate"/> before the request is sent.
/// </summary>
[GenerateBuilder]
public sealed partial record WebSocketOptions
{
    /// <summary>The most bytes the headers may take, names and values together in UTF-8.</summary>
    public const int MaxHeadersBytes = 512;

    /// <summary>The WebSocket server, <c>ws://…</c> or <c>wss://…</c>, reachable from the internet. Required.</summary>
    public string Uri { get => field ?? ""; init; }

    /// <summary>Only these streams' audio is sent. Default none: every stream of the session.</summary>
    public IReadOnlyList<string> Streams { get; init; } = [];

    /// <summary>Headers sent to the WebSocket server, at most 512 bytes in all. Default none.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>The audio sample rate. Default: the server's (8000 Hz).</summary>
    public AudioRate? AudioRate { get; init; }

    /// <summary>Whether the server may send audio back into the session. Default <see langword="false"/>; always sent.</summary>
    public bool Bidirectional { get; init; }

    /// <summary>How audio is framed on the socket. Default: the server's (raw 16-bit PCM binary frames).</summary>
    public AudioTransport? AudioTransport { get; init; }

    /// <summary>
    /// Checks every rule known before sending: a <c>ws://</c> or <c>wss://</c> address; non-empty stream ids;
    /// headers of at most 512 bytes without control characters; a sample rate of 8000, 16000 or 24000 Hz; the
    /// audio transport's own rules.
    /// </summary>
    /// <exception cref="OpenTokArgumentException">A rule is broken; the message says which and names the property.</exception>
    public void Validate()
    {
        if (!System.Uri.TryCreate(Uri, UriKind.Absolute, out var uri) || (uri.Scheme != "ws" && uri.Scheme != "wss") || Uri.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new OpenTokArgumentException($"Uri must be a ws:// or wss:// address; {Arguments.Quote(Uri)} is not.", nameof(Uri));
        }

        if (Streams is null || Streams.Any(string.IsNullOrWhiteSpace))
        {
            throw new OpenTokArgumentException("Streams must not be null or hold null or empty stream ids.", nameof(Streams));
        }

        if (Headers is null)
        {
            throw new OpenTokArgumentException("Headers must not be null; leave it empty for no headers.", nameof(Headers));
        }

        var bytes = 0;
        foreach (var (name, value) in Headers)
        {
            if (name.Length == 0 || value is null || name.Any(char.IsControl) || value.Any(char.IsControl))
            {
                throw new OpenTokArgumentException($"Headers must have non-empty names and values set, without control characters; {Arguments.Quote(name)} does not.", nameof(Headers));
            }

            bytes += Encoding.UTF8.GetByteCount(name) + Encoding.UTF8.GetByteCount(value);
        }

        if (bytes > MaxHeadersBytes)
        {
            throw new OpenTokArgumentException($"Headers may take at most {MaxHeadersBytes} bytes (names and values in UTF-8); they take {bytes}.", nameof(Headers));
        }

        if (AudioRate is { } rate && rate is not (Refit.AudioRate.Hz8000 or Refit.AudioRate.Hz16000 or Refit.AudioRate.Hz24000))
        {
            throw new OpenTokArgumentException($"AudioRate must be 8000, 16000 or 24000 Hz; {(int)rate} is not.", nameof(AudioRate));
        }

        AudioTransport?.Validate();
    }
}

/// <summary>The audio sample rates the Audio Connector offers. On the wire, the number of hertz.</summary>
public enum AudioRate
{
    /// <summary>8000 Hz (narrowband, the server's default). Wire value <c>8000</c>.</summary>
    Hz8000 = 8000,

    /// <summary>16000 Hz (wideband). Wire value <c>16000</c>.</summary>
    Hz16000 = 16000,

    /// <summary>24000 Hz. Wire value <c>24000</c>.</summary>
    Hz24000 = 24000,
}

/// <summary>
/// How the Audio Connector frames audio on the WebSocket: raw binary PCM (the default) or JSON messages carrying
/// base64 audio, with field names of your choosing and fixed fields added to each message. Its members are
/// snake_case on the wire (<c>audio_field</c>, …), unlike the rest of the API.
/// </summary>
[GenerateBuilder]
public sealed partial record AudioTransport
{
    /// <summary>Binary frames or JSON messages. Default <see cref="AudioTransportType.Binary"/>.</summary>
    [JsonPropertyName("transport")]
    public AudioTransportType Transport { get; init; } = AudioTransportType.Binary;

    /// <summary>How audio is encoded inside JSON messages; required with <see cref="AudioTransportType.Json"/> (<see cref="AudioEncoding.Base64"/>).</summary>
    [JsonPropertyName("encoding")]
    public AudioEncoding? Encoding { get; init; }

    /// <summary>The JSON field holding the audio sent to your server. Default: the server's (<c>audio</c>). JSON transport only.</summary>
    [JsonPropertyName("audio_field")]
    public string? AudioField { get; init; }

    /// <summary>
    /// The JSON field holding the audio your server sends back, when <see cref="WebSocketOptions.Bidirectional"/>.
    /// Default: the same as <see cref="AudioField"/>. JSON transport only.
    /// </summary>
    [JsonPropertyName("receive_audio_field")]
    public string? ReceiveAudioField { get; init; }

    /// <summary>Fixed fields added to every JSON message sent to your server. Default none. JSON transport only.</summary>
    [JsonPropertyName("static_fields")]
    public IReadOnlyDictionary<string, string>? StaticFields { get; init; }

    /// <summary>
    /// Checks the transport and encoding are known, that JSON transport has an encoding, and that the field names
    /// are not empty.
    /// </summary>
    /// <exception cref="OpenTokArgumentException">A rule is broken; the message names the property.</exception>
    public void Validate()
    {
        if (!Transport.IsKnown)
        {
            throw new OpenTokArgumentException($"AudioTransport.Transport must be binary or json; {Arguments.Quote(Transport.Value)} is not.", "AudioTransport.Transport");
        }

        if (Encoding is { IsKnown: false } encoding)
        {
            throw new OpenTokArgumentException($"AudioTransport.Encoding must be base64; {Arguments.Quote(encoding.Value)} is not.", "AudioTransport.Encoding");
        }

        if (Transport == AudioTransportType.Json && Encoding is null)
        {
            throw new OpenTokArgumentException("AudioTransport.Encoding is required with JSON transport; set AudioEncoding.Base64.", "AudioTransport.Encoding");
        }

        if (AudioField is { } audioField && string.IsNullOrWhiteSpace(audioField))
        {
            throw new OpenTokArgumentException("AudioTransport.AudioField must not be empty; leave it null for the server's default.", "AudioTransport.AudioField");
        }

        if (ReceiveAudioField is { } receiveField && string.IsNullOrWhiteSpace(receiveField))
        {
            throw new OpenTokArgumentException("AudioTransport.ReceiveAudioField must not be empty; leave it null for the server's default.", "AudioTransport.ReceiveAudioField");
        }

        if (StaticFields is not null && StaticFields.Any(field => string.IsNullOrEmpty(field.Key) || field.Value is null))
        {
            throw new OpenTokArgumentException("AudioTransport.StaticFields must have non-empty names and values set.", "AudioTransport.StaticFields");
        }
    }
}

/// <summary>How audio is framed on an Audio Connector's WebSocket. Extensible: values the SDK does not know yet are kept as they are.</summary>
[ExtensibleEnum]
public readonly partial record struct AudioTransportType
{
    /// <summary>Raw 16-bit PCM in binary frames (the server's default). Wire value <c>binary</c>.</summary>
    [WireValue("binary")] public static partial AudioTransportType Binary { get; }

    /// <summary>JSON text messages with the audio encoded in a field. Wire value <c>json</c>.</summary>
    [WireValue("json")] public static partial AudioTransportType Json { get; }
}

/// <summary>How audio is encoded inside JSON messages on an Audio Connector's WebSocket. Extensible: values the SDK does not know yet are kept as they are.</summary>
[ExtensibleEnum]
public readonly partial record struct AudioEncoding
{
    /// <summary>Base64 text of the PCM audio. Wire value <c>base64</c>.</summary>
    [WireValue("base64")] public static partial AudioEncoding Base64 { get; }
}

/// <summary>The body of <c>POST /v2/project/{apiKey}/connect</c>: the session, the connector's token and, under <c>websocket</c>, the <see cref="WebSocketOptions"/>.</summary>
internal sealed record AudioConnectRequest
{
    public string SessionId { get => field ?? ""; init; }

    public string Token { get => field ?? ""; init; }

    public AudioConnectWebSocket Websocket { get => field ?? new(); init; }

    public static AudioConnectRequest From(string sessionId, string token, WebSocketOptions options) => new()
    {
        SessionId = sessionId,
        Token = token,
        Websocket = new AudioConnectWebSocket
        {
            Uri = options.Uri,
            Streams = options.Streams.Count == 0 ? null : options.Streams,
            Headers = options.Headers.Count == 0 ? null : options.Headers,
            AudioRate = options.AudioRate,
            Bidirectional = options.Bidirectional,
            AudioTransport = options.AudioTransport,
        },
    };
}

/// <summary>The <c>websocket</c> object of a connect request: <see cref="WebSocketOptions"/> with empty collections left out.</summary>
internal sealed record AudioConnectWebSocket
{
    public string Uri { get => field ?? ""; init; }

    public IReadOnlyList<string>? Streams { get; init; }

    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    public AudioRate? AudioRate { get; init; }

    public bool Bidirectional { get; init; }

    public AudioTransport? AudioTransport { get; init; }
}
