using System.Threading.Channels;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>What the live-session tests share: joining a session as an emulated client, and reading what clients received.</summary>
internal static class LiveSupport
{
    /// <summary>Connects an emulated client with a token the SDK signs, as a server hands one to an app.</summary>
    public static Task<EmulatedClient> JoinAsync(this OpenTokEmulator emulator, Session session, Role role = Role.Publisher, string? data = null, IReadOnlyList<string>? classes = null) =>
        emulator.ConnectAsync(session.SessionId, session.GenerateToken(new TokenOptions { Role = role, Data = data, InitialLayoutClassList = classes ?? [] }), Support.Ct);

    /// <summary>
    /// Everything in the channel now, without waiting: the emulator delivers before the call that caused a delivery
    /// returns, so what is not there now will not come from that call.
    /// </summary>
    public static List<T> Drain<T>(this ChannelReader<T> reader)
    {
        var items = new List<T>();
        while (reader.TryRead(out var item))
        {
            items.Add(item);
        }

        return items;
    }

    public static EmulatedStream Camera(string name) => new() { Name = name, VideoType = VideoType.Camera, HasAudio = true, HasVideo = true };

    /// <summary>A REST path under the session, relative to the emulator's address.</summary>
    public static string SessionPath(this OpenTokEmulator emulator, string sessionId, string rest = "") => $"v2/project/{emulator.ApiKey}/session/{sessionId}{rest}";
}
