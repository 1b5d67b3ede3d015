using System.Text.Json.Serialization;
using Refit;

namespace OpenTok.Refit;

/// <summary>The form body of <c>POST /session/create</c>, field for field.</summary>
internal sealed record CreateSessionRequest
{
    /// <summary><c>enabled</c> (relayed) or <c>disabled</c> (routed).</summary>
    [AliasAs("p2p.preference")]
    public string? P2pPreference { get; init; }

    /// <summary><c>manual</c> or <c>always</c>.</summary>
    [AliasAs("archiveMode")]
    public string? ArchiveMode { get; init; }

    /// <summary>An IPv4 location hint.</summary>
    [AliasAs("location")]
    public string? Location { get; init; }

    /// <summary>End-to-end encryption; sent only when true.</summary>
    [AliasAs("e2ee")]
    public bool? EndToEndEncryption { get; init; }

    /// <summary>The automatic archives' name.</summary>
    [AliasAs("archiveName")]
    public string? ArchiveName { get; init; }

    /// <summary>The automatic archives' resolution.</summary>
    [AliasAs("archiveResolution")]
    public string? ArchiveResolution { get; init; }
}

/// <summary>One element of the array <c>POST /session/create</c> answers with.</summary>
internal sealed record CreatedSession
{
    /// <summary>The new session's id.</summary>
    /// <remarks>Empty, never null, when the server left it out (the default sits in the getter: the JSON reader overwrites initializers).</remarks>
    [JsonPropertyName("session_id")]
    public string SessionId { get => field ?? ""; init; }

    /// <summary>The project's API key.</summary>
    [JsonPropertyName("project_id")]
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? ProjectId { get; init; }

    /// <summary>The project's API key (older name).</summary>
    [JsonPropertyName("partner_id")]
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? PartnerId { get; init; }

    /// <summary>When the session was created, as the server writes it.</summary>
    [JsonPropertyName("create_dt")]
    public string? CreateDate { get; init; }

    /// <summary>The media server's address, when given.</summary>
    [JsonPropertyName("media_server_url")]
    public string? MediaServerUrl { get; init; }
}

/// <summary>A session created by <see cref="ISessionsClient.CreateAsync"/>: its id, the options it was made with, and token signing.</summary>
public sealed class Session
{
    private readonly Func<string, TokenOptions?, string> _generateToken;

    internal Session(string sessionId, SessionOptions options, Func<string, TokenOptions?, string> generateToken)
    {
        SessionId = sessionId;
        Options = options;
        _generateToken = generateToken;
    }

    /// <summary>The session id: give it to clients, with a token, to connect.</summary>
    public string SessionId { get; }

    /// <summary>The options the session was created with.</summary>
    public SessionOptions Options { get; }

    /// <summary>The session's media mode.</summary>
    public MediaMode MediaMode => Options.MediaMode;

    /// <summary>Signs a token for this session; see <see cref="OpenTokClient.GenerateToken"/>.</summary>
    /// <param name="options">Role, expiry, data, layout classes and format; <see langword="null"/> for the defaults.</param>
    /// <returns>The token.</returns>
    public string GenerateToken(TokenOptions? options = null) => _generateToken(SessionId, options);

    /// <summary>The session id.</summary>
    /// <returns>The session id.</returns>
    public override string ToString() => SessionId;
}
