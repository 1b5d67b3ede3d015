using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenTok.Refit;

/// <summary>
/// The source-generated JSON metadata of every wire type: camelCase names, nulls left out of requests, unknown
/// fields ignored. No reflection at run time.
/// </summary>
/// <remarks>
/// The extensible enums' converters are listed here although each struct carries its own <c>[JsonConverter]</c>:
/// that attribute is generated, and a source generator (this context's) does not see another's output. Other
/// assemblies read the attribute from metadata and need nothing.
/// </remarks>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = false,
    Converters =
    [
        typeof(ExtensibleEnumConverter<ArchiveStatus>),
        typeof(ExtensibleEnumConverter<LayoutType>),
        typeof(ExtensibleEnumConverter<OutputMode>),
        typeof(ExtensibleEnumConverter<Resolution>),
        typeof(ExtensibleEnumConverter<StreamMode>),
        typeof(ExtensibleEnumConverter<BroadcastStatus>),
        typeof(ExtensibleEnumConverter<HlsStatus>),
        typeof(ExtensibleEnumConverter<RtmpStatus>),
        typeof(ExtensibleEnumConverter<VideoType>),
        typeof(ExtensibleEnumConverter<ConnectionState>),
        typeof(ExtensibleEnumConverter<RenderStatus>),
        typeof(ExtensibleEnumConverter<CallbackGroup>),
        typeof(ExtensibleEnumConverter<CallbackEvent>),
        typeof(ExtensibleEnumConverter<ProjectStatus>),
        typeof(ExtensibleEnumConverter<AudioTransportType>),
        typeof(ExtensibleEnumConverter<AudioEncoding>),
        // Callback events (Events/).
        typeof(ExtensibleEnumConverter<OpenTokEventKind>),
        typeof(ExtensibleEnumConverter<DestroyedReason>),
        typeof(ExtensibleEnumConverter<SipCallState>),
        typeof(ExtensibleEnumConverter<CaptionsStatus>),
    ])]
[JsonSerializable(typeof(CreatedSession[]))]
[JsonSerializable(typeof(StartArchiveRequest))]
[JsonSerializable(typeof(Archive))]
[JsonSerializable(typeof(ArchiveList))]
[JsonSerializable(typeof(Layout))]
[JsonSerializable(typeof(StreamsChange))]
[JsonSerializable(typeof(ArchiveStorage))]
[JsonSerializable(typeof(StartBroadcastRequest))]
[JsonSerializable(typeof(Broadcast))]
[JsonSerializable(typeof(BroadcastList))]
[JsonSerializable(typeof(Signal))]
[JsonSerializable(typeof(ForceMuteRequest))]
[JsonSerializable(typeof(SessionStream))]
[JsonSerializable(typeof(StreamList))]
[JsonSerializable(typeof(StreamClassListsRequest))]
[JsonSerializable(typeof(ConnectionList))]
[JsonSerializable(typeof(SipDialRequest))]
[JsonSerializable(typeof(SipCall))]
[JsonSerializable(typeof(PlayDtmfRequest))]
[JsonSerializable(typeof(AudioConnectRequest))]
[JsonSerializable(typeof(AudioConnection))]
[JsonSerializable(typeof(StartCaptionsRequest))]
[JsonSerializable(typeof(Captions))]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(StartRenderRequest))]
[JsonSerializable(typeof(Render))]
[JsonSerializable(typeof(RenderList))]
[JsonSerializable(typeof(RegisterCallbackRequest))]
[JsonSerializable(typeof(Callback))]
[JsonSerializable(typeof(Callback[]))]
[JsonSerializable(typeof(CreateProjectRequest))]
[JsonSerializable(typeof(ProjectStatusChange))]
[JsonSerializable(typeof(Project))]
[JsonSerializable(typeof(ConnectionEvent))]
[JsonSerializable(typeof(StreamEvent))]
[JsonSerializable(typeof(SessionEvent))]
[JsonSerializable(typeof(ArchiveStatusEvent))]
[JsonSerializable(typeof(BroadcastStatusEvent))]
[JsonSerializable(typeof(SipCallEvent))]
[JsonSerializable(typeof(RenderStatusEvent))]
[JsonSerializable(typeof(CaptionsStatusEvent))]
[JsonSerializable(typeof(UnknownEvent))]
[JsonSerializable(typeof(Project[]))]
internal sealed partial class OpenTokJsonContext : JsonSerializerContext;

/// <summary>The error body every endpoint answers with: <c>{ "code": 404, "message": "…" }</c>.</summary>
/// <param name="Code">The status code, repeated.</param>
/// <param name="Message">What went wrong.</param>
internal sealed record ErrorBody(int Code, string Message);
