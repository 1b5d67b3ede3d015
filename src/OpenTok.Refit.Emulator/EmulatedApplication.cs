using System.Security.Cryptography;

namespace OpenTok.Refit.Emulator;

/// <summary>
/// A Vonage application for the emulator to serve instead of an OpenTok project: an application id and an RSA key
/// pair. REST calls must then carry <c>Authorization: Bearer</c> with an RS256 JWT signed by the private key, paths
/// and session ids carry the application id, and client tokens are RS256 too.
/// </summary>
/// <param name="ApplicationId">The application's id (a UUID).</param>
/// <param name="PrivateKeyPem">Its RSA private key as PEM; give it to the SDK (<c>OpenTokOptions.PrivateKey</c>). Printed nowhere but where you print it.</param>
public sealed record EmulatedApplication(string ApplicationId, string PrivateKeyPem)
{
    /// <summary>A new application: a random id and a fresh 2048-bit key pair.</summary>
    /// <returns>The application.</returns>
    public static EmulatedApplication Generate()
    {
        using var key = RSA.Create(2048);
        return new EmulatedApplication(Guid.NewGuid().ToString(), key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>The application without its key.</summary>
    /// <returns>For example <c>EmulatedApplication { ApplicationId = 29f7…, PrivateKeyPem = *** }</c>.</returns>
    public override string ToString() => $"EmulatedApplication {{ ApplicationId = {ApplicationId}, PrivateKeyPem = *** }}";
}
