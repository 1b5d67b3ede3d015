namespace OpenTok.Refit.Api;

/// <summary>
/// Every REST path, written out whole so that grepping a path finds it. The Refit interfaces declare their
/// endpoints with these constants and the emulator maps its routes with them, so the two cannot drift apart.
/// Refit and ASP.NET Core read the same <c>{name}</c> placeholder syntax.
/// </summary>
internal static class ApiRoutes
{
    /// <summary><c>POST</c>: creates a session (a form body). Not under <c>/v2/project</c>, in either credential mode.</summary>
    public const string SessionCreate = "/session/create";

    /// <summary><c>POST</c> starts an archive; <c>GET</c> lists them.</summary>
    public const string Archives = "/v2/project/{apiKey}/archive";

    /// <summary><c>GET</c> reads one archive; <c>DELETE</c> deletes it.</summary>
    public const string Archive = "/v2/project/{apiKey}/archive/{archiveId}";

    /// <summary><c>POST</c>: stops recording.</summary>
    public const string ArchiveStop = "/v2/project/{apiKey}/archive/{archiveId}/stop";

    /// <summary><c>PUT</c>: changes a composed archive's layout.</summary>
    public const string ArchiveLayout = "/v2/project/{apiKey}/archive/{archiveId}/layout";

    /// <summary><c>PATCH</c>: adds or removes a stream of a manual-mode archive.</summary>
    public const string ArchiveStreams = "/v2/project/{apiKey}/archive/{archiveId}/streams";

    /// <summary><c>PUT</c> sets where archives are uploaded; <c>DELETE</c> stops uploading.</summary>
    public const string ArchiveStorage = "/v2/project/{apiKey}/archive/storage";

    /// <summary><c>POST</c> starts a broadcast; <c>GET</c> lists them.</summary>
    public const string Broadcasts = "/v2/project/{apiKey}/broadcast";

    /// <summary><c>GET</c>: reads one broadcast.</summary>
    public const string Broadcast = "/v2/project/{apiKey}/broadcast/{broadcastId}";

    /// <summary><c>POST</c>: stops a broadcast.</summary>
    public const string BroadcastStop = "/v2/project/{apiKey}/broadcast/{broadcastId}/stop";

    /// <summary><c>PUT</c> (every SDK; the OpenAPI spec says POST): changes a broadcast's layout.</summary>
    public const string BroadcastLayout = "/v2/project/{apiKey}/broadcast/{broadcastId}/layout";

    /// <summary><c>PATCH</c>: adds or removes a stream of a manual-mode broadcast.</summary>
    public const string BroadcastStreams = "/v2/project/{apiKey}/broadcast/{broadcastId}/streams";

    /// <summary><c>POST</c>: sends a signal to every client connected to a session (204).</summary>
    public const string SessionSignal = "/v2/project/{apiKey}/session/{sessionId}/signal";

    /// <summary><c>GET</c>: lists a session's connections, with their states.</summary>
    public const string Connections = "/v2/project/{apiKey}/session/{sessionId}/connection";

    /// <summary><c>DELETE</c>: forces a client to disconnect from a session (204).</summary>
    public const string Connection = "/v2/project/{apiKey}/session/{sessionId}/connection/{connectionId}";

    /// <summary><c>POST</c>: sends a signal to one connection (204).</summary>
    public const string ConnectionSignal = "/v2/project/{apiKey}/session/{sessionId}/connection/{connectionId}/signal";

    /// <summary><c>GET</c> lists a session's streams; <c>PUT</c> sets the layout class lists of several streams at once.</summary>
    public const string Streams = "/v2/project/{apiKey}/session/{sessionId}/stream";

    /// <summary><c>GET</c>: reads one stream.</summary>
    public const string Stream = "/v2/project/{apiKey}/session/{sessionId}/stream/{streamId}";

    /// <summary><c>POST</c>, no body: forces one stream's audio off.</summary>
    public const string StreamMute = "/v2/project/{apiKey}/session/{sessionId}/stream/{streamId}/mute";

    /// <summary><c>POST</c>: forces every stream's audio off but the excluded ones (<c>active: true</c>), or ends that state (<c>active: false</c>).</summary>
    public const string SessionMute = "/v2/project/{apiKey}/session/{sessionId}/mute";
    // Experience Composer, the legacy callbacks and project management.

    /// <summary><c>POST</c> starts an Experience Composer (answered 202); <c>GET</c> lists them.</summary>
    public const string Renders = "/v2/project/{apiKey}/render";

    /// <summary><c>GET</c> reads one Experience Composer; <c>DELETE</c> stops it.</summary>
    public const string Render = "/v2/project/{apiKey}/render/{renderId}";

    /// <summary><c>POST</c> registers a legacy callback; <c>GET</c> lists them (a bare array). OpenTok projects only.</summary>
    public const string Callbacks = "/v2/project/{apiKey}/callback";

    /// <summary><c>DELETE</c>: unregisters a legacy callback.</summary>
    public const string Callback = "/v2/project/{apiKey}/callback/{callbackId}";

    /// <summary><c>POST</c> creates a project of the account; <c>GET</c> lists them (a bare array). Signed as the account.</summary>
    public const string Projects = "/v2/project";

    /// <summary><c>GET</c> reads a project of the account; <c>PUT</c> changes its status; <c>DELETE</c> deletes it. Signed as the account.</summary>
    public const string Project = "/v2/project/{projectApiKey}";

    /// <summary><c>POST</c>: gives a project of the account a new secret. Signed as the account.</summary>
    public const string ProjectRefreshSecret = "/v2/project/{projectApiKey}/refreshSecret";

    // Media connectors (SIP, Audio Connector) and live captions.

    /// <summary><c>POST</c>: dials a SIP endpoint into a session.</summary>
    public const string SipDial = "/v2/project/{apiKey}/dial";

    /// <summary><c>POST</c>: plays DTMF tones to every SIP participant of a session.</summary>
    public const string SessionPlayDtmf = "/v2/project/{apiKey}/session/{sessionId}/play-dtmf";

    /// <summary><c>POST</c>: plays DTMF tones to one SIP participant.</summary>
    public const string ConnectionPlayDtmf = "/v2/project/{apiKey}/session/{sessionId}/connection/{connectionId}/play-dtmf";

    /// <summary><c>POST</c>: connects a session's audio to a WebSocket server (Audio Connector).</summary>
    public const string AudioConnect = "/v2/project/{apiKey}/connect";

    /// <summary><c>POST</c>: starts live captions of a session.</summary>
    public const string Captions = "/v2/project/{apiKey}/captions";

    /// <summary><c>POST</c> (not DELETE, whatever the .NET SDK does): stops live captions.</summary>
    public const string CaptionsStop = "/v2/project/{apiKey}/captions/{captionsId}/stop";
}
