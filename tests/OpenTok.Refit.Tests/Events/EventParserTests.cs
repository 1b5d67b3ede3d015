using System.Text;

namespace OpenTok.Refit.Tests.Events;

/// <summary>
/// The parser's rules beyond the documented payloads: unknown kinds and fields never throw, times in seconds or
/// milliseconds, ids as numbers or strings, and a typed error that never echoes the body for anything not JSON.
/// </summary>
public sealed class EventParserTests
{
    [Fact]
    public void An_unknown_kind_is_an_UnknownEvent_that_keeps_the_raw_body()
    {
        const string json = """{"event":"whiteboardOpened","sessionId":"s-1","board":{"id":7}}""";

        var parsed = OpenTokEvent.Parse(json);

        var unknown = Assert.IsType<UnknownEvent>(parsed);
        Assert.Equal(new OpenTokEventKind("whiteboardOpened"), unknown.Kind);
        Assert.False(unknown.Kind.IsKnown);
        Assert.Equal("s-1", unknown.SessionId);
        Assert.Equal(json, unknown.RawJson);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"hello":"world"}""")]
    [InlineData("""{"event":42,"sessionId":"s"}""")]
    [InlineData("""{"event":null}""")]
    [InlineData("""{"event":"futureThing","timestamp":"not a time","projectId":{"nested":true}}""")]
    public void Objects_that_are_no_known_event_parse_as_UnknownEvent_whatever_their_fields_hold(string json)
    {
        var parsed = OpenTokEvent.Parse(json);

        Assert.IsType<UnknownEvent>(parsed);
        Assert.Equal(json, parsed.RawJson);
    }

    [Fact]
    public void Unknown_fields_are_ignored_at_every_level_and_kept_in_the_raw_body()
    {
        const string json = """
            {"event":"connectionCreated","sessionId":"s","projectId":"1","timestamp":1470257688309,"region":"eu",
             "connection":{"id":"c","createdAt":1470257688143,"data":"d","platform":{"os":"web"},"tags":[1,2]},"extra":[{"a":null}]}
            """;

        var parsed = Assert.IsType<ConnectionEvent>(OpenTokEvent.Parse(json));

        Assert.Equal(("c", "d"), (parsed.Connection.Id, parsed.Connection.Data));
        Assert.Contains("\"platform\"", parsed.RawJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_values_of_known_fields_are_kept()
    {
        var parsed = Assert.IsType<StreamEvent>(OpenTokEvent.Parse("""
            {"event":"streamDestroyed","sessionId":"s","reason":"teleported","stream":{"id":"x","videoType":"hologram"}}
            """));

        Assert.Equal(("teleported", false), (parsed.Reason!.Value.Value, parsed.Reason.Value.IsKnown));
        Assert.Equal("hologram", parsed.Stream.VideoType!.Value.Value);
    }

    [Theory]
    [InlineData(1470257688309L)]
    [InlineData(1470257688L)]
    public void Timestamps_in_milliseconds_and_in_seconds_read_as_the_same_time(long timestamp)
    {
        var parsed = OpenTokEvent.Parse($$"""{"event":"sessionCreated","sessionId":"s","timestamp":{{timestamp}}}""");

        Assert.Equal(1470257688, parsed.Timestamp!.Value.ToUnixTimeSeconds());
    }

    [Fact]
    public void Seconds_and_milliseconds_are_told_apart_at_one_hundred_billion()
    {
        var seconds = OpenTokEvent.Parse("""{"event":"sessionCreated","timestamp":99999999999}""").Timestamp;
        var milliseconds = OpenTokEvent.Parse("""{"event":"sessionCreated","timestamp":100000000000}""").Timestamp;

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(99_999_999_999), seconds);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(100_000_000_000), milliseconds);
    }

    [Fact]
    public void Nested_times_accept_seconds_too()
    {
        var parsed = Assert.IsType<SipCallEvent>(OpenTokEvent.Parse("""{"event":"callCreated","call":{"id":"c","connectionId":"k","createdAt":1470257688}}"""));

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1470257688), parsed.Call.CreatedAt);
    }

    [Theory]
    [InlineData("""{"event":"sessionCreated","projectId":"123456"}""", "123456")]
    [InlineData("""{"event":"sessionCreated","projectId":123456}""", "123456")]
    [InlineData("""{"event":"archive","id":"a","status":"started","partnerId":123456}""", "123456")]
    [InlineData("""{"event":"archive","id":"a","status":"started","partnerId":"123456"}""", "123456")]
    [InlineData("""{"event":"archive","id":"a","status":"started","projectId":"1","partnerId":2}""", "1")]
    [InlineData("""{"event":"sessionCreated"}""", null)]
    public void The_project_id_comes_from_projectId_or_partnerId_as_a_string(string json, string? expected) =>
        Assert.Equal(expected, OpenTokEvent.Parse(json).ProjectId);

    [Fact]
    public void A_SIP_reason_code_written_as_a_number_still_reads_as_text()
    {
        var parsed = Assert.IsType<SipCallEvent>(OpenTokEvent.Parse("""{"event":"callDestroyed","reason_code":700,"reason_message":"Normal Clearing"}"""));

        Assert.Equal(("700", "Normal Clearing"), (parsed.ReasonCode, parsed.ReasonMessage));
    }

    [Fact]
    public void Captions_ids_read_under_either_name()
    {
        var withStartAnswerName = Assert.IsType<CaptionsStatusEvent>(OpenTokEvent.Parse("""{"captionsId":"c-2","status":"started"}"""));
        var withCallbackName = Assert.IsType<CaptionsStatusEvent>(OpenTokEvent.Parse("""{"captionId":"c-1","status":"failed"}"""));

        Assert.Equal(("c-2", CaptionsStatus.Started, OpenTokEventKind.Captions), (withStartAnswerName.CaptionsId, withStartAnswerName.Status, withStartAnswerName.Kind));
        Assert.Equal(("c-1", CaptionsStatus.Failed), (withCallbackName.CaptionsId, withCallbackName.Status));
    }

    [Fact]
    public void An_archive_object_without_an_event_field_is_read_as_an_archive_event()
    {
        var parsed = Assert.IsType<ArchiveStatusEvent>(OpenTokEvent.Parse("""{"id":"a","sessionId":"s","status":"available","size":10,"duration":3,"partnerId":1}"""));

        Assert.Equal((OpenTokEventKind.Archive, ArchiveStatus.Available, 10L), (parsed.Kind, parsed.Status, parsed.Size));
    }

    [Fact]
    public void Missing_objects_read_as_empty_rather_than_null()
    {
        var connection = Assert.IsType<ConnectionEvent>(OpenTokEvent.Parse("""{"event":"connectionCreated"}"""));
        var call = Assert.IsType<SipCallEvent>(OpenTokEvent.Parse("""{"event":"callCreated","call":null}"""));

        Assert.Equal(("", "", null), (connection.SessionId, connection.Connection.Id, connection.Connection.CreatedAt));
        Assert.Equal("", call.Call.Id);
    }

    [Fact]
    public void A_byte_order_mark_and_surrounding_whitespace_are_accepted()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(" \n {\"event\":\"sessionCreated\",\"sessionId\":\"s\"} \r\n")).ToArray();

        Assert.Equal("s", OpenTokEvent.Parse(body).SessionId);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   \r\n ", "empty")]
    [InlineData("{", "not valid JSON")]
    [InlineData("{\"event\":\"archive\",}", "not valid JSON")]
    [InlineData("{\"event\":'archive'}", "not valid JSON")]
    [InlineData("{} {}", "not valid JSON")]
    [InlineData("{\"a\":1} trailing", "not valid JSON")]
    [InlineData("{/* comment */}", "not valid JSON")]
    [InlineData("[{\"event\":\"archive\"}]", "it is an array")]
    [InlineData("\"archive\"", "it is a string")]
    [InlineData("42", "it is a number")]
    [InlineData("true", "it is a boolean")]
    [InlineData("null", "it is null")]
    public void A_body_that_is_not_a_JSON_object_is_a_typed_format_error_saying_why(string json, string expected)
    {
        var error = Assert.Throws<OpenTokEventFormatException>(() => OpenTokEvent.Parse(json));

        Assert.IsAssignableFrom<FormatException>(error);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.False(OpenTokEvent.TryParse(Encoding.UTF8.GetBytes(json), out var parsed));
        Assert.Null(parsed);
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_are_a_format_error()
    {
        byte[] body = [(byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}'];

        Assert.Throws<OpenTokEventFormatException>(() => OpenTokEvent.Parse(body));
    }

    [Fact]
    public void Nesting_deeper_than_64_levels_is_a_format_error_not_a_stack_overflow()
    {
        var json = "{\"event\":\"archive\",\"x\":" + new string('[', 10_000) + new string(']', 10_000) + "}";

        Assert.Throws<OpenTokEventFormatException>(() => OpenTokEvent.Parse(json));
    }

    [Theory]
    [InlineData("""{"event":"connectionCreated","timestamp":"yesterday"}""", "$.timestamp")]
    [InlineData("""{"event":"connectionCreated","connection":{"createdAt":true}}""", "$.connection.createdAt")]
    [InlineData("""{"event":"archive","status":3}""", "$.status")]
    [InlineData("""{"event":"archive","size":"huge"}""", "$.size")]
    [InlineData("""{"event":"archive","duration":1.5}""", "$.duration")]
    [InlineData("""{"event":"archive","partnerId":{"id":1}}""", "$.partnerId")]
    [InlineData("""{"event":"callDestroyed","reason_code":[400]}""", "$.reason_code")]
    [InlineData("""{"event":"streamCreated","stream":"s-1"}""", "$.stream")]
    [InlineData("""{"event":"sessionCreated","timestamp":1e300}""", "$.timestamp")]
    public void A_known_field_of_the_wrong_type_is_a_format_error_naming_the_field(string json, string path)
    {
        var error = Assert.Throws<OpenTokEventFormatException>(() => OpenTokEvent.Parse(json));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_messages_never_quote_the_body()
    {
        var secret = "SECRET-" + new string('x', 5_000);
        string[] bodies =
        [
            "{\"event\":\"archive\",\"name\":\"" + secret + "\" oops",
            "[\"" + secret + "\"]",
            "\"" + secret + "\"",
            "{\"event\":\"archive\",\"status\":{\"" + secret + "\":1}}",
            "{\"event\":\"" + secret + "\",\"" + secret + "\":" + secret + "}",
        ];

        foreach (var body in bodies)
        {
            var error = Assert.Throws<OpenTokEventFormatException>(() => OpenTokEvent.Parse(body));
            Assert.DoesNotContain("SECRET", error.Message, StringComparison.Ordinal);
            Assert.True(error.Message.Length < 300, error.Message);
        }
    }

    [Fact]
    public void Arbitrary_bytes_and_mangled_payloads_either_parse_or_throw_the_format_error_only()
    {
        // Seeded, so a failure reproduces; mutations of a real payload reach deeper than random bytes alone.
        var random = new Random(20261122);
        var payload = Encoding.UTF8.GetBytes("""
            {"event":"archive","id":"a","status":"available","partnerId":123456,"createdAt":1384221380000,"duration":328,
             "size":18023312,"streams":[{"streamId":"s","hasAudio":true}],"transcription":{"status":"requested"}}
            """);
        for (var i = 0; i < 3_000; i++)
        {
            byte[] body;
            if (i % 3 == 0)
            {
                body = new byte[random.Next(0, 64)];
                random.NextBytes(body);
            }
            else
            {
                body = (byte[])payload.Clone();
                for (var changes = random.Next(1, 4); changes > 0; changes--)
                {
                    body[random.Next(body.Length)] = (byte)random.Next(32, 127);
                }
            }

            try
            {
                Assert.NotNull(OpenTokEvent.Parse(body));
            }
            catch (OpenTokEventFormatException)
            {
            }
        }
    }

    [Fact]
    public void ToString_leaves_the_raw_body_out()
    {
        var parsed = OpenTokEvent.Parse("""{"event":"sessionCreated","sessionId":"s-1","projectId":"7","note":"only-in-the-body"}""");

        var text = parsed.ToString();

        Assert.Contains("SessionId = s-1", text, StringComparison.Ordinal);
        Assert.Contains("Kind = sessionCreated", text, StringComparison.Ordinal);
        Assert.DoesNotContain("only-in-the-body", text, StringComparison.Ordinal);
    }
}
