using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>
/// One HTTP/1.1 connection driven by hand. HttpClient hides what these tests look at: it retries a request on a
/// fresh connection when a reused one closes before answering, and it cannot send a body that is cut short or
/// malformed. Here every request goes on this one socket, and a connection closed instead of answered is seen as such.
/// </summary>
internal sealed class RawHttpConnection : IDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly List<byte> _received = [];

    private RawHttpConnection(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    public static async Task<RawHttpConnection> OpenAsync(Uri baseAddress)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port, Support.Ct);
        return new RawHttpConnection(tcp);
    }

    /// <summary>Sends raw bytes: a request line, headers and as much of a body as the test likes.</summary>
    public async Task SendAsync(string head, byte[]? body = null)
    {
        await _stream.WriteAsync(Encoding.ASCII.GetBytes(head), Support.Ct);
        if (body is not null)
        {
            await _stream.WriteAsync(body, Support.Ct);
        }

        await _stream.FlushAsync(Support.Ct);
    }

    /// <summary>Tells the server that nothing more will be sent, keeping the connection open to read the answer.</summary>
    public void EndSending() => _tcp.Client.Shutdown(SocketShutdown.Send);

    /// <summary>The next answer, or <see langword="null"/> when the server closed (or reset) the connection instead of answering in full.</summary>
    public async Task<RawHttpResponse?> ReadResponseAsync()
    {
        try
        {
            var headEnd = await FillUntilAsync(() => IndexOf(_received, "\r\n\r\n"u8));
            if (headEnd < 0)
            {
                return null;
            }

            var head = Encoding.ASCII.GetString([.. _received.GetRange(0, headEnd)]);
            _received.RemoveRange(0, headEnd + 4);
            var lines = head.Split("\r\n");
            var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
            var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
            byte[]? body;
            if (headers.TryGetValue("Content-Length", out var length))
            {
                body = await ReadExactlyAsync(int.Parse(length, CultureInfo.InvariantCulture));
            }
            else if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                body = await ReadChunkedAsync();
            }
            else
            {
                body = [];
            }

            return body is null ? null : new RawHttpResponse(status, headers, Encoding.UTF8.GetString(body));
        }
        catch (IOException)
        {
            return null; // reset by the server
        }
    }

    public void Dispose()
    {
        _stream.Dispose();
        _tcp.Dispose();
    }

    private async Task<byte[]?> ReadChunkedAsync()
    {
        var body = new List<byte>();
        while (true)
        {
            var lineEnd = await FillUntilAsync(() => IndexOf(_received, "\r\n"u8));
            if (lineEnd < 0)
            {
                return null;
            }

            var size = int.Parse(Encoding.ASCII.GetString([.. _received.GetRange(0, lineEnd)]).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            _received.RemoveRange(0, lineEnd + 2);
            var chunk = await ReadExactlyAsync(size + 2); // the chunk and its CRLF (after the last, empty chunk: the final CRLF)
            if (chunk is null)
            {
                return null;
            }

            if (size == 0)
            {
                return [.. body];
            }

            body.AddRange(chunk.AsSpan(0, size));
        }
    }

    private async Task<byte[]?> ReadExactlyAsync(int count)
    {
        if (await FillUntilAsync(() => _received.Count >= count ? count : -1) < 0)
        {
            return null;
        }

        var bytes = _received.GetRange(0, count).ToArray();
        _received.RemoveRange(0, count);
        return bytes;
    }

    /// <summary>Reads until <paramref name="found"/> gives a position, or the server closes (-1).</summary>
    private async Task<int> FillUntilAsync(Func<int> found)
    {
        var buffer = new byte[8192];
        while (found() is var at && at < 0)
        {
            var read = await _stream.ReadAsync(buffer, Support.Ct);
            if (read == 0)
            {
                return -1;
            }

            _received.AddRange(buffer.AsSpan(0, read));
        }

        return found();
    }

    private static int IndexOf(List<byte> bytes, ReadOnlySpan<byte> value)
    {
        for (var i = 0; i + value.Length <= bytes.Count; i++)
        {
            var match = true;
            for (var j = 0; j < value.Length && match; j++)
            {
                match = bytes[i + j] == value[j];
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>An answer read off a <see cref="RawHttpConnection"/>.</summary>
internal sealed record RawHttpResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers, string Body);
