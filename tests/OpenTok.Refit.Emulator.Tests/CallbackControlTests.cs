using System.Net;
using System.Text;
using System.Text.Json;
using static OpenTok.Refit.Emulator.Tests.LiveSupport;
using static OpenTok.Refit.Emulator.Tests.Support;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>
/// Callback events set up the other ways: over plain HTTP under <c>/_emulator/callbacks</c> (for a host in another
/// process), on the command line of the emulator program, and the rules of the options.
/// </summary>
public sealed class CallbackControlTests
{
    [Fact]
    public async Task URLs_and_secret_are_put_over_HTTP_and_the_delivery_log_reads_as_JSON_without_the_secret()
    {
        await using var receiver = await CallbackReceiver.StartAsync(signatureSecret: "control-secret");
        await using var emulator = await StartAsync();
        using var http = emulator.RawClient();
        using var opentok = emulator.CreateClient();
        var session = await opentok.RoutedSessionAsync();

        using (var put = await PutAsync(http, $$"""{"url":"{{receiver.Url}}","archiveUrl":"{{receiver.OtherUrl}}","signatureSecret":"control-secret"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            var settings = await ReadAsync(put);
            Assert.Equal((receiver.Url.AbsoluteUri, receiver.OtherUrl.AbsoluteUri, JsonValueKind.Null, true),
                (settings.GetProperty("url").GetString(), settings.GetProperty("archiveUrl").GetString(), settings.GetProperty("sessionMonitoringUrl").ValueKind, settings.GetProperty("signed").GetBoolean()));
            Assert.Equal((5, 1000.0), (settings.GetProperty("maxAttempts").GetInt32(), settings.GetProperty("retryBaseDelayMilliseconds").GetDouble()));
            Assert.DoesNotContain("control-secret", settings.GetRawText(), StringComparison.Ordinal);
        }

        Assert.Equal((receiver.Url, receiver.OtherUrl, "control-secret"), (emulator.Callbacks.Url, emulator.Callbacks.ArchiveUrl, emulator.Callbacks.SignatureSecret));
        await using var client = await emulator.JoinAsync(session);
        await opentok.Archives.StartAsync(session.SessionId, cancellationToken: Ct);
        await receiver.WaitForAsync(2);
        await emulator.Callbacks.WhenIdleAsync(Ct);

        using var deliveries = await http.GetAsync("_emulator/callbacks/deliveries", Ct);
        Assert.Equal(HttpStatusCode.OK, deliveries.StatusCode);
        var log = await ReadAsync(deliveries);
        Assert.Equal((2, 0), (log.GetProperty("count").GetInt32(), log.GetProperty("pending").GetInt32()));
        var items = log.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(
            [("sessionMonitoring", "connectionCreated", (string?)null, receiver.Url.AbsoluteUri), ("archive", "archive", "started", receiver.OtherUrl.AbsoluteUri)],
            items.Select(i => (i.GetProperty("family").GetString(), i.GetProperty("event").GetString(), i.GetProperty("status").GetString(), i.GetProperty("url").GetString())));
        Assert.All(items, i => Assert.Equal(("delivered", 1, 200, true, false), (i.GetProperty("state").GetString(), i.GetProperty("attempts").GetInt32(),
            i.GetProperty("lastStatusCode").GetInt32(), i.GetProperty("signed").GetBoolean(), i.GetProperty("duplicate").GetBoolean())));
        Assert.Equal(client.ConnectionId, items[0].GetProperty("body").GetProperty("connection").GetProperty("id").GetString()); // the body as sent, as JSON
        Assert.Equal(client.ConnectionId, Assert.IsType<ConnectionEvent>(OpenTokEvent.Parse(items[0].GetProperty("body").GetRawText())).Connection.Id);
        Assert.True(DateTimeOffset.TryParse(items[0].GetProperty("completedAt").GetString(), out _));

        // {} turns delivery off: nothing more is sent or logged.
        using (var off = await PutAsync(http, "{}"))
        {
            Assert.Equal(JsonValueKind.Null, (await ReadAsync(off)).GetProperty("url").ValueKind);
        }

        await using var unheard = await emulator.JoinAsync(session);
        Assert.Equal(2, emulator.Callbacks.Deliveries.Count);
        Assert.Equal((null, null, null), (emulator.Callbacks.Url, emulator.Callbacks.ArchiveUrl, emulator.Callbacks.SignatureSecret));
    }

    [Theory]
    [InlineData("""{"uri":"http://127.0.0.1:1/events"}""")]
    [InlineData("""{"url":"/events"}""")]
    [InlineData("""{"url":"ftp://127.0.0.1/events"}""")]
    [InlineData("""{"archiveUrl":42}""")]
    [InlineData("""{"signatureSecret":"  "}""")]
    [InlineData("""{"url":"http://127.0.0.1:1/events","sipUrl":"not a url"}""")]
    [InlineData("""[]""")]
    [InlineData("""not json""")]
    public async Task Bad_callback_settings_are_400_with_the_error_body_and_change_nothing(string body)
    {
        var url = new Uri("http://127.0.0.1:9/events");
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Seed = 1, CallbackUrl = url });
        using var http = emulator.RawClient();

        using var response = await PutAsync(http, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, (await response.ErrorAsync()).Code);
        Assert.Equal(url, emulator.Callbacks.Url);
    }

    [Fact]
    public async Task The_program_takes_callback_URLs_the_secret_and_the_callback_faults_on_its_command_line()
    {
        await using var receiver = await CallbackReceiver.StartAsync(signatureSecret: "cli-secret");
        using var text = new StringWriter();
        var output = TextWriter.Synchronized(text);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var run = EmulatorProgram.RunAsync(
            ["--port", "0", "--callback-url", receiver.Url.AbsoluteUri, "--callback-url", "archive=" + receiver.OtherUrl.AbsoluteUri,
             "--callback-secret", "cli-secret", "--callback-duplicate-rate", "0.25", "--callback-drop-rate", "0"],
            output, TextWriter.Null, stop.Token);
        var address = await ProgramOutput.WaitForAddressAsync(output, text);

        using (var http = new HttpClient { BaseAddress = address })
        {
            var settings = await ReadAsync(await http.GetAsync("_emulator/callbacks", Ct));
            Assert.Equal((receiver.Url.AbsoluteUri, receiver.OtherUrl.AbsoluteUri, true),
                (settings.GetProperty("url").GetString(), settings.GetProperty("archiveUrl").GetString(), settings.GetProperty("signed").GetBoolean()));
            var faults = await ReadAsync(await http.GetAsync("_emulator/faults", Ct));
            Assert.Equal(0.25, faults.GetProperty("callbackDuplicateRate").GetDouble());

            await http.PutAsync("_emulator/faults", new StringContent("{}", Encoding.UTF8, "application/json"), Ct);
            using var opentok = new OpenTokClient(new OpenTokOptions { ApiKey = OpenTokEmulatorOptions.DefaultApiKey, ApiSecret = OpenTokEmulatorOptions.DefaultApiSecret, BaseAddress = address });
            var session = await opentok.RoutedSessionAsync();
            await opentok.Archives.StartAsync(session.SessionId, cancellationToken: Ct);
            Assert.Equal(("/other", ArchiveStatus.Started), ((await receiver.WaitForAsync(1))[0].Path, Assert.IsType<ArchiveStatusEvent>(receiver.Events[0]).Status));
        }

        await stop.CancelAsync();
        Assert.Equal(0, await run);
        Assert.Contains($"Callback events: POSTed to {receiver.Url}", ProgramOutput.Read(output, text), StringComparison.Ordinal);
        Assert.DoesNotContain("cli-secret", ProgramOutput.Read(output, text), StringComparison.Ordinal);

        Assert.Equal(2, await EmulatorProgram.RunAsync(["--callback-url", "webhooks=http://127.0.0.1:1/"], TextWriter.Null, TextWriter.Null, Ct));
        Assert.Equal(2, await EmulatorProgram.RunAsync(["--callback-url", "not-absolute"], TextWriter.Null, TextWriter.Null, Ct));
        Assert.Equal(2, await EmulatorProgram.RunAsync(["--callback-drop-rate", "0.7", "--callback-duplicate-rate", "0.7"], TextWriter.Null, TextWriter.Null, Ct));
    }

    [Fact]
    public async Task Options_out_of_range_are_refused_at_start_naming_the_option()
    {
        async Task<string?> RefusedAsync(OpenTokEmulatorOptions options) =>
            (await Assert.ThrowsAnyAsync<ArgumentException>(() => OpenTokEmulator.StartAsync(options, Ct))).ParamName;

        Assert.Equal("CallbackUrl", await RefusedAsync(new() { CallbackUrl = new Uri("/events", UriKind.Relative) }));
        Assert.Equal("CallbackUrl", await RefusedAsync(new() { CallbackUrl = new Uri("ftp://127.0.0.1/events") }));
        Assert.Equal("SipUrl", await RefusedAsync(new() { Callbacks = new() { SipUrl = new Uri("file:///tmp/events") } }));
        Assert.Equal("MaxAttempts", await RefusedAsync(new() { Callbacks = new() { MaxAttempts = 0 } }));
        Assert.Equal("MaxAttempts", await RefusedAsync(new() { Callbacks = new() { MaxAttempts = 21 } }));
        Assert.Equal("RetryBaseDelay", await RefusedAsync(new() { Callbacks = new() { RetryBaseDelay = TimeSpan.FromSeconds(-1) } }));
        Assert.Equal("AttemptTimeout", await RefusedAsync(new() { Callbacks = new() { AttemptTimeout = TimeSpan.Zero } }));
        Assert.Equal("SignatureSecret", await RefusedAsync(new() { Callbacks = new() { SignatureSecret = "" } }));
        Assert.Equal("CallbackDropRate", await RefusedAsync(new() { Faults = new() { CallbackDropRate = 0.6, CallbackDuplicateRate = 0.6 } }));
        Assert.Equal("CallbackDuplicateRate", await RefusedAsync(new() { Faults = new() { CallbackDuplicateRate = 1.5 } }));
        Assert.DoesNotContain("hidden", new OpenTokEmulatorOptions { Callbacks = new() { SignatureSecret = "hidden" } }.ToString(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient http, string json) =>
        http.PutAsync("_emulator/callbacks", new StringContent(json, Encoding.UTF8, "application/json"), Ct);

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return document.RootElement.Clone();
    }
}
