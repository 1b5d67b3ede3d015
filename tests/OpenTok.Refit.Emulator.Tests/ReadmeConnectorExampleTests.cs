using static OpenTok.Refit.Emulator.Tests.Support;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>The README's SIP, Audio Connector, captions and Experience Composer example, run as written against the emulator.</summary>
public class ReadmeConnectorExampleTests
{
    [Fact]
    public async Task The_READMEs_connector_example_runs_as_written()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.CreateSessionAsync(new SessionOptions { MediaMode = MediaMode.Routed }, Ct);

        // From here to the marker: the README's lines, unchanged.
        var token = session.GenerateToken(new TokenOptions { Role = Role.Moderator });

        SipCall call = await opentok.Sip.DialAsync(session.SessionId, token, new SipOptions
        {
            Uri = "sip:+15550100@sip.example.com;transport=tls", From = "clinic@example.com", Secure = true, ObserveForceMute = true,
        });
        await opentok.Sip.PlayDtmfToConnectionAsync(session.SessionId, call.ConnectionId, "1234#");   // 0-9 * # p only
        await opentok.Moderation.ForceDisconnectAsync(session.SessionId, call.ConnectionId);           // hang up

        AudioConnection audio = await opentok.AudioConnector.ConnectAsync(session.SessionId, token, new WebSocketOptions
        {
            Uri = "wss://transcriber.example.com/audio", AudioRate = AudioRate.Hz16000, Bidirectional = true,
        });
        await opentok.AudioConnector.StopAsync(session.SessionId, audio.ConnectionId);

        Captions captions = await opentok.Captions.StartAsync(session.SessionId, token, new CaptionsOptions { LanguageCode = "en-US" });
        await opentok.Captions.StopAsync(captions.CaptionsId);

        Render render = await opentok.ExperienceComposer.StartAsync(session.SessionId, token, new RenderOptions
        {
            Url = "https://whiteboard.example.com/room/1", MaxDuration = TimeSpan.FromHours(1), Properties = new RenderProperties { Name = "Whiteboard" },
        });
        await opentok.ExperienceComposer.StopAsync(render.Id);
        // Marker: the README's example ends here.

        Assert.Equal(["1234#"], Assert.Single(emulator.SipCalls).PlayedDtmf);
        Assert.All(await opentok.Connections.ListAsync(session.SessionId, Ct), c => Assert.Equal(ConnectionState.Disconnected, c.ConnectionState));
        Assert.Equal(RenderStatus.Stopped, (await opentok.ExperienceComposer.GetAsync(render.Id, Ct)).Status);
    }
}
