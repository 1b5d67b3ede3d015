using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace OpenTok.Refit.Benchmarks;

/// <summary>
/// Parsing a callback event (finding its kind, reading the record, keeping the raw JSON) against the floor: the
/// source-generated deserializer reading the same bytes straight into the record, with the kind known in advance.
/// </summary>
[MemoryDiagnoser]
public class EventBenchmarks
{
    private static readonly byte[] ArchiveJson = Encoding.UTF8.GetBytes("""
        {"id":"b40ef09b-3811-4726-b508-e41a0f96c68f","event":"archive","createdAt":1384221380000,"duration":328,"name":"Foo",
         "partnerId":123456,"reason":"","resolution":"640x480","sessionId":"2_MX40NzIwMzJ-flR1ZSBPY3QgMjkgMTI6MTM6MjMgUERUIDIwMTN-MC45NDQ2MzE2NH4",
         "size":18023312,"status":"available","url":"https://tokbox.com.archive2.s3.amazonaws.com/123456/b40ef09b-3811-4726-b508-e41a0f96c68f/archive.mp4"}
        """);

    private static readonly byte[] ConnectionJson = Encoding.UTF8.GetBytes("""
        {"sessionId":"2_MX4xMzExMjU3MX5-MTQ3MDI1NzY3OTkxOH45QXRr","projectId":"123456","event":"connectionCreated",
         "timestamp":1470257688309,"connection":{"id":"c053fcc8-c681-41d5-8ec2-7a9e1434a21e","createdAt":1470257688143,"data":"TOKENDATA"}}
        """);

    /// <summary>The floor: the record read directly, its kind known.</summary>
    [Benchmark(Baseline = true)]
    public ArchiveStatusEvent? ArchiveDeserializeDirectly() => JsonSerializer.Deserialize(ArchiveJson, OpenTokJsonContext.Default.ArchiveStatusEvent);

    /// <summary>What a callback endpoint does: <see cref="OpenTokEvent.Parse(ReadOnlySpan{byte})"/>.</summary>
    [Benchmark]
    public OpenTokEvent ArchiveParse() => OpenTokEvent.Parse(ArchiveJson);

    /// <summary>A session-monitoring event through the parser.</summary>
    [Benchmark]
    public OpenTokEvent ConnectionParse() => OpenTokEvent.Parse(ConnectionJson);
}
