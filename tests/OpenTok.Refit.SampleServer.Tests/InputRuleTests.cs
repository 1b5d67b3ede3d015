using System.Net;
using OpenTok.Refit.Emulator;
using static OpenTok.Refit.SampleServer.Tests.SampleServerHost;

namespace OpenTok.Refit.SampleServer.Tests;

/// <summary>
/// What the server accepts as an archive id, a room name and a number, exactly: no whitespace around ids, no invisible or
/// direction-changing characters in names, one room per name whatever its Unicode form, and no two spellings of a slash.
/// Paths are written here already percent-encoded, so each test says exactly what goes on the wire.
/// </summary>
public sealed class InputRuleTests() : SampleServerTestBase(seed: 7)
{
    [Theory]
    [InlineData("{0}%0D%0A")]
    [InlineData("{0}%20")]
    [InlineData("%20{0}")]
    [InlineData("%09{0}")]
    public async Task An_archive_id_with_whitespace_around_it_is_not_an_archive_id(string format)
    {
        var room = await Server.RoomAsync("spaced");
        var archive = await ArchiveAsync(await Server.StartArchiveAsync(room.SessionId));
        var id = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, archive.Id);

        using var get = await Server.Http.GetAsync($"archive/{id}", Ct);
        using var view = await Server.Http.GetAsync($"archive/{id}/view", Ct);
        using var stop = await Server.Http.PostAsync($"archive/{id}/stop", null, Ct);

        foreach (var response in new[] { get, view, stop })
        {
            var problem = await ProblemAsync(response, 400);
            Assert.Contains("not an archive id", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(ArchiveStatus.Started, Assert.Single(Emulator.Archives).Status); // the stop never reached OpenTok
    }

    public static TheoryData<string, string> RejectedRoomNames() => new()
    {
        // what it is, the name as it goes on the wire
        { "zero-width space U+200B (Cf)", "a%E2%80%8Bb" },
        { "right-to-left override U+202E (Cf)", "%E2%80%AEevil" },
        { "byte order mark U+FEFF (Cf)", "%EF%BB%BFroom" },
        { "soft hyphen U+00AD (Cf)", "a%C2%ADb" },
        { "bell U+0007 (Cc)", "a%07b" },
        { "line separator U+2028 (Zl)", "a%E2%80%A8b" },
        { "no-break space U+00A0", "a%C2%A0b" },
        { "private use U+E000 (Co)", "a%EE%80%80b" },
        { "unassigned U+0378 (Cn)", "a%CD%B8b" },
        { "a leading space", "%20room" },
        { "a trailing space", "room%20" },
        { "an encoded slash", "a%2Fb" },
        { "a percent sign", "a%252Fb" },
        { "81 characters", new string('r', 81) },
        { "not UTF-8", "a%FFb" },
    };

    [Theory]
    [MemberData(nameof(RejectedRoomNames))]
    public async Task A_room_name_with_invisible_direction_changing_or_ambiguous_characters_is_a_400(string what, string path)
    {
        using var response = await Server.Http.GetAsync($"room/{path}", Ct);

        var problem = await ProblemAsync(response, 400);
        Assert.True(problem.GetProperty("detail").GetString()!.Contains("room name", StringComparison.Ordinal), $"{what}: {problem}");
        Assert.Equal(0, Emulator.Statistics.SessionsCreated);
    }

    [Fact]
    public async Task An_encoded_slash_and_an_encoded_percent_sign_are_not_the_same_room()
    {
        // Kestrel leaves %2F encoded in the path, so both of these used to reach the route as the name "a%2Fb".
        using var slash = await Server.Http.GetAsync("room/a%2Fb", Ct);
        using var percent = await Server.Http.GetAsync("room/a%252Fb", Ct);

        await ProblemAsync(slash, 400);
        await ProblemAsync(percent, 400);
        Assert.Empty(Emulator.Sessions);
    }

    [Fact]
    public async Task A_name_is_one_room_whatever_its_Unicode_normalization_form()
    {
        var composed = await Server.RoomAsync("caf\u00E9");     // é as one code point (NFC)
        var decomposed = await Server.RoomAsync("cafe\u0301");  // e + combining acute accent (NFD)

        Assert.Equal(composed.SessionId, decomposed.SessionId);
        Assert.Equal(1, Emulator.Statistics.SessionsCreated);
        var archive = await ArchiveAsync(await Server.StartArchiveAsync(decomposed.SessionId));
        Assert.Equal("caf\u00E9", archive.Name);
    }

    [Fact]
    public async Task The_length_limit_counts_the_normalized_name()
    {
        // 80 é written decomposed are 160 UTF-16 units on the wire, 80 characters once composed: within the limit.
        var name = string.Concat(Enumerable.Repeat("e\u0301", 80));

        var room = await Server.RoomAsync(name);

        Assert.Equal(1, Emulator.Statistics.SessionsCreated);
        Assert.Equal(room.SessionId, (await Server.RoomAsync(new string('\u00E9', 80))).SessionId);
    }

    [Fact]
    public async Task Names_in_other_scripts_with_punctuation_emoji_and_inner_spaces_are_rooms()
    {
        foreach (var name in new[] { "Sala de reunião", "会议室 2", "room #1 (test)!", "🎉 party", "Ünïcödé" })
        {
            using var response = await Server.Http.GetAsync($"room/{Uri.EscapeDataString(name)}", Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        }
    }

    [Theory]
    [InlineData("count=%205")]
    [InlineData("count=5%20")]
    [InlineData("count=%2B5")]
    [InlineData("offset=%0A1")]
    public async Task Numbers_in_the_query_are_digits_only(string query)
    {
        using var response = await Server.Http.GetAsync($"archive?{query}", Ct);

        var problem = await ProblemAsync(response, 400);
        Assert.Contains("must be a whole number", problem.ToString(), StringComparison.Ordinal);
    }
}
