using System.Globalization;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;

namespace OpenTok.Refit.Emulator;

/// <summary>The emulator as a program: parses the command line, starts the emulator, prints where it is and how to use it, and runs until cancelled.</summary>
public static class EmulatorProgram
{
    /// <summary>How the program names itself at the start of an error line, as command-line tools do.</summary>
    public const string Name = "opentok-emulator";

    /// <summary>The port the program listens on unless told otherwise (the library's default is 0, any free port).</summary>
    public const int DefaultPort = 4510;

    /// <summary>The command line's help text.</summary>
    public const string Usage = """
        Usage: dotnet run --project src/OpenTok.Refit.Emulator [-- options]
          --port N              listen on 127.0.0.1:N (default 4510; 0 picks a free port)
          --api-key KEY         the project's API key (default the well-known 10000001)
          --api-secret SECRET   the project's API secret (default the well-known emulator secret)
          --application         serve a Vonage application instead (a fresh id and RSA key; the key is
                                written to a file whose path is printed)
          --archive-delay S     archives become available S seconds after they stop (default 0)
          --server-error-rate R inject 503s into a share R (0..1) of REST calls
          --rate-limit-rate R   inject 429s (Retry-After: 1) into a share R of REST calls
          --drop-rate R         drop the connection of a share R of REST calls, before they take effect
          --drop-after-effect-rate R
                                handle a share R of REST calls, then drop the connection before the answer
          --latency MS          add MS milliseconds to every REST call
          --callback-url URL    POST every callback event (session monitoring, archive, broadcast, SIP,
                                render, captions) to URL
          --callback-url FAMILY=URL
                                POST one family's events to URL instead; FAMILY is session, archive,
                                broadcast, sip, render or captions (repeat the option for several)
          --callback-secret S   sign callback deliveries with the signature secret S (HS256 JWT)
          --callback-drop-rate R
                                lose a share R of callback deliveries
          --callback-duplicate-rate R
                                send a share R of callback deliveries twice
          --seed N              seed the randomness, to repeat a run
          --log                 print one line per request
        """;

    /// <summary>Runs the emulator until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Where the address, credentials and request log go.</param>
    /// <param name="error">Where usage and startup errors go: one line each, without a stack trace.</param>
    /// <param name="cancellationToken">Stops the emulator.</param>
    /// <returns>The exit code: 0 after a clean stop, 1 when the emulator cannot start (its port is taken, say), 2 for a bad command line.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        OpenTokEmulatorOptions options;
        try
        {
            options = Parse(args, output);
            options.Validate();
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            await error.WriteLineAsync($"{Name}: {e.Message}").ConfigureAwait(false);
            await error.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        OpenTokEmulator started;
        try
        {
            started = await OpenTokEmulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped before it was listening: nothing went wrong.
            return 0;
        }
        catch (Exception e) when (e is IOException or SocketException or UnauthorizedAccessException)
        {
            // A user who runs a tool wants to read what to fix, not Kestrel's stack.
            await error.WriteLineAsync(e is AddressInUseException || e.InnerException is AddressInUseException
                ? $"{Name}: port {options.Port} is already in use"
                : $"{Name}: cannot listen on 127.0.0.1:{options.Port}: {e.Message}").ConfigureAwait(false);
            return 1;
        }

        await using var emulator = started;
        await output.WriteLineAsync($"""
            OpenTok emulator listening on {emulator.BaseAddress}
              OpenTok__BaseAddress={emulator.BaseAddress}
              {Credentials(emulator)}
            Control (plain HTTP, no JWT): GET/PUT {emulator.BaseAddress}_emulator/faults, GET …/_emulator/statistics, POST …/_emulator/reset
            Emulated clients: POST …/_emulator/clients with sessionId and token, then …/_emulator/clients/CONNECTION_ID[/streams|/signals|/events]
            Callback events: {(emulator.Callbacks.Url is { } url ? $"POSTed to {url}" : "not sent until a URL is set")}; GET/PUT …/_emulator/callbacks, GET …/_emulator/callbacks/deliveries
            Press Ctrl+C to stop.
            """).ConfigureAwait(false);
        await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await output.WriteLineAsync("OpenTok emulator stopped.").ConfigureAwait(false);
        return 0;
    }

