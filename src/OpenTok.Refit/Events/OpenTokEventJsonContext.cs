using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenTok.Refit;

/// <summary>
/// The source-generated JSON metadata of the callback events (the REST wire types live in
/// <see cref="OpenTokJsonContext"/>): camelCase, case-insensitive names, unknown fields ignored. No reflection.
/// </summary>
/// <remarks>
/// Like <see cref="OpenTokJsonContext"/>, it lists the converter of every extensible enum the events use: this
/// context's generator cannot see the <c>[JsonConverter]</c> the extensible-enum generator writes.
/// </remarks>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = false,
    Converters =
    [
        typeof(ExtensibleEnumConverter<ArchiveStatus>),
        typeof(ExtensibleEnumConverter<OutputMode>),
        typeof(ExtensibleEnumConverter<Resolution>),
        typeof(ExtensibleEnumConverter<StreamMode>),
        typeof(ExtensibleEnumConverter<BroadcastStatus>),
        typeof(ExtensibleEnumConverter<HlsStatus>),
        typeof(ExtensibleEnumConverter<RtmpStatus>),
        typeof(ExtensibleEnumConverter<OpenTokEventKind>),
        typeof(ExtensibleEnumConverter<DestroyedReason>),
        typeof(ExtensibleEnumConverter<VideoType>),
        typeof(ExtensibleEnumConverter<RenderStatus>),
        typeof(ExtensibleEnumConverter<SipCallState>),
        typeof(ExtensibleEnumConverter<CaptionsStatus>),
    ])]
[JsonSerializable(typeof(ConnectionEvent))]
[JsonSerializable(typeof(StreamEvent))]
[JsonSerializable(typeof(SessionEvent))]
[JsonSerializable(typeof(ArchiveStatusEvent))]
[JsonSerializable(typeof(BroadcastStatusEvent))]
[JsonSerializable(typeof(SipCallEvent))]
[JsonSerializable(typeof(RenderStatusEvent))]
[JsonSerializable(typeof(CaptionsStatusEvent))]
[JsonSerializable(typeof(UnknownEvent))]
internal sealed partial class OpenTokEventJsonContext : JsonSerializerContext;
