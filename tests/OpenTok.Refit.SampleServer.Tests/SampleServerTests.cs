using System.Net;
using System.Net.Http.Json;
using System.Text;
using OpenTok.Refit.Tokens;
using OpenTok.Refit.Emulator;
using static OpenTok.Refit.SampleServer.Tests.SampleServerHost;

namespace OpenTok.Refit.SampleServer.Tests;

/// <summary>Every route of the sample server, on real Kestrel at 127.0.0.1, against a real emulator.</summary>
public sealed class SampleServerTests() : SampleServerTestBase(seed: 3)
{
    [Fact]
    public async Task Session_redirects_to_the_room_named_session()
    {
        using var response = await Server.Http.GetAsync("session", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/room/session", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_room_gives_the_api_key_a_routed_session_and_a_token_the_emulator_accepts()
    {
        var room = await Server.RoomAsync("hello");

        Assert.Equal(Emulator.ApiKey, room.ApiKey);
        Assert.Equal(MediaMode.Routed, Assert.Single(Emulator.Sessions).MediaMode);
        var token = Emulator.VerifyClientToken(room.Token);
        Assert.True(token.IsValid, token.Failure);
        Assert.Equal((room.SessionId, Role.Publisher), (token.Claims!.SessionId, token.Claims.Role));
    }

    [Fact]
    public async Task Later_requests_for_a_room_reuse_its_session_with_a_fresh_token()
    {
        var first = await Server.RoomAsync("reuse");
        var second = await Server.RoomAsync("reuse");
        var other = await Server.RoomAsync("other room");

        Assert.Equal(first.SessionId, second.SessionId);
        Assert.NotEqual(first.Token, second.Token);
        Assert.NotEqual(first.SessionId, other.SessionId);
        Assert.Equal(2, Emulator.Statistics.SessionsCreated);
    }

    [Fact]
    public async Task Rooms_survive_a_restart()
    {
        var before = await Server.RoomAsync("persistent");
        await Server.DisposeAsync();

        Server = await StartAsync(Database.Path, Emulator);
        var after = await Server.RoomAsync("persistent");

        Assert.Equal(before.SessionId, after.SessionId);
        Assert.Equal(1, Emulator.Statistics.SessionsCreated);
        var archive = await ArchiveAsync(await Server.StartArchiveAsync(after.SessionId)); // the room is found by its session, too
        Assert.Equal("persistent", archive.Name);
    }

    [Fact]
    public async Task Simultaneous_first_requests_for_a_room_create_exactly_one_session()
    {
        Emulator.Faults = new FaultInjection { Latency = TimeSpan.FromMilliseconds(150) }; // all eight arrive while the first create is in flight

        var rooms = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Server.RoomAsync("crowded")));

        Assert.Single(rooms.Select(r => r.SessionId).Distinct());
        Assert.Equal(8, rooms.Select(r => r.Token).Distinct().Count());
        Assert.Equal(1, Emulator.Statistics.SessionsCreated);
    }

    [Fact]
    public async Task An_archive_is_started_named_after_the_room_stopped_read_viewed_and_listed()
    {
        var room = await Server.RoomAsync("recorded");

        var started = await ArchiveAsync(await Server.StartArchiveAsync(room.SessionId));
        Assert.Equal((ArchiveStatus.Started, "recorded", room.SessionId), (started.Status, started.Name, started.SessionId));

        using (var stop = await Server.Http.PostAsync($"archive/{started.Id}/stop", null, Ct))
        {
            Assert.Equal(ArchiveStatus.Stopped, (await ArchiveAsync(stop)).Status);
        }

        var read = await ArchiveAsync(await Server.Http.GetAsync($"archive/{started.Id}", Ct));
        Assert.Equal(ArchiveStatus.Available, read.Status);

        using var view = await Server.Http.GetAsync($"archive/{started.Id}/view", Ct);
        Assert.Equal(HttpStatusCode.Redirect, view.StatusCode);
        var url = view.Headers.Location!;
        Assert.StartsWith(Emulator.BaseAddress.AbsoluteUri, url.AbsoluteUri, StringComparison.Ordinal);
        using var media = await Server.Http.GetAsync(url, Ct);
        Assert.Equal("video/mp4", media.Content.Headers.ContentType?.MediaType);

        var list = (await Server.Http.GetFromJsonAsync("archive", OpenTokJsonContext.Default.ArchiveList, Ct))!;
        Assert.Equal((1, started.Id), (list.Count, Assert.Single(list.Items).Id));
    }

