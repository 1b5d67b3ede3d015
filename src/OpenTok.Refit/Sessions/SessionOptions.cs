using System.Net;
using System.Net.Sockets;

namespace OpenTok.Refit;

/// <summary>How to create a session. Every rule is checked by <see cref="Validate"/> before the request is sent.</summary>
[GenerateBuilder]
public sealed partial record SessionOptions
{
    /// <summary>The longest automatic archive name the server accepts.</summary>
    public const int MaxArchiveNameLength = 80;

    /// <summary>Relayed or routed. Default <see cref="MediaMode.Relayed"/>, as in the other OpenTok SDKs; it is always sent.</summary>
    public MediaMode MediaMode { get; init; } = MediaMode.Relayed;

    /// <summary>Manual or always. Default <see cref="ArchiveMode.Manual"/>.</summary>
    public ArchiveMode ArchiveMode { get; init; } = ArchiveMode.Manual;

    /// <summary>An IPv4 address near the session's clients, to pick a media server. Default none.</summary>
    public string? Location { get; init; }

    /// <summary>Whether media is end-to-end encrypted. Needs a routed session and cannot be archived.</summary>
    public bool EndToEndEncryption { get; init; }

    /// <summary>The name of automatic archives (1–80 characters); only with <see cref="ArchiveMode.Always"/>.</summary>
    public string? ArchiveName { get; init; }

    /// <summary>The resolution of automatic archives; only with <see cref="ArchiveMode.Always"/>.</summary>
    public Resolution? ArchiveResolution { get; init; }

    /// <summary>Checks every rule the service applies: archiving always and end-to-end encryption need a routed session and not each other, the location is IPv4, the archive name (1–80 characters) and resolution go only with archiving always.</summary>
    /// <exception cref="OpenTokArgumentException">A rule is broken; the message says which.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(MediaMode))
        {
            throw new OpenTokArgumentException($"MediaMode must be Relayed or Routed; {(int)MediaMode} is not.", nameof(MediaMode));
        }

        if (!Enum.IsDefined(ArchiveMode))
        {
            throw new OpenTokArgumentException($"ArchiveMode must be Manual or Always; {(int)ArchiveMode} is not.", nameof(ArchiveMode));
        }

        if (ArchiveMode == ArchiveMode.Always && MediaMode != MediaMode.Routed)
        {
            throw new OpenTokArgumentException("ArchiveMode.Always needs MediaMode.Routed: relayed sessions cannot be archived.", nameof(ArchiveMode));
        }

        if (EndToEndEncryption && MediaMode != MediaMode.Routed)
        {
            throw new OpenTokArgumentException("EndToEndEncryption needs MediaMode.Routed.", nameof(EndToEndEncryption));
        }

        if (EndToEndEncryption && ArchiveMode == ArchiveMode.Always)
        {
            throw new OpenTokArgumentException("EndToEndEncryption cannot be combined with ArchiveMode.Always: encrypted sessions cannot be archived.", nameof(EndToEndEncryption));
        }

        if (Location is not null && (!IPAddress.TryParse(Location, out var address) || address.AddressFamily != AddressFamily.InterNetwork))
        {
            throw new OpenTokArgumentException($"Location must be an IPv4 address; '{Location}' is not.", nameof(Location));
        }

        if (ArchiveName is not null)
        {
            if (ArchiveMode != ArchiveMode.Always)
            {
                throw new OpenTokArgumentException("ArchiveName applies only with ArchiveMode.Always.", nameof(ArchiveName));
            }

            if (ArchiveName.Length is 0 or > MaxArchiveNameLength)
            {
                throw new OpenTokArgumentException($"ArchiveName must be 1 to {MaxArchiveNameLength} characters; it has {ArchiveName.Length}.", nameof(ArchiveName));
            }
        }

        if (ArchiveResolution is { } resolution)
        {
            if (ArchiveMode != ArchiveMode.Always)
            {
                throw new OpenTokArgumentException("ArchiveResolution applies only with ArchiveMode.Always.", nameof(ArchiveResolution));
            }

            if (!resolution.IsKnown)
            {
                throw new OpenTokArgumentException($"ArchiveResolution must be one of {string.Join(", ", Resolution.Known)}; '{resolution}' is not.", nameof(ArchiveResolution));
            }
        }
    }

    /// <summary>The form body these options become.</summary>
    /// <returns>The wire request.</returns>
    internal CreateSessionRequest ToRequest() => new()
    {
        P2pPreference = MediaMode.ToWireValue(),
        ArchiveMode = ArchiveMode.ToWireValue(),
        Location = Location,
        EndToEndEncryption = EndToEndEncryption ? true : null,
        ArchiveName = ArchiveName,
        ArchiveResolution = ArchiveResolution?.Value,
    };
}
