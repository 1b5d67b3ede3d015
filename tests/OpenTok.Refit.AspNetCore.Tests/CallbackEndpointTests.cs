using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTok.Refit.Tests;
using OpenTok.Refit.Tests.Events;

namespace OpenTok.Refit.AspNetCore.Tests;

/// <summary>
/// <c>MapOpenTokCallbacks</c> over real HTTP: typed events reach the handlers and the service gets 200; bodies that
/// are too large, not JSON, or not events are refused with 413, 415 and 400 without reaching a handler or being echoed;
/// a failing handler answers 500 so the service retries.
/// </summary>
public sealed class CallbackEndpointTests
{
    private const string ConnectionCreated = """
        {
            "sessionId": "2_MX4xMzExMjU3MX5-MTQ3MDI1NzY3OTkxOH45QXRr",
            "projectId": "123456",
            "event": "connectionCreated",
            "timestamp": 1470257688309,
            "connection": { "id": "c053fcc8-c681-41d5-8ec2-7a9e1434a21e", "createdAt": 1470257688143, "data": "TOKENDATA" }
        }
        """;

    private const string ArchiveAvailable = """
        {"id":"b40ef09b-3811-4726-b508-e41a0f96c68f","event":"archive","createdAt":1384221380000,"duration":328,"name":"Foo","partnerId":123456,
         "reason":"","resolution":"640x480","sessionId":"2_MX40NzIwMzJ","size":18023312,"status":"available","url":"https://example.com/archive.mp4"}
        """;

    [Fact]
    public async Task A_documented_event_reaches_the_registered_handler_typed_and_the_service_gets_200()
    {
        await using var server = await CallbackServer.StartAsync(services => services.AddOpenTokEventHandler<RecordingHandler>());

        using var response = await server.Client.PostAsync("opentok/events", Json(ConnectionCreated));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.IsType<ConnectionEvent>(Assert.Single(server.Received));
        Assert.Equal(OpenTokEventKind.ConnectionCreated, received.Kind);
        Assert.Equal(("c053fcc8-c681-41d5-8ec2-7a9e1434a21e", "TOKENDATA", "123456"), (received.Connection.Id, received.Connection.Data, received.ProjectId));
        Assert.Equal(ConnectionCreated, received.RawJson);
    }

    [Fact]
    public async Task Every_registered_handler_gets_every_event_in_registration_order()
    {
        await using var server = await CallbackServer.StartAsync(services => services
            .AddOpenTokEventHandler<RecordingHandler>()
            .AddOpenTokEventHandler<SecondRecordingHandler>()
            .AddOpenTokEventHandler<RecordingHandler>());

        using var first = await server.Client.PostAsync("opentok/events", Json(ArchiveAvailable));
        using var second = await server.Client.PostAsync("opentok/events", Json(ConnectionCreated));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(["archive", "second:archive", "connectionCreated", "second:connectionCreated"], server.Received.Select(e => e.Kind.Value));
    }

    [Fact]
    public async Task The_delegate_overload_needs_no_registered_handler()
    {
        var received = new ConcurrentQueue<OpenTokEvent>();
        await using var server = await CallbackServer.StartAsync(map: app => app.MapOpenTokCallbacks("/hooks/archives", (e, _) =>
        {
            received.Enqueue(e);
            return Task.CompletedTask;
        }));

        using var response = await server.Client.PostAsync("hooks/archives", Json(ArchiveAvailable));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var archive = Assert.IsType<ArchiveStatusEvent>(Assert.Single(received));
        Assert.Equal((ArchiveStatus.Available, "123456", TimeSpan.FromSeconds(328)), (archive.Status, archive.ProjectId, archive.Duration));
    }

