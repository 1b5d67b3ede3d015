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

    /// <summary>The signal type clients listen for, e.g. <c>chat</c>; at most <see cref="MaxTypeBytes"/> UTF-8 bytes.</summary>
    public string Type { get => field ?? ""; init; }

    /// <summary>The payload, as text (serialize structured data yourself); at most <see cref="MaxDataBytes"/> UTF-8 bytes.</summary>
    public string Data { get => field ?? ""; init; }

    /// <summary>Checks the size limits.</summary>
    /// <exception cref="OpenTokArgumentException">A field is too long; the message says which and by how much.</exception>
    public void Validate()
    {
        EnsureAtMost(Type, MaxTypeBytes, nameof(Type));
        EnsureAtMost(Data, MaxDataBytes, nameof(Data));
    }

    private static void EnsureAtMost(string value, int maxBytes, string name)
    {
        var bytes = System.Text.Encoding.UTF8.GetByteCount(value);
        if (bytes > maxBytes)
        {
            throw new OpenTokArgumentException($"Signal {name} is {bytes} UTF-8 bytes; the service accepts at most {maxBytes}.", name);
        }
    }
}
