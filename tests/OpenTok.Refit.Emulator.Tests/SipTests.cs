using System.Net;
using System.Net.Http.Json;
using OpenTok.Refit.Emulator.Areas.LiveSessions;
using static OpenTok.Refit.Emulator.Tests.LiveSupport;
using static OpenTok.Refit.Emulator.Tests.Support;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>
/// SIP dial and DTMF end to end over real HTTP through the SDK: a call is a connection and a stream of its session,
/// which the REST API and emulated clients see, which force mute reaches only when asked, and which a force disconnect
/// hangs up; DTMF reaches calls and is recorded; refusals have the service's status codes.
/// </summary>
public sealed class SipTests
{
    private static readonly SipOptions Phone = new() { Uri = "sip:+15550100@sip.example.com;transport=tls", From = "15550199@example.com" };

    private static string SipPath(OpenTokEmulator emulator) => $"v2/project/{emulator.ApiKey}/dial";

    [Fact]
    public async Task A_call_is_a_connection_and_an_audio_stream_that_clients_see_until_a_force_disconnect_hangs_it_up()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        await using var alice = await emulator.JoinAsync(session);

        var call = await opentok.Sip.DialAsync(session.SessionId, session.GenerateToken(new TokenOptions { Data = "leg=phone" }), Phone, Ct);

        Assert.True(Guid.TryParseExact(call.Id, "D", out _));
        var connection = Assert.Single(await opentok.Connections.ListAsync(session.SessionId, Ct), c => c.ConnectionId == call.ConnectionId);
        Assert.Equal(ConnectionState.Connected, connection.ConnectionState);
        var stream = Assert.Single(await opentok.Streams.ListAsync(session.SessionId, Ct));
        Assert.Equal((call.StreamId, "15550199@example.com", VideoType.Camera), (stream.Id, stream.Name, stream.VideoType));
        Assert.Equal(
            [
                new EmulatedClientEvent.ConnectionCreated(call.ConnectionId, "leg=phone"),
                new EmulatedClientEvent.StreamCreated(call.StreamId, call.ConnectionId, "15550199@example.com", VideoType.Camera, HasAudio: true, HasVideo: false),
            ],
            alice.Events.Drain());
        var recorded = Assert.Single(emulator.SipCalls);
        Assert.Equal((call.Id, session.SessionId, call.ConnectionId, call.StreamId, Phone.Uri, null), (recorded.Id, recorded.SessionId, recorded.ConnectionId, recorded.StreamId, recorded.Options.Uri, recorded.EndedAt));

        await opentok.Moderation.ForceDisconnectAsync(session.SessionId, call.ConnectionId, Ct);

