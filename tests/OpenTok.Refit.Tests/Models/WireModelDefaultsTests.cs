using System.Text.Json;

namespace OpenTok.Refit.Tests.Models;

/// <summary>
/// Fields the server leaves out read as the documented defaults, not null: the source-generated JSON reader sets
/// every init-only property (to null when its field is absent), so the defaults must not live in initializers.
/// </summary>
public sealed class WireModelDefaultsTests
{
    [Fact]
    public void An_archive_without_streams_id_or_session_reads_as_empty_not_null()
    {
        var archive = JsonSerializer.Deserialize("""{"status":"started"}""", OpenTokJsonContext.Default.Archive)!;

        Assert.NotNull(archive.Streams);
        Assert.Empty(archive.Streams);
        Assert.Equal("", archive.Id);
        Assert.Equal("", archive.SessionId);
    }

    [Fact]
    public void Lists_storage_and_created_sessions_without_their_fields_read_as_empty_not_null()
    {
        Assert.Empty(JsonSerializer.Deserialize("""{"count":0}""", OpenTokJsonContext.Default.ArchiveList)!.Items);
        Assert.Equal("", JsonSerializer.Deserialize("""{"streams":[{"hasAudio":true}]}""", OpenTokJsonContext.Default.Archive)!.Streams[0].StreamId);
        var storage = JsonSerializer.Deserialize("{}", OpenTokJsonContext.Default.ArchiveStorage)!;
        Assert.Equal("", storage.Type);
        Assert.NotNull(storage.Config);
        Assert.Equal("", JsonSerializer.Deserialize("[{}]", OpenTokJsonContext.Default.CreatedSessionArray)![0].SessionId);
    }
}
