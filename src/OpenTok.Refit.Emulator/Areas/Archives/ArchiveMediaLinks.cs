using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OpenTok.Refit.Emulator.Areas.Archives;

/// <summary>
/// The signed, expiring urls at which available archives are downloaded, as on the real service (whose urls point
/// at its storage, not at the REST API). The signature is an HMAC of the archive id and the expiry with the
/// project's secret, so only the emulator can make one and nobody can extend one.
/// </summary>
internal sealed class ArchiveMediaLinks
{
    /// <summary>
    /// The route of an archive's file. Not a REST path (so not in <c>ApiRoutes</c>): the service's urls lead
    /// elsewhere, and the fault and authentication stages leave this one alone.
    /// </summary>
    public const string Route = "/media/{archiveId}/{fileName}";

    /// <summary>How long an archive's url stays valid, as on the real service.</summary>
    public static readonly TimeSpan UrlLifetime = TimeSpan.FromMinutes(10);

    private readonly byte[] _secretUtf8;

    /// <param name="apiSecret">The project's secret, which signs the urls.</param>
    public ArchiveMediaLinks(string apiSecret) => _secretUtf8 = Encoding.UTF8.GetBytes(apiSecret);

    /// <summary>The url of an archive's file, valid for <see cref="UrlLifetime"/> from <paramref name="now"/>.</summary>
    public string Create(Uri baseAddress, Guid archiveId, string fileName, DateTimeOffset now)
    {
        var expires = (now + UrlLifetime).ToUnixTimeSeconds();
        var path = Route.Replace("{archiveId}", archiveId.ToString("D"), StringComparison.Ordinal).Replace("{fileName}", fileName, StringComparison.Ordinal);
        return string.Create(CultureInfo.InvariantCulture, $"{baseAddress.AbsoluteUri}{path.TrimStart('/')}?expires={expires}&signature={Sign(archiveId, expires)}");
    }

    /// <summary>Whether <paramref name="signature"/> is the one this emulator made for the archive and expiry (compared in constant time).</summary>
    public bool IsSigned(Guid archiveId, long expires, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature), Encoding.ASCII.GetBytes(Sign(archiveId, expires)));

    private string Sign(Guid archiveId, long expires)
    {
        var hash = HMACSHA256.HashData(_secretUtf8, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{archiveId:D}\n{expires}")));
        return Convert.ToHexStringLower(hash);
    }
}