    [Fact]
    public async Task Viewing_an_archive_still_processing_shows_the_pending_page()
    {
        Emulator.ArchiveAvailability = ArchiveAvailability.Manual;
        var room = await Server.RoomAsync("slow");
        var archive = await ArchiveAsync(await Server.StartArchiveAsync(room.SessionId));
        using (await Server.Http.PostAsync($"archive/{archive.Id}/stop", null, Ct))
        {
        }

        using var pending = await Server.Http.GetAsync($"archive/{archive.Id}/view", Ct);
        Assert.Equal(HttpStatusCode.OK, pending.StatusCode);
        Assert.Equal("text/html", pending.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Archiving Pending</title>", await pending.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        Assert.True(Emulator.CompleteArchive(archive.Id));
        using var ready = await Server.Http.GetAsync($"archive/{archive.Id}/view", Ct);
        Assert.Equal(HttpStatusCode.Redirect, ready.StatusCode);
    }

    [Fact]
    public async Task The_list_pages_through_the_SDK_with_count_and_offset_newest_first()
    {
        var room = await Server.RoomAsync("many");
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var archive = await ArchiveAsync(await Server.StartArchiveAsync(room.SessionId));
            using (await Server.Http.PostAsync($"archive/{archive.Id}/stop", null, Ct))
            {
            }

            ids.Insert(0, archive.Id);
        }

        var page = (await Server.Http.GetFromJsonAsync("archive?count=2&offset=1", OpenTokJsonContext.Default.ArchiveList, Ct))!;
        Assert.Equal(5, page.Count);
        Assert.Equal(ids[1..3], page.Items.Select(a => a.Id));

        var all = (await Server.Http.GetFromJsonAsync("archive", OpenTokJsonContext.Default.ArchiveList, Ct))!;
        Assert.Equal(ids, all.Items.Select(a => a.Id));

        var beyond = (await Server.Http.GetFromJsonAsync("archive?offset=10", OpenTokJsonContext.Default.ArchiveList, Ct))!;
        Assert.Equal((5, 0), (beyond.Count, beyond.Items.Count));
    }

    public static TheoryData<string, string, string?, int, string> BadRequests() => new()
    {
        // name, method and path, JSON body ("" = none), status, words the problem must contain
        { "no body", "POST archive/start", "", 400, "JSON body" },
        { "body not JSON", "POST archive/start", "{nope", 400, "not valid JSON" },
        { "sessionId missing", "POST archive/start", "{}", 400, "sessionId is required" },
        { "sessionId malformed", "POST archive/start", """{"sessionId":"abc"}""", 400, "not an OpenTok session id" },
        { "sessionId of another project", "POST archive/start", """{"sessionId":"OTHER_PROJECT"}""", 400, "another OpenTok project" },
        { "sessionId of no room", "POST archive/start", """{"sessionId":"NO_ROOM"}""", 404, "No room" },
        { "archive id not a UUID (stop)", "POST archive/not-a-uuid/stop", null, 400, "not an archive id" },
        { "archive id not a UUID (get)", "GET archive/not-a-uuid", null, 400, "not an archive id" },
        { "archive id not a UUID (view)", "GET archive/not-a-uuid/view", null, 400, "not an archive id" },
        { "unknown archive (get)", "GET archive/00000000-0000-0000-0000-000000000001", null, 404, "GetArchive" },
        { "unknown archive (stop)", "POST archive/00000000-0000-0000-0000-000000000001/stop", null, 404, "StopArchive" },
        { "count not a number", "GET archive?count=abc", null, 400, "count must be a whole number" },
        { "count zero", "GET archive?count=0", null, 400, "count must be a whole number" },
        { "count too large", "GET archive?count=5001", null, 400, "count must be a whole number" },
        { "offset negative", "GET archive?offset=-1", null, 400, "offset must be a whole number" },
        { "room name too long", $"GET room/{new string('r', 81)}", null, 400, "room name" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_gets_a_4xx_problem_that_says_what_was_wrong(string name, string request, string? body, int status, string words)
    {
        var otherProject = SessionId.Create("99999999", "", DateTimeOffset.UtcNow, 0.5);
        var noRoom = SessionId.Create(Emulator.ApiKey, "", DateTimeOffset.UtcNow, 0.5);
        var (method, path) = (request.Split(' ')[0], request.Split(' ')[1]);
        using var message = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is { Length: > 0 })
        {
            body = body.Replace("OTHER_PROJECT", otherProject, StringComparison.Ordinal).Replace("NO_ROOM", noRoom, StringComparison.Ordinal);
            message.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await Server.Http.SendAsync(message, Ct);

        var problem = await ProblemAsync(response, status);
        Assert.True(problem.ToString().Contains(words, StringComparison.Ordinal), $"{name}: {problem}");
    }

    [Fact]
    public async Task Starting_a_room_already_recording_is_a_409_problem()
    {
        var room = await Server.RoomAsync("twice");
        await ArchiveAsync(await Server.StartArchiveAsync(room.SessionId));

        using var again = await Server.StartArchiveAsync(room.SessionId);

        var problem = await ProblemAsync(again, 409);
        Assert.Contains("StartArchive was refused", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_OpenTok_failure_is_a_502_naming_the_call_without_the_secret_or_a_stack_trace()
    {
        var room = await Server.RoomAsync("failing");
        Emulator.Faults = new FaultInjection { ServerErrorRate = 1 };

        using var start = await Server.StartArchiveAsync(room.SessionId);
        var startProblem = await ProblemAsync(start, 502);
        Assert.StartsWith("StartArchive failed: OpenTok answered 503", startProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var create = await Server.Http.GetAsync("room/new-room", Ct);
        var createProblem = await ProblemAsync(create, 502);
        Assert.StartsWith("CreateSession failed", createProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        Emulator.Faults = new FaultInjection { DropConnectionRate = 1 };
        using var list = await Server.Http.GetAsync("archive", Ct);
        var listProblem = await ProblemAsync(list, 502);
        Assert.StartsWith("ListArchives failed: OpenTok could not be reached", listProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        foreach (var problem in new[] { startProblem, createProblem, listProblem })
        {
            var text = problem.ToString();
            Assert.DoesNotContain(Emulator.ApiSecret, text, StringComparison.Ordinal);
            Assert.DoesNotContain("X-OPENTOK-AUTH", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Unknown_routes_are_a_404_problem()
    {
        using var response = await Server.Http.GetAsync("nothing/here", Ct);

        await ProblemAsync(response, 404);
    }
}
