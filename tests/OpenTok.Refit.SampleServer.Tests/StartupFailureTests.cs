using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using static OpenTok.Refit.SampleServer.Tests.SampleServerHost;

namespace OpenTok.Refit.SampleServer.Tests;

/// <summary>
/// The real program (<c>dotnet OpenTok.Refit.SampleServer.dll</c>, built beside these tests) when it cannot start: one
/// clear line on standard error and exit code 1, not an unhandled exception (exit 134) with a stack trace.
/// </summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task A_port_already_taken_is_one_line_naming_the_address_and_exit_code_1()
    {
        using var database = new TempDatabase();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var run = await RunServerAsync("--urls", address, $"--SampleServer:DatabasePath={database.Path}");

        Assert.True(run.ExitCode == 1, run.ToString());
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains(address, line, StringComparison.Ordinal);
        Assert.Contains("already in use", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrupt_database_file_is_one_line_naming_the_file_and_exit_code_1()
    {
        using var database = new TempDatabase();
        Directory.CreateDirectory(Path.GetDirectoryName(database.Path)!);
        await File.WriteAllTextAsync(database.Path, string.Concat(Enumerable.Repeat("this is not a database ", 400)), Ct);

        var run = await RunServerAsync("--urls", "http://127.0.0.1:0", $"--SampleServer:DatabasePath={database.Path}");

        Assert.True(run.ExitCode == 1, run.ToString());
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains(database.Path, line, StringComparison.Ordinal);
        Assert.Contains("not a SQLite database", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_setting_is_one_line_naming_it_and_exit_code_1()
    {
        using var database = new TempDatabase();

        var run = await RunServerAsync("--urls", "http://127.0.0.1:0", $"--SampleServer:DatabasePath={database.Path}", "--SampleServer:DatabaseBusyTimeout=soon");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("SampleServer:DatabaseBusyTimeout", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output + run.Error, StringComparison.Ordinal);
    }

    private sealed record ServerRun(int ExitCode, string Output, string Error)
    {
        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
    }

    /// <summary>Runs the built server with no OpenTok credentials (so on its embedded emulator) and waits for it to exit.</summary>
    private static async Task<ServerRun> RunServerAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OpenTok.Refit.SampleServer.dll"));
        foreach (var arg in args.Concat(["--OpenTok:ApiKey=", "--OpenTok:ApiSecret="]))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in new[] { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "DOTNET_URLS", "OpenTok__ApiKey", "OpenTok__ApiSecret" })
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(90)); // a server that did start would run forever
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            Assert.Fail($"the server did not exit: {await output}{await error}");
        }

        return new ServerRun(process.ExitCode, await output, await error);
    }
}
