using OpenTok.Refit.Testing;
using static OpenTok.Refit.Tests.Rest.RestFixtures;

namespace OpenTok.Refit.Tests.Rest;

/// <summary>A broadcast as the service writes it reads into the model, unknown values kept; a list pages like archives.</summary>
public class BroadcastResponseTests
{
    [Fact]
    public async Task A_broadcast_reads_with_its_urls_targets_settings_and_streams()
    {
        await using var stub = await StubServer.StartAsync(_ => StubResponse.Json(BroadcastJson));
        using var client = ClientFor(stub);

        var broadcast = await client.Broadcasts.GetAsync(BroadcastId);

        Assert.Equal((BroadcastId, ExampleSessionIdOf(broadcast), "123456"), (broadcast.Id, broadcast.SessionId, broadcast.ProjectId));
        Assert.Equal(BroadcastStatus.Started, broadcast.Status);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1437676551000), broadcast.CreatedAt);
        Assert.Equal(TimeSpan.FromHours(2), broadcast.MaxDuration);
        Assert.Equal((2_000_000, Resolution.Hd), (broadcast.MaxBitrate, broadcast.Resolution));
        Assert.EndsWith("index.m3u8?DVR", broadcast.BroadcastUrls.Hls, StringComparison.Ordinal);
        Assert.Equal(HlsStatus.Live, broadcast.BroadcastUrls.HlsStatus);
        Assert.Equal(["youtube", null], broadcast.BroadcastUrls.Rtmp.Select(r => r.Id));
        Assert.Equal(RtmpStatus.Live, broadcast.BroadcastUrls.Rtmp[0].Status);
        Assert.Equal(("reconnecting", false), (broadcast.BroadcastUrls.Rtmp[1].Status.Value, broadcast.BroadcastUrls.Rtmp[1].Status.IsKnown));
        Assert.True(broadcast.Settings.Hls!.Dvr);
        Assert.Equal((StreamMode.Manual, false), (broadcast.StreamMode, broadcast.HasVideo));
        Assert.Equal(("stream-1", false), (broadcast.Streams[0].StreamId, broadcast.Streams[0].HasAudio));
    }

    [Fact]
    public async Task A_broadcast_with_fields_left_out_keeps_non_null_defaults()
    {
        await using var stub = await StubServer.StartAsync(_ => StubResponse.Json("""{"id":"b","status":"stopped"}"""));
        using var client = ClientFor(stub);

        var broadcast = await client.Broadcasts.GetAsync("b");

        Assert.Equal(BroadcastStatus.Stopped, broadcast.Status);
        Assert.Empty(broadcast.BroadcastUrls.Rtmp);
        Assert.Null(broadcast.Settings.Hls);
        Assert.Empty(broadcast.Streams);
    }

    private static string ExampleSessionIdOf(Broadcast broadcast) => broadcast.SessionId == TestCredentials.ExampleSessionId ? TestCredentials.ExampleSessionId : "wrong";
}