    /// <summary>The settings an app needs, as environment variables: the key pair, or the application id and a file holding its private key.</summary>
    private static string Credentials(OpenTokEmulator emulator)
    {
        if (emulator.PrivateKeyPem is not { } pem)
        {
            // Project management signs as the account, with a key pair of its own.
            return $"OpenTok__ApiKey={emulator.ApiKey}\n  OpenTok__ApiSecret={emulator.ApiSecret}\n"
                + $"  account, for project management (/v2/project): API key {emulator.AccountApiKey}, API secret {emulator.AccountApiSecret}";
        }

        // A key file, not PEM in an environment variable: multi-line values travel badly through shells.
        var keyPath = Path.Combine(Path.GetTempPath(), $"opentok-emulator-{emulator.ApplicationId}.key");
        File.WriteAllText(keyPath, pem);
        return $"OpenTok__ApplicationId={emulator.ApplicationId}\n  OpenTok__PrivateKeyPath={keyPath}";
    }

    private static OpenTokEmulatorOptions Parse(string[] args, TextWriter output)
    {
        var options = new OpenTokEmulatorOptions { Port = DefaultPort };
        var faults = FaultInjection.None;
        var callbacks = new EmulatorCallbackOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            double Number() => double.Parse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture);
            options = name switch
            {
                "--port" => options with { Port = int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture) },
                "--api-key" => options with { ApiKey = Value() },
                "--api-secret" => options with { ApiSecret = Value() },
                "--application" => options with { Application = EmulatedApplication.Generate() },
                "--archive-delay" => options with { ArchiveAvailability = ArchiveAvailability.After(TimeSpan.FromSeconds(Number())) },
                "--seed" => options with { Seed = int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture) },
                "--log" => options with { RequestLog = output },
                "--server-error-rate" => options with { Faults = faults = faults with { ServerErrorRate = Number() } },
                "--rate-limit-rate" => options with { Faults = faults = faults with { RateLimitRate = Number() } },
                "--drop-rate" => options with { Faults = faults = faults with { DropConnectionRate = Number() } },
                "--drop-after-effect-rate" => options with { Faults = faults = faults with { DropAfterEffectRate = Number() } },
                "--latency" => options with { Faults = faults = faults with { Latency = TimeSpan.FromMilliseconds(Number()) } },
                "--callback-drop-rate" => options with { Faults = faults = faults with { CallbackDropRate = Number() } },
                "--callback-duplicate-rate" => options with { Faults = faults = faults with { CallbackDuplicateRate = Number() } },
                "--callback-secret" => options with { Callbacks = callbacks = callbacks with { SignatureSecret = Value() } },
                "--callback-url" => CallbackUrl(options, Value(), ref callbacks),
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }

        return options;
    }

    /// <summary><c>--callback-url URL</c> sets the URL of every family; <c>--callback-url FAMILY=URL</c> one family's.</summary>
    private static OpenTokEmulatorOptions CallbackUrl(OpenTokEmulatorOptions options, string value, ref EmulatorCallbackOptions callbacks)
    {
        var separator = value.IndexOf('=', StringComparison.Ordinal);
        var family = separator > 0 && !value[..separator].Contains(':', StringComparison.Ordinal) ? value[..separator] : null;
        var text = family is null ? value : value[(separator + 1)..];
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url))
        {
            throw new ArgumentException($"--callback-url needs an absolute URL, not '{text}'.");
        }

        callbacks = family switch
        {
            null => callbacks,
            "session" => callbacks with { SessionMonitoringUrl = url },
            "archive" => callbacks with { ArchiveUrl = url },
            "broadcast" => callbacks with { BroadcastUrl = url },
            "sip" => callbacks with { SipUrl = url },
            "render" => callbacks with { ExperienceComposerUrl = url },
            "captions" => callbacks with { CaptionsUrl = url },
            _ => throw new ArgumentException($"--callback-url {family}=…: the families are session, archive, broadcast, sip, render and captions."),
        };
        return family is null ? options with { CallbackUrl = url } : options with { Callbacks = callbacks };
    }
}
