using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using OpenTok.Refit.Emulator;
using static OpenTok.Refit.SampleServer.Tests.SampleServerHost;

namespace OpenTok.Refit.SampleServer.Tests;

/// <summary>
/// Oversized and malformed requests: each is a short 4xx problem, never a 500, never an echo of the whole input, never
/// a stack trace in the log.
/// </summary>
public sealed class RequestLimitTests() : SampleServerTestBase(seed: 9)
{
    /// <summary>The most a problem body may be here: a few sentences and a quote of at most about 100 characters.</summary>
    private const int ShortProblem = 1500;

    [Fact]
    public async Task A_long_session_id_is_quoted_short_in_the_problem()
    {
        var sessionId = new string('x', 60_000); // under the body limit, so it reaches the session id check

        using var response = await Server.StartArchiveAsync(sessionId);

        var text = (await ProblemAsync(response, 400)).ToString();
        Assert.True(text.Length < ShortProblem, $"{text.Length} characters: {text[..Math.Min(text.Length, 300)]}");
        Assert.Contains("not an OpenTok session id", text, StringComparison.Ordinal);
        Assert.Contains(new string('x', 90), text, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 120), text, StringComparison.Ordinal);
        Assert.Contains("60000 characters", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_archive_id_and_a_long_count_are_quoted_short()
    {
        using var archive = await Server.Http.GetAsync($"archive/{new string('a', 4000)}", Ct);
        using var list = await Server.Http.GetAsync($"archive?count={new string('9', 4000)}", Ct);

        foreach (var response in new[] { archive, list })
        {
            var text = (await ProblemAsync(response, 400)).ToString();
            Assert.True(text.Length < ShortProblem, $"{text.Length} characters");
            Assert.DoesNotContain(new string(text.Contains("aaaa", StringComparison.Ordinal) ? 'a' : '9', 120), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_10_MB_session_id_is_a_short_413_problem_not_a_20_MB_echo()
    {
        using var response = await Server.StartArchiveAsync(new string('x', 10 * 1024 * 1024));

        var text = (await ProblemAsync(response, 413)).ToString();
        Assert.True(text.Length < ShortProblem, $"{text.Length} characters");
        Assert.Contains("65536 bytes", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_40_MB_body_is_a_413_problem_not_a_500()
    {
        // Past Kestrel's own limit (30 MB) the unread rest of a body is not drained, so a client that pushes it all
        // without waiting sees the connection closed rather than the 413. A client sending that much asks first, with
        // Expect: 100-continue (curl does for large bodies), and gets the 413 before sending any of it.
        using var content = new ByteArrayContent(new byte[40 * 1024 * 1024]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "archive/start") { Content = content };
        request.Headers.ExpectContinue = true;

        using var response = await Server.Http.SendAsync(request, Ct);

        var text = (await ProblemAsync(response, 413)).ToString();
        Assert.Contains("41943040 bytes", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chunked_body_past_the_limit_is_a_413_problem()
    {
        // No Content-Length: the limit is only found out while reading.
        var body = Encoding.UTF8.GetBytes($$"""{"sessionId":"{{new string('x', 200_000)}}"}""");
        using var content = new StreamContent(new UnknownLengthStream(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await Server.Http.PostAsync("archive/start", content, Ct);

        Assert.True(response.Headers.TransferEncodingChunked, "the request should have been chunked");
        await ProblemAsync(response, 413);
    }

    public static TheoryData<string, string?, string, int, string> MalformedBodies() => new()
    {
        // name, Content-Type header (null = none), body, status, words the problem must contain
        { "bogus charset", "application/json; charset=bogus", """{"sessionId":"x"}""", 415, "UTF-8" },
        { "UTF-16 charset", "application/json; charset=utf-16", """{"sessionId":"x"}""", 415, "UTF-8" },
        { "plain text", "text/plain", """{"sessionId":"x"}""", 415, "application/json" },
        { "a form", "application/x-www-form-urlencoded", "sessionId=x", 415, "application/json" },
        { "no Content-Type with a body", null, """{"sessionId":"x"}""", 415, "application/json" },
        { "a charset without a value", "application/json; charset", """{"sessionId":"x"}""", 415, "Content-Type" },
        { "an unparsable Content-Type", "application/", """{"sessionId":"x"}""", 415, "Content-Type" },
        { "empty JSON body", "application/json", "", 400, "empty" },
        { "invalid UTF-8", "application/json", "{\"sessionId\":\"\xFF\xFE\"}", 400, "not valid JSON" },
        { "a JSON array", "application/json", """["x"]""", 400, "not valid JSON" },
        { "a number for sessionId", "application/json", """{"sessionId":5}""", 400, "not valid JSON" },
        { "nested too deep", "application/json", """{"a":""" + new string('[', 100) + new string(']', 100) + "}", 400, "not valid JSON" },
        { "trailing garbage", "application/json", """{"sessionId":"x"} x""", 400, "not valid JSON" },
        { "JSON null", "application/json", "null", 400, "JSON body" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task A_malformed_body_is_a_4xx_problem_and_no_error_in_the_log(string name, string? contentType, string body, int status, string words)
    {
        // Latin-1 keeps the \xFF\xFE above as the two raw bytes: invalid UTF-8.
        using var content = new ByteArrayContent(Encoding.Latin1.GetBytes(body));
        if (contentType is not null)
        {
            Assert.True(content.Headers.TryAddWithoutValidation("Content-Type", contentType), name);
        }

        using var response = await Server.Http.PostAsync("archive/start", content, Ct);

        var problem = await ProblemAsync(response, status);
        Assert.True(problem.ToString().Contains(words, StringComparison.Ordinal), $"{name}: {problem}");
        Assert.DoesNotContain(Logs.Lines, l => l.Level >= LogLevel.Error);
        Assert.Equal(0, Emulator.Statistics.ArchivesStarted);
    }

    /// <summary>A stream whose length is unknown, so HttpClient sends it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
