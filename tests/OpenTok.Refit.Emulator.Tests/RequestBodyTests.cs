using System.Net;
using System.Net.Http.Headers;
using System.Text;
using OpenTok.Refit.Http;
using static OpenTok.Refit.Emulator.Tests.Support;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>
/// Oversized and malformed requests, straight on the wire: each is a 4xx with the error body (413 past
/// <see cref="OpenTokEmulator.MaxRequestBodySize"/>), its message quotes at most about 100 characters of any input,
/// and none is ever a 500.
/// </summary>
public sealed class RequestBodyTests : IAsyncLifetime
{
    private const int Limit = OpenTokEmulator.MaxRequestBodySize;
    private const string Archive = "00000000-0000-0000-0000-000000000001";

    private OpenTokEmulator _emulator = null!;
    private string _routed = "";
    private string _manualArchive = "";

    public async ValueTask InitializeAsync()
    {
        _emulator = await StartAsync();
        using var client = _emulator.CreateClient();
        _routed = (await client.RoutedSessionAsync()).SessionId;
        _manualArchive = (await client.Archives.StartAsync(_routed, new ArchiveOptions { StreamMode = StreamMode.Manual, MultiArchiveTag = "manual" }, Ct)).Id;
    }

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();

    [Fact]
    public async Task A_body_of_exactly_the_limit_is_accepted()
    {
        var json = $$"""{"sessionId":"{{_routed}}"}""";
        json = json.PadRight(Limit); // JSON allows trailing whitespace

        using var response = await _emulator.SendAsync(HttpMethod.Post, _emulator.ArchivePath(), json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("10 MB sessionId", 10_000_000)]
    [InlineData("40 MB body", 40_000_000)]
    [InlineData("one byte over", 0)]
    public async Task A_JSON_body_over_the_limit_is_413_with_a_short_error_body(string name, int size)
    {
        var json = size == 0 ? $$"""{"sessionId":"{{_routed}}"}""".PadRight(Limit + 1) : $$"""{"sessionId":"{{new string('x', size)}}"}""";

        using var response = await _emulator.SendAsync(HttpMethod.Post, _emulator.ArchivePath(), json);

        await AssertErrorAsync(response, 413, name);
    }

    [Fact]
    public async Task A_form_over_the_limit_is_413()
    {
        using var response = await SendAsync(HttpMethod.Post, "session/create", "application/x-www-form-urlencoded", "location=" + new string('x', 5_000_000));

        await AssertErrorAsync(response, 413, "a 5 MB form value");
    }

    public static TheoryData<string, string> Routes() => new()
    {
        { "POST", "session/create" },
        { "POST", "v2/project/KEY/archive" },
        { "GET", "v2/project/KEY/archive" },
        { "GET", $"v2/project/KEY/archive/{Archive}" },
        { "POST", $"v2/project/KEY/archive/{Archive}/stop" },
        { "DELETE", $"v2/project/KEY/archive/{Archive}" },
        { "PUT", $"v2/project/KEY/archive/{Archive}/layout" },
        { "PATCH", $"v2/project/KEY/archive/{Archive}/streams" },
        { "PUT", "v2/project/KEY/archive/storage" },
        { "DELETE", "v2/project/KEY/archive/storage" },
        { "GET", $"media/{Archive}/archive.mp4" },
        { "POST", "no/such/endpoint" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Every_route_answers_413_past_the_limit_whether_the_length_is_declared_or_chunked(string method, string path)
    {
        path = path.Replace("KEY", _emulator.ApiKey, StringComparison.Ordinal);
        var body = Encoding.UTF8.GetBytes(new string(' ', Limit + 1));

        using (var declared = await SendAsync(new HttpMethod(method), path, "application/json", new ByteArrayContent(body)))
        {
            await AssertErrorAsync(declared, 413, $"{method} {path} with Content-Length");
        }

        // A stream of unknown length goes chunked.
        using var chunked = await SendAsync(new HttpMethod(method), path, "application/json", new StreamContent(new UnknownLengthStream(body)));
        await AssertErrorAsync(chunked, 413, $"{method} {path} chunked");
    }

    public static TheoryData<string, string, string, string, string?, int> LongInputs() => new()
    {
        // name, method, path, content type, body, status. LONG is 60,000 x's in a body, SHORTLONG 7,000 in a path or
        // header (under Kestrel's request line and header limits), LONGSESSION a well-formed session id of about 500 characters (the most the service's format holds).
        { "sessionId", "POST", "v2/project/KEY/archive", "application/json", """{"sessionId":"LONG"}""", 400 },
        { "unknown session", "POST", "v2/project/KEY/archive", "application/json", """{"sessionId":"LONGSESSION"}""", 404 },
        { "streamMode", "POST", "v2/project/KEY/archive", "application/json", """{"sessionId":"ROUTED","streamMode":"LONG"}""", 400 },
        { "layout type", "PUT", $"v2/project/KEY/archive/{Archive}/layout", "application/json", """{"type":"LONG"}""", 400 },
        { "removeStream", "PATCH", "v2/project/KEY/archive/MANUAL/streams", "application/json", """{"removeStream":"LONG"}""", 404 },
        { "storage type", "PUT", "v2/project/KEY/archive/storage", "application/json", """{"type":"LONG","config":{}}""", 400 },
        { "location", "POST", "session/create", "application/x-www-form-urlencoded", "location=LONG", 400 },
        { "p2p.preference", "POST", "session/create", "application/x-www-form-urlencoded", "p2p.preference=LONG", 400 },
        { "archiveResolution", "POST", "session/create", "application/x-www-form-urlencoded", "archiveMode=always&archiveResolution=LONG", 400 },
        { "archive id", "GET", "v2/project/KEY/archive/SHORTLONG", "application/json", null, 400 },
        { "count", "GET", "v2/project/KEY/archive?count=SHORTLONG", "application/json", null, 400 },
        { "path key", "GET", "v2/project/SHORTLONG/archive", "application/json", null, 403 },
        { "unknown path", "GET", "v2/SHORTLONG", "application/json", null, 404 },
        { "content type", "POST", "v2/project/KEY/archive", "text/SHORTLONG", "{}", 400 },
    };

    [Theory]
    [MemberData(nameof(LongInputs))]
    public async Task An_error_quotes_at_most_about_100_characters_of_a_long_input(string name, string method, string path, string contentType, string? body, int status)
    {
        path = path.Replace("KEY", _emulator.ApiKey, StringComparison.Ordinal).Replace("MANUAL", _manualArchive, StringComparison.Ordinal)
            .Replace("SHORTLONG", new string('x', 7_000), StringComparison.Ordinal);
        contentType = contentType.Replace("SHORTLONG", new string('x', 7_000), StringComparison.Ordinal);
        var longSession = Tokens.SessionId.Create(_emulator.ApiKey, new string('x', 300), DateTimeOffset.UtcNow, 0.5);
        body = body?.Replace("LONGSESSION", longSession, StringComparison.Ordinal).Replace("ROUTED", _routed, StringComparison.Ordinal)
            .Replace("LONG", new string('x', 60_000), StringComparison.Ordinal);

        using var response = await SendAsync(new HttpMethod(method), path, contentType, body);

        await AssertErrorAsync(response, status, name, longSession);
    }

    public static TheoryData<string, string, string, string, int> MalformedBodies() => new()
    {
        // name, path, content type, body ("ROUTED": a routed session id), status
        { "JSON with a bogus charset", "v2/project/KEY/archive", "application/json; charset=bogus", """{"sessionId":"ROUTED"}""", 400 },
        { "JSON in UTF-16", "v2/project/KEY/archive", "application/json; charset=utf-16", """{"sessionId":"ROUTED"}""", 400 },
        { "form with a bogus charset", "session/create", "application/x-www-form-urlencoded; charset=bogus", "p2p.preference=disabled", 400 },
        { "form in UTF-7", "session/create", "application/x-www-form-urlencoded; charset=utf-7", "p2p.preference=disabled", 400 },
        { "JSON cut short", "v2/project/KEY/archive", "application/json", """{"sessionId":"ROUT""", 400 },
        { "JSON not JSON", "v2/project/KEY/archive", "application/json", "sessionId=ROUTED", 400 },
        { "JSON nested too deep", "v2/project/KEY/archive", "application/json", new string('[', 1000), 400 },
        { "JSON that is not UTF-8", "v2/project/KEY/archive", "application/json", "{\"sessionId\":\"\u00ff\"}", 400 },
        { "form as multipart without a boundary", "session/create", "multipart/form-data", "p2p.preference=disabled", 400 },
        { "form as multipart with a broken body", "session/create", "multipart/form-data; boundary=xyz", "--xyz\r\nnot a part", 400 },
        { "form with a field name too long", "session/create", "application/x-www-form-urlencoded", new string('k', 3_000) + "=1", 413 },
        { "form with too many fields", "session/create", "application/x-www-form-urlencoded", string.Join('&', Enumerable.Repeat("a=1", 2_000)), 413 },
        { "form sent as JSON", "session/create", "application/json", """{"p2p.preference":"disabled"}""", 400 },
        { "JSON sent as a form", "v2/project/KEY/archive", "application/x-www-form-urlencoded", "sessionId=ROUTED", 400 },
        { "JSON sent as text", "v2/project/KEY/archive", "text/plain", """{"sessionId":"ROUTED"}""", 400 },
        { "a content type that does not parse", "v2/project/KEY/archive", "application/json;;;=", """{"sessionId":"ROUTED"}""", 400 },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task A_malformed_body_is_a_4xx_with_the_error_body(string name, string path, string contentType, string body, int status)
    {
        path = path.Replace("KEY", _emulator.ApiKey, StringComparison.Ordinal);
        body = body.Replace("ROUTED", _routed, StringComparison.Ordinal);

        // One byte per character, whatever the content type claims: so \u00ff is a byte that is not UTF-8.
        using var response = await SendAsync(HttpMethod.Post, path, contentType, new ByteArrayContent(Encoding.Latin1.GetBytes(body)));

        await AssertErrorAsync(response, status, name);
    }

    [Fact]
    public async Task A_body_cut_short_is_408_with_the_error_body_once_Kestrel_stops_waiting_for_the_rest()
    {
        // Three at once, as each waits out Kestrel's grace period for slow bodies (MinRequestBodyDataRate, 5 s).
        var answers = await Task.WhenAll(
            SendCutShortAsync(_emulator.ArchivePath(), "application/json", "Content-Length: 100", "{\"sessionId\":\"1_abc", endSending: false),
            SendCutShortAsync(_emulator.ArchivePath(), "application/json", "Transfer-Encoding: chunked", "64\r\n{\"sessionId\":", endSending: false),
            SendCutShortAsync("session/create", "application/x-www-form-urlencoded", "Content-Length: 100", "p2p.preference=dis", endSending: false));

        foreach (var answer in answers)
        {
            Assert.NotNull(answer);
            Assert.Equal(408, answer.StatusCode);
            Assert.Contains("\"code\":408", answer.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_client_that_hangs_up_mid_body_is_not_logged_or_counted_as_an_injected_drop()
    {
        // Kestrel takes the end of the client's sending as the client leaving, so no answer reaches it. Whether the
        // log line says "aborted by client" or the status of the answer that went nowhere depends on when Kestrel
        // tells the request (on another thread); it never says "dropped", which means the emulator did it.
        using var text = new StringWriter();
        var log = TextWriter.Synchronized(text);
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { RequestLog = log });
        _ = await SendCutShortAsync(emulator, emulator.ArchivePath(), "application/json", "Content-Length: 100", "{\"sessionId\":\"1_abc", endSending: true);

        for (var i = 0; i < 200 && !Read().Contains('\n', StringComparison.Ordinal); i++)
        {
            await Task.Delay(25, Ct);
        }

        var line = Assert.Single(Read().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"POST /{emulator.ArchivePath()} -> ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("dropped", line, StringComparison.Ordinal);
        Assert.Equal(0, emulator.Statistics.ConnectionsDropped);

        string Read()
        {
            lock (log)
            {
                return text.ToString();
            }
        }
    }

    private Task<RawHttpResponse?> SendCutShortAsync(string path, string contentType, string framing, string partialBody, bool endSending) =>
        SendCutShortAsync(_emulator, path, contentType, framing, partialBody, endSending);

    /// <summary>Sends headers announcing more body than follows, then waits for an answer (after telling the server it has stopped sending, if asked).</summary>
    private static async Task<RawHttpResponse?> SendCutShortAsync(OpenTokEmulator emulator, string path, string contentType, string framing, string partialBody, bool endSending)
    {
        using var connection = await RawHttpConnection.OpenAsync(emulator.BaseAddress);
        await connection.SendAsync(
            $"POST /{path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{OpenTokAuthHandler.AuthHeaderName}: {emulator.Jwt()}\r\nAccept: application/json\r\nContent-Type: {contentType}\r\n{framing}\r\n\r\n",
            Encoding.ASCII.GetBytes(partialBody));
        if (endSending)
        {
            connection.EndSending();
        }

        return await connection.ReadResponseAsync();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string contentType, string? body) =>
        await SendAsync(method, path, contentType, body is null ? null : new ByteArrayContent(Encoding.UTF8.GetBytes(body)));

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string contentType, HttpContent? content)
    {
        using var client = _emulator.RawClient();
        using var request = _emulator.Request(method, path);
        if (content is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            request.Content = content;
        }

        return await client.SendAsync(request, Ct);
    }

    /// <summary>The status, the error body with the same code, and a message that quotes no more than about 100 characters of any input (runs of x, and <paramref name="inputs"/>).</summary>
    private static async Task AssertErrorAsync(HttpResponseMessage response, int status, string name, params string[] inputs)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(status == (int)response.StatusCode, $"{name}: expected {status}, got {(int)response.StatusCode}: {text[..Math.Min(text.Length, 300)]}");
        Assert.Equal(new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" }, response.Content.Headers.ContentType);
        var error = await response.ErrorAsync();
        Assert.Equal(status, error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.True(error.Message.Length <= 400, $"{name}: a message of {error.Message.Length} characters: {error.Message[..Math.Min(300, error.Message.Length)]}…");
        Assert.DoesNotContain(new string('x', 101), error.Message, StringComparison.Ordinal);
        for (var i = 0; i + 101 <= error.Message.Length; i++)
        {
            var window = error.Message.Substring(i, 101);
            Assert.DoesNotContain(inputs, input => input.Contains(window, StringComparison.Ordinal));
        }
    }

    /// <summary>A stream that does not tell its length, so HttpClient sends it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
