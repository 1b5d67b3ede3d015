namespace OpenTok.Refit;

/// <summary>
/// A signal: a short message the service relays to the clients of a session (or to one of them), which receive it
/// as a <c>signal:{type}</c> event. Both fields are strings on the wire; <see cref="Validate"/> checks the service's
/// size limits before any request is sent.
/// </summary>
[GenerateBuilder]
public sealed partial record Signal
{
    /// <summary>The most UTF-8 bytes <see cref="Type"/> may hold (the service answers 413 past it).</summary>
    public const int MaxTypeBytes = 128;

    /// <summary>The most UTF-8 bytes <see cref="Data"/> may hold: 8 kB (the service answers 413 past it).</summary>
    public const int MaxDataBytes = 8 * 1024;

    /// <summary>
    /// The signal type clients listen for, e.g. <c>chat</c>: at most <see cref="MaxTypeBytes"/> characters, each an ASCII
    /// letter or digit, <c>-</c>, <c>_</c> or <c>~</c> (the service's rule for signal types). Empty for an untyped signal.
    /// </summary>
    public string Type { get => field ?? ""; init; }

    /// <summary>The payload, as text (serialize structured data yourself); at most <see cref="MaxDataBytes"/> UTF-8 bytes.</summary>
    public string Data { get => field ?? ""; init; }

    /// <summary>Checks the type's characters and both size limits.</summary>
    /// <exception cref="OpenTokArgumentException">A field breaks a rule; the message says which and how.</exception>
    public void Validate()
    {
        EnsureAtMost(Type, MaxTypeBytes, nameof(Type));
        var bad = Type.AsSpan().IndexOfAnyExcept(TypeCharacters);
        if (bad >= 0)
        {
            throw new OpenTokArgumentException(
                $"Signal Type may hold only ASCII letters, digits, '-', '_' and '~'; the character at index {bad} (U+{(int)Type[bad]:X4}) of {Arguments.Quote(Type)} is not one.",
                nameof(Type));
        }

        EnsureAtMost(Data, MaxDataBytes, nameof(Data));
    }

    private static readonly System.Buffers.SearchValues<char> TypeCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_~");

    private static void EnsureAtMost(string value, int maxBytes, string name)
    {
        var bytes = System.Text.Encoding.UTF8.GetByteCount(value);
        if (bytes > maxBytes)
        {
            throw new OpenTokArgumentException($"Signal {name} is {bytes} UTF-8 bytes; the service accepts at most {maxBytes}.", name);
        }
    }
}
