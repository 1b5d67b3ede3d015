using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTok.Refit.Emulator;

namespace OpenTok.Refit.SampleServer.Tests;

/// <summary>The sample server on real Kestrel at 127.0.0.1, any free port, with its own database file and (usually) the test's emulator.</summary>
internal sealed class SampleServerHost : IAsyncDisposable
{
    private SampleServerHost(WebApplication app, Uri address)
    {
        App = app;
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };
    }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public WebApplication App { get; }

    public HttpClient Http { get; }

    /// <summary>Starts the server. With <paramref name="emulator"/> null it gets no credentials, so it embeds its own emulator.</summary>
    /// <param name="databasePath">The room database.</param>
    /// <param name="emulator">The emulator to use, or null for the embedded one.</param>
    /// <param name="logs">Where the server's log lines go (none when null).</param>
    /// <param name="settings">More command-line settings, such as <c>--SampleServer:RoomCreation:PermitLimit=2</c>.</param>
    public static async Task<SampleServerHost> StartAsync(string databasePath, OpenTokEmulator? emulator, ILoggerProvider? logs = null, params IEnumerable<string> settings)
    {
        List<string> args = ["--urls=http://127.0.0.1:0", $"--SampleServer:DatabasePath={databasePath}"];
        args.AddRange(emulator switch
        {
            null => ["--OpenTok:ApiKey=", "--OpenTok:ApiSecret="], // empty, whatever the environment says
            { ApplicationId: { } applicationId } =>
            [
                "--OpenTok:ApiKey=",
                "--OpenTok:ApiSecret=",
                $"--OpenTok:ApplicationId={applicationId}",
                $"--OpenTok:PrivateKey={emulator.PrivateKeyPem}",
                $"--OpenTok:BaseAddress={emulator.BaseAddress}",
                "--OpenTok:Resilience:BaseDelay=00:00:00.005",
                "--OpenTok:Resilience:MaxRetryAttempts=2",
            ],
            _ =>
            [
                $"--OpenTok:ApiKey={emulator.ApiKey}",
                $"--OpenTok:ApiSecret={emulator.ApiSecret}",
                $"--OpenTok:BaseAddress={emulator.BaseAddress}",
                "--OpenTok:Resilience:BaseDelay=00:00:00.005",
                "--OpenTok:Resilience:MaxRetryAttempts=2",
            ],
        });
        args.AddRange(settings);
        var app = await SampleServerApp.BuildAsync([.. args], builder =>
        {
            builder.Logging.ClearProviders();
            if (logs is not null)
            {
                builder.Logging.AddProvider(logs);
            }
        });
        await app.StartAsync(Ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SampleServerHost(app, new Uri(address));
    }

    public async Task<RoomCredentials> RoomAsync(string name) =>
        (await Http.GetFromJsonAsync<RoomCredentials>($"room/{Uri.EscapeDataString(name)}", Json, Ct))!;

    public async Task<HttpResponseMessage> StartArchiveAsync(string? sessionId) =>
        await Http.PostAsJsonAsync("archive/start", new { sessionId }, Json, Ct);

    public static async Task<Archive> ArchiveAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        return (await response.Content.ReadFromJsonAsync(OpenTokJsonContext.Default.Archive, Ct))!;
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(status == (int)response.StatusCode, $"expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        Assert.Equal(status, document.RootElement.GetProperty("status").GetInt32());
        return document.RootElement.Clone();
    }

    /// <summary>Runs SQL on the server's database file through a connection of the test's own (not the server's pool).</summary>
    public static async Task ExecuteSqlAsync(string databasePath, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }
}

/// <summary>A database file of the test's own, deleted afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "opentok-sample-tests", Guid.NewGuid().ToString("N"), "rooms.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Keeps every log line, to check what the server says.</summary>
internal sealed class ListLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ListLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Lines.Enqueue((logLevel, category, formatter(state, exception)));
    }
}
