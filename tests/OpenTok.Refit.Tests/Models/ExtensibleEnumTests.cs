using System.Text.Json;

namespace OpenTok.Refit.Tests.Models;

/// <summary>
/// The generated extensible enums of the SDK: values the server adds later survive JSON, <c>default</c> is the empty
/// value, and the known values keep their wire values and their declaration order.
/// </summary>
public sealed class ExtensibleEnumTests
{
    [Fact]
    public void Unknown_values_round_trip_through_the_JSON_context()
    {
        var archive = JsonSerializer.Deserialize(
            """{"status":"teleported","outputMode":"holographic","streamMode":"psychic","resolution":"7680x4320"}""", OpenTokJsonContext.Default.Archive)!;

        Assert.Equal(new ArchiveStatus("teleported"), archive.Status);
        Assert.False(archive.Status.IsKnown);
        Assert.Equal("holographic", archive.OutputMode.Value);
        Assert.Equal("psychic", archive.StreamMode.Value);
        Assert.Equal("7680x4320", archive.Resolution?.Value);

        using var written = JsonDocument.Parse(JsonSerializer.Serialize(archive, OpenTokJsonContext.Default.Archive));
        Assert.Equal("teleported", written.RootElement.GetProperty("status").GetString());
        Assert.Equal("holographic", written.RootElement.GetProperty("outputMode").GetString());
        Assert.Equal("psychic", written.RootElement.GetProperty("streamMode").GetString());
        Assert.Equal("7680x4320", written.RootElement.GetProperty("resolution").GetString());
    }

    [Fact]
    public void Known_values_read_as_the_static_members_and_write_their_wire_values()
    {
        var layout = JsonSerializer.Deserialize("""{"type":"bestFit","screenshareType":"horizontalPresentation"}""", OpenTokJsonContext.Default.Layout)!;

        Assert.Equal(LayoutType.BestFit, layout.Type);
        Assert.Equal(LayoutType.HorizontalPresentation, layout.ScreenshareType);
        Assert.Equal(
            """{"type":"bestFit","screenshareType":"horizontalPresentation"}""",
            JsonSerializer.Serialize(layout, OpenTokJsonContext.Default.Layout));
    }

