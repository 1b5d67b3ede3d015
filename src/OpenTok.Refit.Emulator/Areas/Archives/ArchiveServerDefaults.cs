using System.Text.Json;
using OpenTok.Refit.Emulator.Pipeline;

namespace OpenTok.Refit.Emulator.Areas.Archives;

/// <summary>
/// The service's defaults for fields a request left out. The source-generated reader sets absent init-only fields
/// to default(T) (false, ""), not to the record's initializers, so absence is read from the parsed body; the
/// defaults themselves come from the SDK's <see cref="ArchiveOptions"/> and <see cref="Layout"/>, where they are
/// stated once.
/// </summary>
internal static class ArchiveServerDefaults
{
    /// <summary>A start request with the defaults filled in: audio and video on, composed, automatic streams, a best-fit layout.</summary>
    public static StartArchiveRequest WithServerDefaults(this StartArchiveRequest request, JsonElement body)
    {
        var defaults = new ArchiveOptions();
        return request with
        {
            HasAudio = body.HasField("hasAudio") ? request.HasAudio : defaults.HasAudio,
            HasVideo = body.HasField("hasVideo") ? request.HasVideo : defaults.HasVideo,
            OutputMode = body.HasField("outputMode") ? request.OutputMode : defaults.OutputMode,
            StreamMode = body.HasField("streamMode") ? request.StreamMode : defaults.StreamMode,
            Layout = request.Layout is { } layout && body.TryGetField("layout", out var layoutBody) ? layout.WithServerDefaults(layoutBody) : request.Layout,
        };
    }

    /// <summary>A layout with the default type when the body gave none.</summary>
    public static Layout WithServerDefaults(this Layout layout, JsonElement body) =>
        body.HasField("type") ? layout : layout with { Type = new Layout().Type };
}
