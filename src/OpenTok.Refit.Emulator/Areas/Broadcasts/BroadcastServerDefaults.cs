using System.Text.Json;
using OpenTok.Refit.Emulator.Areas.Archives;
using OpenTok.Refit.Emulator.Pipeline;

namespace OpenTok.Refit.Emulator.Areas.Broadcasts;

/// <summary>
/// The service's defaults for fields a start request left out. The source-generated reader sets absent init-only
/// fields to default(T), not to the record's initializers, so absence is read from the parsed body; the defaults
/// themselves come from the SDK's <see cref="BroadcastOptions"/> and <see cref="Layout"/>, where they are stated once.
/// </summary>
internal static class BroadcastServerDefaults
{
    /// <summary>A start request with the defaults filled in: audio and video on, automatic streams, a best-fit layout.</summary>
    public static StartBroadcastRequest WithServerDefaults(this StartBroadcastRequest request, JsonElement body)
    {
        var defaults = new BroadcastOptions();
        return request with
        {
            HasAudio = body.HasField("hasAudio") ? request.HasAudio : defaults.HasAudio,
            HasVideo = body.HasField("hasVideo") ? request.HasVideo : defaults.HasVideo,
            StreamMode = body.HasField("streamMode") ? request.StreamMode : defaults.StreamMode,
            Layout = request.Layout is { } layout && body.TryGetField("layout", out var layoutBody) ? layout.WithServerDefaults(layoutBody) : request.Layout,
        };
    }
}
