using System.Security.Cryptography;

namespace OpenTok.Refit.Tokens;

/// <summary>
/// HMAC with the key schedule kept between calls. A one-shot <c>HMACSHA256.HashData</c> re-keys a native context
/// every time, which costs as much as hashing a whole token; keeping one keyed context per thread (and per
/// algorithm) halves the cost of signing and stays thread-safe without locks. The context is re-keyed only
/// when a thread signs with a different secret than last time.
/// </summary>
internal static class KeyedHmac
{
    [ThreadStatic]
    private static Keyed? t_sha256;

    [ThreadStatic]
    private static Keyed? t_sha1;

    public static void Sha256(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> hash) =>
        Compute(ref t_sha256, HashAlgorithmName.SHA256, key, data, hash);

    public static void Sha1(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> hash) =>
        Compute(ref t_sha1, HashAlgorithmName.SHA1, key, data, hash);

    private static void Compute(ref Keyed? cached, HashAlgorithmName algorithm, ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> hash)
    {
        if (cached is null || !key.SequenceEqual(cached.Key))
        {
            cached?.Hmac.Dispose();
            cached = new Keyed(key.ToArray(), IncrementalHash.CreateHMAC(algorithm, key));
        }

        cached.Hmac.AppendData(data);
        cached.Hmac.GetHashAndReset(hash);
    }

    private sealed record Keyed(byte[] Key, IncrementalHash Hmac);
}
