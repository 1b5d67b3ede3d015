using System.Diagnostics;
using System.Text;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>
/// The built emulator program running as a real process (<c>dotnet OpenTok.Refit.Emulator.dll …</c>), as a user or
/// a CI job runs it: what only a real process shows (signals, exit codes, what reaches stderr) is tested through it.
/// The test project references the emulator, so its dll, deps and runtimeconfig sit in this test's output directory.
/// </summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private const string AddressLine = "OpenTok emulator listening on ";

    // Generous: the machine running the tests may be busy, and a cold dotnet start takes seconds there.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private EmulatorProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>Starts the program with <paramref name="args"/>; it has not necessarily bound its port yet.</summary>
    public static EmulatorProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OpenTok.Refit.Emulator.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var emulator = new EmulatorProcess(process);
        process.OutputDataReceived += (_, e) => emulator.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => emulator.OnError(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return emulator;
    }

    /// <summary>The address the program printed once listening.</summary>
    public async Task<Uri> WaitForAddressAsync()
    {
        var exited = _process.WaitForExitAsync(Support.Ct);
        var printed = await Task.WhenAny(_address.Task, exited, Task.Delay(StartTimeout, Support.Ct));
        return printed == _address.Task
            ? await _address.Task
            : throw new TimeoutException($"The emulator printed no address (exited: {_process.HasExited}). Output:\n{Output}\nError:\n{Error}");
    }

    /// <summary>Sends a POSIX signal (TERM, INT, …) with kill(1): <see cref="Process.Kill()"/> can only send SIGKILL.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-s", signal, Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
        await kill.WaitForExitAsync(Support.Ct);
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>The exit code, or <see langword="null"/> when the process is still running after <paramref name="timeout"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(Support.Ct);
        wait.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!Support.Ct.IsCancellationRequested)
        {
            return null;
        }

        // The no-argument wait returns once the redirected streams are read to their end too.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        // Only this test's own process, by its handle: a test that failed half-way must not leave it listening.
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
    }

    // The dotnet CLI tells the processes it starts where it is; outside it, the one on PATH will do.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.StartsWith(AddressLine, StringComparison.Ordinal))
        {
            _address.TrySetResult(new Uri(line[AddressLine.Length..].Trim()));
        }
    }

    private void OnError(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_error)
        {
            _error.AppendLine(line);
        }
    }
}