    [Fact]
    public void A_value_that_is_not_a_JSON_string_is_a_JsonException()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"status":3}""", OpenTokJsonContext.Default.Archive));

        Assert.Contains("Expected a string for ArchiveStatus, found Number.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_JSON_context_has_a_converter_for_every_extensible_enum()
    {
        // The context's source generator cannot see the generated [JsonConverter], so the context lists the converters itself.
        var extensibleEnums = typeof(ArchiveStatus).Assembly.GetExportedTypes()
            .Where(type => type.IsDefined(typeof(ExtensibleEnumAttribute), inherit: false))
            .Select(type => type.Name)
            .Order();
        var converted = OpenTokJsonContext.Default.Options.Converters
            .Select(converter => converter.GetType())
            .Where(type => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ExtensibleEnumConverter<>))
            .Select(type => type.GetGenericArguments()[0].Name)
            .Order();

        string[] expected =
        [
            "ArchiveStatus", "BroadcastStatus", "HlsStatus", "LayoutType", "OutputMode", "Resolution", "RtmpStatus", "StreamMode",
            "ConnectionState", "VideoType",
            "CallbackEvent", "CallbackGroup", "ProjectStatus", "RenderStatus",
            "AudioEncoding", "AudioTransportType",
            // Callback events (Events/).
            "CaptionsStatus", "DestroyedReason", "OpenTokEventKind", "SipCallState",
        ];
        Assert.Equal(expected.Order(), extensibleEnums);
        Assert.Equal(extensibleEnums, converted);
    }

    [Fact]
    public void Default_is_the_empty_value_and_equals_it()
    {
        AssertDefaultIsTheEmptyValue<ArchiveStatus>();
        AssertDefaultIsTheEmptyValue<LayoutType>();
        AssertDefaultIsTheEmptyValue<OutputMode>();
        AssertDefaultIsTheEmptyValue<Resolution>();
        AssertDefaultIsTheEmptyValue<StreamMode>();

        Assert.True(default(ArchiveStatus) == new ArchiveStatus(""));
        Assert.True(default(LayoutType) == new LayoutType(""));
        Assert.True(default(OutputMode) == new OutputMode(""));
        Assert.True(default(Resolution) == new Resolution(""));
        Assert.True(default(StreamMode) == new StreamMode(""));
        Assert.False(default(ArchiveStatus).IsKnown);
        Assert.False(default(Resolution) != new Resolution(""));
    }

    [Fact]
    public void Known_lists_every_value_in_declaration_order()
    {
        Assert.Equal(["available", "expired", "failed", "paused", "started", "stopped", "uploaded", "deleted"], ArchiveStatus.Known.Select(v => v.Value));
        Assert.Equal(["bestFit", "custom", "horizontalPresentation", "pip", "verticalPresentation"], LayoutType.Known.Select(v => v.Value));
        Assert.Equal(["composed", "individual"], OutputMode.Known.Select(v => v.Value));
        Assert.Equal(["640x480", "480x640", "1280x720", "720x1280", "1920x1080", "1080x1920"], Resolution.Known.Select(v => v.Value));
        Assert.Equal(["auto", "manual"], StreamMode.Known.Select(v => v.Value));

        Assert.Equal(
            [ArchiveStatus.Available, ArchiveStatus.Expired, ArchiveStatus.Failed, ArchiveStatus.Paused, ArchiveStatus.Started, ArchiveStatus.Stopped, ArchiveStatus.Uploaded, ArchiveStatus.Deleted],
            ArchiveStatus.Known);
        Assert.Equal([Resolution.Sd, Resolution.SdPortrait, Resolution.Hd, Resolution.HdPortrait, Resolution.FullHd, Resolution.FullHdPortrait], Resolution.Known);
    }

    [Fact]
    public void IsKnown_is_true_for_exactly_the_known_wire_values_compared_case_sensitively()
    {
        Assert.All(ArchiveStatus.Known, status => Assert.True(status.IsKnown));
        Assert.All(LayoutType.Known, type => Assert.True(type.IsKnown));
        Assert.True(new ArchiveStatus("available").IsKnown);
        Assert.True(LayoutType.FromValue("verticalPresentation").IsKnown);

        Assert.False(new ArchiveStatus("Available").IsKnown);
        Assert.False(new LayoutType("bestfit").IsKnown);
        Assert.False(new StreamMode(" auto").IsKnown);
        Assert.NotEqual(ArchiveStatus.Available, new ArchiveStatus("AVAILABLE"));
    }

    [Fact]
    public void A_value_from_a_known_wire_value_is_the_known_value()
    {
        var paused = ArchiveStatus.FromValue("paused");

        Assert.Equal(ArchiveStatus.Paused, paused);
        Assert.True(paused == ArchiveStatus.Paused);
        Assert.Equal(ArchiveStatus.Paused.GetHashCode(), paused.GetHashCode());
        Assert.Contains(paused, new HashSet<ArchiveStatus>(ArchiveStatus.Known));
        Assert.Equal(OutputMode.Individual, new OutputMode("individual"));
    }

    [Fact]
    public void ToString_is_the_wire_value()
    {
        Assert.Equal("1920x1080", Resolution.FullHd.ToString());
        Assert.Equal("horizontalPresentation", $"{LayoutType.HorizontalPresentation}");
        Assert.Equal("manual", StreamMode.Manual.ToString());
        Assert.Equal("teleported", new ArchiveStatus("teleported").ToString());
        Assert.Equal("", default(OutputMode).ToString());
    }

    [Fact]
    public void A_null_wire_value_is_rejected()
    {
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => new ArchiveStatus(null!)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => Resolution.FromValue(null!)).ParamName);
    }

    private static void AssertDefaultIsTheEmptyValue<T>()
        where T : struct, IExtensibleEnum<T>
    {
        Assert.Equal("", default(T).Value);
        Assert.Equal("", default(T).ToString());
        Assert.Equal(T.FromValue(""), default(T));
        Assert.True(default(T).Equals(T.FromValue("")));
        Assert.Equal(T.FromValue("").GetHashCode(), default(T).GetHashCode());
    }
}
