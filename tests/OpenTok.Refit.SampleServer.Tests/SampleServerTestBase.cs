using OpenTok.Refit.Emulator;
using static OpenTok.Refit.SampleServer.Tests.SampleServerHost;

namespace OpenTok.Refit.SampleServer.Tests;

/// <summary>
/// What most sample-server test classes start with: a seeded emulator, a fresh room database, and the server on
/// both, with its log lines kept; all three are disposed after each test.
/// </summary>
/// <param name="seed">The emulator's seed, so a class's runs repeat.</param>
/// <param name="settings">More command-line settings for the server.</param>
public abstract class SampleServerTestBase(int seed, params string[] settings) : IAsyncLifetime
{
    /// <summary>The room database, a file of its own.</summary>
    private protected TempDatabase Database { get; } = new();

    /// <summary>The server's log lines.</summary>
    private protected ListLoggerProvider Logs { get; } = new();

    /// <summary>The emulator the server calls.</summary>
    private protected OpenTokEmulator Emulator { get; private set; } = null!;

    /// <summary>The sample server; a test that restarts it sets the new one here, so it is disposed.</summary>
    private protected SampleServerHost Server { get; set; } = null!;

    /// <inheritdoc/>
    public async ValueTask InitializeAsync()
    {
        Emulator = await OpenTokEmulator.StartAsync(new OpenTokEmulatorOptions { Seed = seed }, Ct);
        Server = await StartAsync(Database.Path, Emulator, Logs, settings);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Emulator.DisposeAsync();
        Database.Dispose();
        GC.SuppressFinalize(this);
    }
}
