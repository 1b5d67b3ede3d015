using System.Globalization;
using System.Net;
using static OpenTok.Refit.Emulator.Tests.Support;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>The emulator as a program (what <c>dotnet run --project src/OpenTok.Refit.Emulator</c> runs).</summary>
public sealed class ProgramTests
{
    [Fact]
    public async Task It_prints_its_address_and_credentials_serves_until_cancelled_and_logs_requests()
    {
        // Synchronized: the test reads while the emulator writes (SyncTextWriter locks on itself, so lock (output) joins in).
        using var text = new StringWriter();
        var output = TextWriter.Synchronized(text);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var run = EmulatorProgram.RunAsync(["--port", "0", "--api-key", "4242", "--api-secret", "program-secret", "--log"], output, TextWriter.Null, stop.Token);

        var address = await ProgramOutput.WaitForAddressAsync(output, text);
        using (var client = new OpenTokClient(new OpenTokOptions { ApiKey = "4242", ApiSecret = "program-secret", BaseAddress = address }))
        {
            var session = await client.CreateSessionAsync(cancellationToken: Ct);
            Assert.StartsWith("1_", session.SessionId, StringComparison.Ordinal);
        }

        await stop.CancelAsync();
        Assert.Equal(0, await run);
        var printed = ProgramOutput.Read(output, text);
        Assert.Contains("OpenTok__ApiKey=4242", printed, StringComparison.Ordinal);
        Assert.Contains("OpenTok__ApiSecret=program-secret", printed, StringComparison.Ordinal);
        Assert.Contains("POST /session/create -> 200", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_application_it_serves_a_Vonage_application_whose_printed_settings_work_as_they_are()
    {
        using var text = new StringWriter();
        var output = TextWriter.Synchronized(text);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var run = EmulatorProgram.RunAsync(["--port", "0", "--application"], output, TextWriter.Null, stop.Token);

        var address = await ProgramOutput.WaitForAddressAsync(output, text);
        string Setting(string name) => ProgramOutput.Read(output, text).Split('\n').Select(l => l.Trim()).First(l => l.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..];
        var options = new OpenTokOptions { ApplicationId = Setting("OpenTok__ApplicationId"), PrivateKeyPath = Setting("OpenTok__PrivateKeyPath"), BaseAddress = address };
        using (var client = new OpenTokClient(options))
        {
            var session = await client.CreateSessionAsync(new SessionOptions { MediaMode = MediaMode.Routed }, Ct);
            Assert.Equal(options.ApplicationId, Tokens.SessionId.Decode(session.SessionId)!.ApiKey);
        }

        await stop.CancelAsync();
        Assert.Equal(0, await run);
        Assert.DoesNotContain("PRIVATE KEY", ProgramOutput.Read(output, text), StringComparison.Ordinal);
        File.Delete(options.PrivateKeyPath);
    }

    [Fact]
    public async Task A_bad_command_line_prints_the_usage_and_exits_2()
    {
        using var error = new StringWriter();

        Assert.Equal(2, await EmulatorProgram.RunAsync(["--port", "not-a-port"], TextWriter.Null, error, Ct));
        Assert.Equal(2, await EmulatorProgram.RunAsync(["--server-error-rate", "2"], TextWriter.Null, error, Ct));
        Assert.Equal(2, await EmulatorProgram.RunAsync(["--frobnicate"], TextWriter.Null, error, Ct));
        Assert.Contains("Usage:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drop_after_effect_is_a_command_line_flag()
    {
        using var text = new StringWriter();
        var output = TextWriter.Synchronized(text);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var run = EmulatorProgram.RunAsync(["--port", "0", "--drop-after-effect-rate", "1"], output, TextWriter.Null, stop.Token);
        var address = await ProgramOutput.WaitForAddressAsync(output, text);

        using (var http = new HttpClient { BaseAddress = address })
        {
            using var create = new HttpRequestMessage(HttpMethod.Post, "session/create");
            var now = DateTimeOffset.UtcNow;
            create.Headers.Add(Http.OpenTokAuthHandler.AuthHeaderName, Tokens.RestJwt.Create(
                OpenTokEmulatorOptions.DefaultApiKey, OpenTokEmulatorOptions.DefaultApiSecret, Tokens.RestJwtIssuerType.Project, now, now.AddMinutes(3), Guid.NewGuid()));
            await Assert.ThrowsAsync<HttpRequestException>(() => http.SendAsync(create, Ct));
        }

        await stop.CancelAsync();
        Assert.Equal(0, await run);
        Assert.Equal(2, await EmulatorProgram.RunAsync(["--drop-rate", "0.5", "--drop-after-effect-rate", "0.6"], TextWriter.Null, TextWriter.Null, Ct));
    }

    [Fact]
    public async Task The_standalone_emulator_is_controlled_at_run_time_over_plain_HTTP()
    {
        await using var process = EmulatorProcess.Start("--port", "0", "--drop-rate", "1");
        var address = await process.WaitForAddressAsync();
        using var http = new HttpClient { BaseAddress = address };
        var archives = $"v2/project/{OpenTokEmulatorOptions.DefaultApiKey}/archive";

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(archives, Ct));
        using (var put = await http.PutAsync("_emulator/faults", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using (var served = await http.GetAsync(archives, Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, served.StatusCode); // answered now (no JWT, so refused)
        }

        using (var statistics = await http.GetAsync("_emulator/statistics", Ct))
        {
            var json = await statistics.Content.ReadAsStringAsync(Ct);
            Assert.Contains("\"connectionsDropped\": 1", json, StringComparison.Ordinal);
            Assert.Contains("\"authenticationFailures\": 1", json, StringComparison.Ordinal);
        }

        using var reset = await http.PostAsync("_emulator/reset", null, Ct);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Contains("_emulator/faults", process.Output, StringComparison.Ordinal); // the program says where its controls are
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task The_program_stops_cleanly_within_5_seconds_on_SIGTERM_and_SIGINT(string signal)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "POSIX signals");
        await using var process = EmulatorProcess.Start("--port", "0");
        var address = await process.WaitForAddressAsync();

        // A client keeps an idle keep-alive connection open across the signal, as a test suite using it would.
        using var http = new HttpClient { BaseAddress = address };
        using (var response = await http.GetAsync($"v2/project/{OpenTokEmulatorOptions.DefaultApiKey}/archive", Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode); // it serves (and refuses the missing JWT)
        }

        await process.SignalAsync(signal);
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(5));

        Assert.True(exitCode is not null, $"SIG{signal}: still running 5 s later. Output:\n{process.Output}");
        Assert.Equal(0, exitCode);
        Assert.Contains("OpenTok emulator stopped.", process.Output, StringComparison.Ordinal);
        Assert.Equal("", process.Error);
        await using var next = await StartAsync(new OpenTokEmulatorOptions { Port = address.Port }); // the port is free again
    }

    [Fact]
    public async Task A_taken_port_is_one_line_on_stderr_and_exit_code_1()
    {
        await using var first = await StartAsync();
        var port = first.BaseAddress.Port.ToString(CultureInfo.InvariantCulture);

        await using var process = EmulatorProcess.Start("--port", port);
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Equal($"opentok-emulator: port {port} is already in use", process.Error.TrimEnd());
        Assert.DoesNotContain("listening", process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_taken_port_ends_the_run_with_1_in_process_too()
    {
        await using var first = await StartAsync();
        using var error = new StringWriter();

        var exitCode = await EmulatorProgram.RunAsync(["--port", first.BaseAddress.Port.ToString(CultureInfo.InvariantCulture)], TextWriter.Null, error, Ct);

        Assert.Equal(1, exitCode);
        Assert.Equal($"opentok-emulator: port {first.BaseAddress.Port} is already in use", error.ToString().TrimEnd());
    }
}
