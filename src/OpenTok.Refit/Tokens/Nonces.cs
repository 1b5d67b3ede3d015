using System.Buffers.Binary;
using System.Security.Cryptography;

namespace OpenTok.Refit.Tokens;

/// <summary>
/// Cryptographically random token nonces. Asking the system generator for 4 bytes costs more than signing a
/// token, so each thread draws 256 bytes at a time and hands them out 4 at a time.
/// </summary>
internal static class Nonces
{
    private const int BatchSize = 256;

    [ThreadStatic]
    private static byte[]? t_batch;

    [ThreadStatic]
    private static int t_next;

    /// <summary>A random non-negative 31-bit number.</summary>
    public static long Next()
    {
        var batch = t_batch ??= new byte[BatchSize];
        if (t_next == 0)
        {
            RandomNumberGenerator.Fill(batch);
        }

        var value = BinaryPrimitives.ReadInt32LittleEndian(batch.AsSpan(t_next)) & int.MaxValue;
        t_next = (t_next + sizeof(int)) % BatchSize;
        return value;
    }
}