    [Fact]
    public async Task An_unknown_kind_is_acknowledged_and_handed_on_as_an_UnknownEvent()
    {
        await using var server = await CallbackServer.StartAsync(services => services.AddOpenTokEventHandler<RecordingHandler>());
        const string body = """{"event":"whiteboardOpened","sessionId":"s","board":{"id":1}}""";

        using var response = await server.Client.PostAsync("opentok/events", Json(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var unknown = Assert.IsType<UnknownEvent>(Assert.Single(server.Received));
        Assert.Equal(("whiteboardOpened", body), (unknown.Kind.Value, unknown.RawJson));
    }

    [Fact]
    public async Task Mapping_without_any_handler_fails_at_startup_saying_what_to_register()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => CallbackServer.StartAsync());

        Assert.Contains("AddOpenTokEventHandler", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handler_that_throws_answers_500_so_the_service_retries_without_saying_why()
    {
        await using var server = await CallbackServer.StartAsync(services => services
            .AddOpenTokEventHandler<RecordingHandler>()
            .AddOpenTokEventHandler<FailingHandler>());

        using var response = await server.Client.PostAsync("opentok/events", Json(ConnectionCreated));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("database", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task Failures_are_logged_with_the_kind_and_session_never_with_the_body()
    {
        var logs = new CapturingLoggerProvider();
        await using var server = await CallbackServer.StartAsync(services => services
            .AddSingleton<ILoggerProvider>(logs)
            .AddOpenTokEventHandler<FailingHandler>());

        using var failed = await server.Client.PostAsync("opentok/events", Json(ConnectionCreated));
        using var malformed = await server.Client.PostAsync("opentok/events", Json("{\"TOKENDATA\": oops"));

        var lines = logs.Lines.Where(line => line.Contains("OpenTok.Refit.Callbacks", StringComparison.Ordinal)).ToList();
        Assert.Contains(lines, line => line.StartsWith("Error", StringComparison.Ordinal)
            && line.Contains("connectionCreated", StringComparison.Ordinal)
            && line.Contains("2_MX4xMzExMjU3MX5-MTQ3MDI1NzY3OTkxOH45QXRr", StringComparison.Ordinal)
            && line.Contains("The database is down.", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("Information", StringComparison.Ordinal) && line.Contains("400", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("TOKENDATA", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_POST_is_mapped()
    {
        await using var server = await CallbackServer.StartAsync(services => services.AddOpenTokEventHandler<RecordingHandler>());

        using var response = await server.Client.GetAsync("opentok/events");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData(1024, HttpStatusCode.OK)]
    [InlineData(1025, HttpStatusCode.RequestEntityTooLarge)]
    [InlineData(1_000_000, HttpStatusCode.RequestEntityTooLarge)]
    public async Task Bodies_larger_than_MaxBodySize_are_refused_with_413_whether_or_not_their_length_is_declared(int size, HttpStatusCode expected)
    {
        await using var server = await CallbackServer.StartAsync(services => services
            .AddOpenTokEventHandler<RecordingHandler>()
            .AddOpenTokCallbacks(options => options.MaxBodySize = 1024));
        var body = PaddedEvent(size);

        using var declared = await server.Client.PostAsync("opentok/events", Json(body));
        using var chunked = await server.Client.PostAsync("opentok/events", new ChunkedJson(body));

        Assert.Equal((expected, expected), (declared.StatusCode, chunked.StatusCode));
        Assert.Equal(expected == HttpStatusCode.OK ? 2 : 0, server.Received.Count);
    }

    [Fact]
    public async Task The_default_limit_is_64_KiB()
    {
        await using var server = await CallbackServer.StartAsync(services => services.AddOpenTokEventHandler<RecordingHandler>());

        using var atLimit = await server.Client.PostAsync("opentok/events", Json(PaddedEvent(64 * 1024)));
        using var over = await server.Client.PostAsync("opentok/events", Json(PaddedEvent(64 * 1024 + 1)));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.RequestEntityTooLarge), (atLimit.StatusCode, over.StatusCode));
    }

    [Theory]
    [InlineData("{\"event\":\"archive\",")]
    [InlineData("[1,2,3]")]
    [InlineData("")]
    [InlineData("{\"event\":\"archive\",\"size\":\"big\"}")]
    public async Task A_body_that_is_not_an_event_is_refused_with_400_saying_why_without_echoing_it(string prefix)
    {
        await using var server = await CallbackServer.StartAsync(services => services.AddOpenTokEventHandler<RecordingHandler>());
        var marker = "ECHO-" + new string('z', 2_000);
        var body = prefix.Length == 0 ? "" : prefix.StartsWith('[') ? $"[\"{marker}\"]" : prefix.EndsWith(',') ? prefix + $"\"{marker}\" !" : prefix.Replace("\"big\"", $"\"{marker}\"", StringComparison.Ordinal);

        using var response = await server.Client.PostAsync("opentok/events", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var answer = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("ECHO", answer, StringComparison.Ordinal);
        Assert.True(answer.Length is > 10 and < 300, answer);
        Assert.Empty(server.Received);
    }

    [Theory]
    [InlineData("text/plain", null)]
    [InlineData("application/x-www-form-urlencoded", null)]
    [InlineData("application/json", "iso-8859-1")]
    [InlineData(null, null)]
    public async Task A_body_that_is_not_JSON_is_refused_with_415(string? mediaType, string? charset)
    {
        await using var server = await CallbackServer.StartAsync(services => services.AddOpenTokEventHandler<RecordingHandler>());
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(ConnectionCreated));
        if (mediaType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = charset };
        }

        using var response = await server.Client.PostAsync("opentok/events", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(server.Received);
    }

    [Theory]
    [InlineData("application/json", null)]
    [InlineData("application/json", "UTF-8")]
    [InlineData("Application/JSON", "utf-8")]
    [InlineData("application/vnd.vonage+json", null)]
    public async Task JSON_media_types_in_UTF8_are_accepted(string mediaType, string? charset)
    {
        await using var server = await CallbackServer.StartAsync(services => services.AddOpenTokEventHandler<RecordingHandler>());
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(ConnectionCreated));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = charset };

        using var response = await server.Client.PostAsync("opentok/events", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Invalid_options_stop_the_app_at_startup_naming_the_option()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => CallbackServer.StartAsync(services => services
            .AddOpenTokEventHandler<RecordingHandler>()
            .AddOpenTokCallbacks(options => options.MaxBodySize = 0)));

        Assert.Contains("MaxBodySize", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A session event padded with an unknown field to exactly <paramref name="size"/> bytes.</summary>
    internal static string PaddedEvent(int size)
    {
        const string head = """{"event":"sessionCreated","sessionId":"s","padding":" """;
        const string tail = "\"}";
        return head + new string('p', size - Encoding.UTF8.GetByteCount(head) - tail.Length) + tail;
    }

    internal static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>A JSON body sent without Content-Length (chunked), so the endpoint cannot refuse it before reading.</summary>
    private sealed class ChunkedJson : HttpContent
    {
        private readonly byte[] _body;

        public ChunkedJson(string body)
        {
            _body = Encoding.UTF8.GetBytes(body);
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
