using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace OpenTok.Refit.Tokens;

/// <summary>
/// Appends token text as UTF-8 bytes into a caller-provided span, so that a whole token is assembled
/// without intermediate strings. The caller sizes the span with the <c>Max…</c> bounds below.
/// </summary>
internal ref struct TokenWriter
{
    /// <summary>Worst case bytes per UTF-16 char inside a JSON string: a control char becomes <c>\u00XX</c>.</summary>
    public const int MaxJsonBytesPerChar = 6;

    /// <summary>Worst case bytes per UTF-16 char when form-URL-encoded: three UTF-8 bytes, each <c>%XX</c>.</summary>
    public const int MaxFormBytesPerChar = 9;

    private readonly Span<byte> _buffer;

    public TokenWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        Length = 0;
    }

    public int Length { get; private set; }

    public readonly ReadOnlySpan<byte> Written => _buffer[..Length];

    /// <summary>The unwritten rest of the buffer, for APIs that write into a span themselves.</summary>
    public readonly Span<byte> Free => _buffer[Length..];

    public void Advance(int count) => Length += count;

    public void Append(byte value) => _buffer[Length++] = value;

    public void Append(scoped ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer[Length..]);
        Length += bytes.Length;
    }

    /// <summary>Appends text that needs no escaping (API keys, wire names) as UTF-8.</summary>
    public void AppendText(scoped ReadOnlySpan<char> text) => Length += Encoding.UTF8.GetBytes(text, _buffer[Length..]);

    public void AppendInt64(long value)
    {
        value.TryFormat(_buffer[Length..], out var written, default, CultureInfo.InvariantCulture);
        Length += written;
    }

    /// <summary>Appends the inside of a JSON string (no quotes), escaping as RFC 8259 requires.</summary>
    public void AppendJsonEscaped(scoped ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c >= 0x80)
            {
                // Non-ASCII is legal raw in JSON: transcode the whole run at once (it keeps surrogate pairs together).
                var end = EndOfNonAsciiRun(text, i);
                Utf8.FromUtf16(text[i..end], _buffer[Length..], out _, out var written, replaceInvalidSequences: true);
                Length += written;
                i = end;
                continue;
            }

            if (c == '"' || c == '\\')
            {
                Append((byte)'\\');
                Append((byte)c);
            }
            else if (c < 0x20)
            {
                Append("\\u00"u8);
                Append(HexUpper[c >> 4]);
                Append(HexUpper[c & 0xF]);
            }
            else
            {
                Append((byte)c);
            }

            i++;
        }
    }

    /// <summary>
    /// Appends <paramref name="text"/> encoded as <c>application/x-www-form-urlencoded</c>: letters, digits and
    /// <c>*-._</c> as they are, space as <c>+</c>, everything else as upper-case <c>%XX</c> of its UTF-8 bytes.
    /// </summary>
    public void AppendFormEncoded(scoped ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c >= 0x80)
            {
                var end = EndOfNonAsciiRun(text, i);

                // Transcode the run in place, then widen each byte to %XX from the back: byte k moves to 3k,
                // which is never left of any byte still unread, so nothing is overwritten before it is read.
                var start = Length;
                Utf8.FromUtf16(text[i..end], _buffer[start..], out _, out var count, replaceInvalidSequences: true);
                for (var k = count - 1; k >= 0; k--)
                {
                    var b = _buffer[start + k];
                    _buffer[start + (3 * k)] = (byte)'%';
                    _buffer[start + (3 * k) + 1] = HexUpper[b >> 4];
                    _buffer[start + (3 * k) + 2] = HexUpper[b & 0xF];
                }

                Length += 3 * count;
                i = end;
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c) || c is '*' or '-' or '.' or '_')
            {
                Append((byte)c);
            }
            else if (c == ' ')
            {
                Append((byte)'+');
            }
            else
            {
                Append((byte)'%');
                Append(HexUpper[c >> 4]);
                Append(HexUpper[c & 0xF]);
            }

            i++;
        }
    }

    /// <summary>Appends <paramref name="bytes"/> as lower-case hex.</summary>
    public void AppendHexLower(scoped ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            Append(HexLower[b >> 4]);
            Append(HexLower[b & 0xF]);
        }
    }

    private static int EndOfNonAsciiRun(ReadOnlySpan<char> text, int start)
    {
        var end = start + 1;
        while (end < text.Length && text[end] >= 0x80)
        {
            end++;
        }

        return end;
    }

    private static ReadOnlySpan<byte> HexUpper => "0123456789ABCDEF"u8;

    private static ReadOnlySpan<byte> HexLower => "0123456789abcdef"u8;
}

/// <summary>
/// A scratch buffer for one token: on the stack when small, rented from the shared pool when not
/// (a 1000-character connection data string can need several kilobytes), so neither case allocates.
/// </summary>
internal ref struct TokenBuffer
{
    public const int StackSize = 1024;

    private byte[]? _rented;

    public TokenBuffer(int size, Span<byte> stackBuffer)
    {
        if (size <= stackBuffer.Length)
        {
            _rented = null;
            Span = stackBuffer;
        }
        else
        {
            _rented = ArrayPool<byte>.Shared.Rent(size);
            Span = _rented;
        }
    }

    public Span<byte> Span { get; }

    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
            _rented = null;
        }
    }
}