        Assert.Empty(await opentok.Streams.ListAsync(session.SessionId, Ct));
        Assert.Equal(ConnectionState.Disconnected, (await opentok.Connections.ListAsync(session.SessionId, Ct)).Single(c => c.ConnectionId == call.ConnectionId).ConnectionState);
        Assert.Equal(
            [
                new EmulatedClientEvent.StreamDestroyed(call.StreamId, call.ConnectionId, EmulatedEndReason.ForceDisconnected),
                new EmulatedClientEvent.ConnectionDestroyed(call.ConnectionId, EmulatedEndReason.ForceDisconnected),
            ],
            alice.Events.Drain());
        Assert.NotNull(Assert.Single(emulator.SipCalls).EndedAt);
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => opentok.Moderation.ForceDisconnectAsync(session.SessionId, call.ConnectionId, Ct));
    }

    [Fact]
    public async Task A_call_without_a_caller_is_named_after_its_uri_and_a_video_call_has_video()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        await using var alice = await emulator.JoinAsync(session);

        var call = await opentok.Sip.DialAsync(session.SessionId, session.GenerateToken(), Phone with { From = null, Video = true }, Ct);

        Assert.Equal(Phone.Uri, (await opentok.Streams.GetAsync(session.SessionId, call.StreamId, Ct)).Name);
        Assert.Contains(new EmulatedClientEvent.StreamCreated(call.StreamId, call.ConnectionId, Phone.Uri, VideoType.Camera, HasAudio: true, HasVideo: true), alice.Events.Drain());
    }

    [Fact]
    public async Task Forced_mute_reaches_a_call_only_when_it_observes_force_mute()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        var live = emulator.State.Store<LiveSessionStore>();
        var observing = await opentok.Sip.DialAsync(session.SessionId, session.GenerateToken(), Phone with { ObserveForceMute = true }, Ct);
        var deaf = await opentok.Sip.DialAsync(session.SessionId, session.GenerateToken(), Phone, Ct);
        bool Muted(SipCall call) => live.FindStream(session.SessionId, call.StreamId)!.AudioMuted;

        await opentok.Moderation.ForceMuteStreamAsync(session.SessionId, deaf.StreamId, Ct); // accepted, and ignored by the phone
        Assert.False(Muted(deaf));

        await opentok.Moderation.ForceMuteAllAsync(session.SessionId, cancellationToken: Ct);
        Assert.True(Muted(observing));
        Assert.False(Muted(deaf));

        // Calls dialled while force mute all is on start muted only if they observe it.
        var laterObserving = await opentok.Sip.DialAsync(session.SessionId, session.GenerateToken(), Phone with { ObserveForceMute = true }, Ct);
        var laterDeaf = await opentok.Sip.DialAsync(session.SessionId, session.GenerateToken(), Phone, Ct);
        Assert.True(Muted(laterObserving));
        Assert.False(Muted(laterDeaf));
    }

    [Fact]
    public async Task Dial_needs_a_known_routed_session_and_a_token_of_it()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var relayed = await opentok.CreateSessionAsync(new SessionOptions { MediaMode = MediaMode.Relayed }, Ct);
        var session = await opentok.RoutedSessionAsync();
        var other = await opentok.RoutedSessionAsync();

        var conflict = await Assert.ThrowsAsync<OpenTokConflictException>(() => opentok.Sip.DialAsync(relayed.SessionId, relayed.GenerateToken(), Phone, Ct));
        Assert.Contains("routed", conflict.ServerMessage, StringComparison.Ordinal);

        async Task<string> RefusalOf(string token)
        {
            var e = await Assert.ThrowsAsync<OpenTokApiException>(() => opentok.Sip.DialAsync(session.SessionId, token, Phone, Ct));
            Assert.Equal((HttpStatusCode.BadRequest, 400), (e.StatusCode, e.ErrorCode));
            return e.ServerMessage!;
        }

        Assert.Contains("is for session", await RefusalOf(other.GenerateToken()), StringComparison.Ordinal);
        Assert.StartsWith("Invalid token", await RefusalOf("not-a-token"), StringComparison.Ordinal);
        Assert.Empty(emulator.SipCalls);

        // No role is required: the service documents none for the SIP participant's token.
        await opentok.Sip.DialAsync(session.SessionId, session.GenerateToken(new TokenOptions { Role = Role.Subscriber, Format = TokenFormat.T1 }), Phone, Ct);

        var token = session.GenerateToken();
        emulator.Reset();
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => opentok.Sip.DialAsync(session.SessionId, token, Phone, Ct));
    }

    [Theory]
    [InlineData("""{"token":"TOKEN","sip":{"uri":"sip:a@b.c"}}""", "sessionId")]
    [InlineData("""{"sessionId":"garbage","token":"TOKEN","sip":{"uri":"sip:a@b.c"}}""", "session ID")]
    [InlineData("""{"sessionId":"SESSION","sip":{"uri":"sip:a@b.c"}}""", "token")]
    [InlineData("""{"sessionId":"SESSION","token":"TOKEN"}""", "sip is required")]
    [InlineData("""{"sessionId":"SESSION","token":"TOKEN","sip":{"uri":"tel:+15550100"}}""", "Uri")]
    [InlineData("""{"sessionId":"SESSION","token":"TOKEN","sip":{"uri":"sip:a@b.c","headers":{"Custom":"1"}}}""", "X-")]
    [InlineData("""{"sessionId":"SESSION","token":"TOKEN","sip":{"uri":"sip:a@b.c","from":"no-at-sign"}}""", "From")]
    [InlineData("""{"sessionId":"SESSION","token":"TOKEN","sip":{"uri":"sip:a@b.c","auth":{"username":"u"}}}""", "Auth.Password")]
    [InlineData("""{"sessionId":"SESSION","token":"TOKEN","sip":{"uri":"sip:a@b.c","video":"yes"}}""", "not valid JSON")]
    public async Task Dial_bodies_that_break_the_rules_are_400_and_dial_nothing(string body, string mentioned)
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();

        using var response = await emulator.SendAsync(HttpMethod.Post, SipPath(emulator),
            body.Replace("SESSION", session.SessionId, StringComparison.Ordinal).Replace("TOKEN", session.GenerateToken(), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(mentioned, (await response.ErrorAsync()).Message, StringComparison.Ordinal);
        Assert.Empty(emulator.SipCalls);
        Assert.Empty(await opentok.Connections.ListAsync(session.SessionId, Ct));
    }

    [Fact]
    public async Task Dtmf_reaches_one_call_or_every_call_connected_to_the_session_and_is_recorded()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        var other = await opentok.RoutedSessionAsync();
        var first = await opentok.Sip.DialAsync(session.SessionId, session.GenerateToken(), Phone, Ct);
        var second = await opentok.Sip.DialAsync(session.SessionId, session.GenerateToken(), Phone, Ct);
        var elsewhere = await opentok.Sip.DialAsync(other.SessionId, other.GenerateToken(), Phone, Ct);
        IReadOnlyList<string> PlayedTo(SipCall call) => emulator.SipCalls.Single(c => c.Id == call.Id).PlayedDtmf;

        await opentok.Sip.PlayDtmfToConnectionAsync(session.SessionId, first.ConnectionId, "1234#", Ct);
        await opentok.Sip.PlayDtmfAsync(session.SessionId, "p*9", Ct);
        await opentok.Moderation.ForceDisconnectAsync(session.SessionId, second.ConnectionId, Ct);
        await opentok.Sip.PlayDtmfAsync(session.SessionId, "0", Ct); // the hung-up call hears nothing more

        Assert.Equal(["1234#", "p*9", "0"], PlayedTo(first));
        Assert.Equal(["p*9"], PlayedTo(second));
        Assert.Empty(PlayedTo(elsewhere));

        // A session with no call at all takes DTMF too.
        var empty = await opentok.RoutedSessionAsync();
        await opentok.Sip.PlayDtmfAsync(empty.SessionId, "1", Ct);
    }

    [Fact]
    public async Task Dtmf_to_an_unknown_hung_up_or_non_SIP_connection_is_refused()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        await using var alice = await emulator.JoinAsync(session);
        var call = await opentok.Sip.DialAsync(session.SessionId, session.GenerateToken(), Phone, Ct);
        var other = await opentok.RoutedSessionAsync();

        var unknown = await Assert.ThrowsAsync<OpenTokNotFoundException>(() => opentok.Sip.PlayDtmfToConnectionAsync(session.SessionId, Guid.NewGuid().ToString("D"), "1", Ct));
        Assert.Equal(404, unknown.ErrorCode);
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => opentok.Sip.PlayDtmfToConnectionAsync(other.SessionId, call.ConnectionId, "1", Ct)); // not in that session
        var client = await Assert.ThrowsAsync<OpenTokApiException>(() => opentok.Sip.PlayDtmfToConnectionAsync(session.SessionId, alice.ConnectionId, "1", Ct));
        Assert.Equal(HttpStatusCode.BadRequest, client.StatusCode);
        Assert.Contains("not a SIP call", client.ServerMessage, StringComparison.Ordinal);

        await opentok.Moderation.ForceDisconnectAsync(session.SessionId, call.ConnectionId, Ct);
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => opentok.Sip.PlayDtmfToConnectionAsync(session.SessionId, call.ConnectionId, "1", Ct));
        Assert.Empty(Assert.Single(emulator.SipCalls).PlayedDtmf);

        emulator.Reset();
        await Assert.ThrowsAsync<OpenTokNotFoundException>(() => opentok.Sip.PlayDtmfAsync(session.SessionId, "1", Ct));
    }

    [Theory]
    [InlineData("", """{"digits":"12a4"}""", "'a' at position 3")]
    [InlineData("", """{"digits":""}""", "at least one")]
    [InlineData("", """{}""", "at least one")]
    [InlineData("", """{"digits":"1 2"}""", "U+0020")]
    [InlineData("", """{"digits":5}""", "not valid JSON")]
    [InlineData("/connection/CONNECTION", """{"digits":"#x"}""", "'x' at position 2")]
    [InlineData("/connection/not-a-uuid", """{"digits":"1"}""", "connection ID")]
    public async Task Bad_digits_and_ids_are_400_over_the_wire(string target, string body, string mentioned)
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();
        var call = await opentok.Sip.DialAsync(session.SessionId, session.GenerateToken(), Phone, Ct);

        using var response = await emulator.SendAsync(HttpMethod.Post,
            emulator.SessionPath(session.SessionId, target.Replace("CONNECTION", call.ConnectionId, StringComparison.Ordinal) + "/play-dtmf"), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(mentioned, (await response.ErrorAsync()).Message, StringComparison.Ordinal);
        Assert.Empty(Assert.Single(emulator.SipCalls).PlayedDtmf);
    }

    [Fact]
    public async Task The_wire_answers_are_200_with_the_call_and_200_without_a_body_for_dtmf()
    {
        await using var emulator = await StartAsync();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();

        using var dialled = await emulator.SendAsync(HttpMethod.Post, SipPath(emulator),
            $$$"""{"sessionId":"{{{session.SessionId}}}","token":"{{{session.GenerateToken()}}}","sip":{"uri":"sip:a@b.c"}}""");
        Assert.Equal(HttpStatusCode.OK, dialled.StatusCode);
        var call = (await dialled.Content.ReadFromJsonAsync(OpenTokJsonContext.Default.SipCall, Ct))!;
        Assert.All([call.Id, call.ConnectionId, call.StreamId], id => Assert.True(Guid.TryParseExact(id, "D", out _)));

        using var played = await emulator.SendAsync(HttpMethod.Post, emulator.SessionPath(session.SessionId, "/play-dtmf"), """{"digits":"1"}""");
        Assert.Equal(HttpStatusCode.OK, played.StatusCode);
        Assert.Empty(await played.Content.ReadAsByteArrayAsync(Ct));
        using var malformed = await emulator.SendAsync(HttpMethod.Post, emulator.SessionPath("garbage", "/play-dtmf"), """{"digits":"1"}""");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }
}
