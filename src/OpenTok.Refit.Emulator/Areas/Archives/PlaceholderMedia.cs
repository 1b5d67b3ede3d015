using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace OpenTok.Refit.Emulator.Areas.Archives;

/// <summary>
/// The small files an emulated archive's <c>url</c> serves: for a composed archive a valid MP4 (ISO BMFF) with no
/// tracks whose movie header carries the archive's duration, for an individual archive a ZIP holding the JSON
/// manifest the real service puts beside the per-stream files. Deterministic, so the archive's <c>size</c> is
/// the length of what its url serves.
/// </summary>
internal static class PlaceholderMedia
{
    public const string Mp4ContentType = "video/mp4";
    public const string ZipContentType = "application/zip";

    public static string FileName(bool individual) => individual ? "archive.zip" : "archive.mp4";

    public static string ContentType(bool individual) => individual ? ZipContentType : Mp4ContentType;

    public static byte[] Create(Guid archiveId, string sessionId, string? name, DateTimeOffset createdAt, TimeSpan duration, bool individual, IReadOnlyList<string> streamIds) =>
        individual ? Zip(archiveId, sessionId, name, createdAt, duration, streamIds) : Mp4(archiveId, duration);

    private static byte[] Mp4(Guid archiveId, TimeSpan duration)
    {
        using var stream = new MemoryStream();

        // ftyp: major brand isom, minor version 0x200, compatible isom/iso2/mp41.
        Box(stream, "ftyp", body =>
        {
            body.Write("isom"u8);
            WriteUInt32(body, 0x200);
            body.Write("isomiso2mp41"u8);
        });

        // moov/mvhd version 0: times, timescale 1000 (ms), duration, rate 1.0, volume 1.0, identity matrix, next track 1.
        Box(stream, "moov", moov => Box(moov, "mvhd", body =>
        {
            WriteUInt32(body, 0); // version and flags
            WriteUInt32(body, 0); // creation time
            WriteUInt32(body, 0); // modification time
            WriteUInt32(body, 1000);
            WriteUInt32(body, (uint)Math.Min(uint.MaxValue, (ulong)duration.TotalMilliseconds));
            WriteUInt32(body, 0x0001_0000);
            body.Write([0x01, 0x00]);
            body.Write(new byte[10]);
            foreach (var value in new uint[] { 0x0001_0000, 0, 0, 0, 0x0001_0000, 0, 0, 0, 0x4000_0000 })
            {
                WriteUInt32(body, value);
            }

            body.Write(new byte[24]);
            WriteUInt32(body, 1);
        }));

        // free: a note for whoever opens the file.
        Box(stream, "free", body => body.Write(Encoding.UTF8.GetBytes($"OpenTok emulator placeholder for archive {archiveId:D}")));
        return stream.ToArray();
    }

    private static byte[] Zip(Guid archiveId, string sessionId, string? name, DateTimeOffset createdAt, TimeSpan duration, IReadOnlyList<string> streamIds)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            // A fixed entry time keeps the bytes, and so the size, the same however often they are made.
            var entry = zip.CreateEntry(archiveId.ToString("D") + ".json", CompressionLevel.NoCompression);
            entry.LastWriteTime = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
            using var entryStream = entry.Open();
            using var json = new Utf8JsonWriter(entryStream, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteString("id", archiveId.ToString("D"));
            json.WriteString("name", name);
            json.WriteString("sessionId", sessionId);
            json.WriteNumber("createdAt", createdAt.ToUnixTimeMilliseconds());
            json.WriteNumber("duration", (long)duration.TotalSeconds);
            json.WriteStartArray("files");
            foreach (var streamId in streamIds)
            {
                json.WriteStartObject();
                json.WriteString("streamId", streamId);
                json.WriteString("filename", streamId + ".webm");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void Box(Stream output, string type, Action<Stream> writeBody)
    {
        using var body = new MemoryStream();
        writeBody(body);
        WriteUInt32(output, checked((uint)(8 + body.Length)));
        output.Write(Encoding.ASCII.GetBytes(type));
        body.Position = 0;
        body.CopyTo(output);
    }

    private static void WriteUInt32(Stream output, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        output.Write(bytes);
    }
}
