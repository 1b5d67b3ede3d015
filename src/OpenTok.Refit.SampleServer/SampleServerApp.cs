using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using OpenTok.Refit.Emulator;

namespace OpenTok.Refit.SampleServer;

/// <summary>
/// Builds the sample server: configuration, OpenTok through <c>services.AddOpenTok(...)</c>, the SQLite room store
/// and the routes. With no credentials configured it starts the OpenTok emulator in-process and points the SDK at it.
/// </summary>
internal static partial class SampleServerApp
{
    /// <summary>Where the server listens unless <c>--urls</c>, <c>ASPNETCORE_URLS</c> or <c>ASPNETCORE_HTTP_PORTS</c> says otherwise: the original's port.</summary>
    public const string DefaultUrl = "http://localhost:8080";

    /// <summary>New rooms one client address may create per <see cref="DefaultRoomCreationWindow"/> unless <c>SampleServer:RoomCreation:PermitLimit</c> says otherwise.</summary>
    public const int DefaultRoomCreationPermitLimit = 100;

    /// <summary>The window <see cref="DefaultRoomCreationPermitLimit"/> counts in unless <c>SampleServer:RoomCreation:Window</c> says otherwise.</summary>
    public static readonly TimeSpan DefaultRoomCreationWindow = TimeSpan.FromMinutes(1);

    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    /// <summary>
    /// Runs the server until it is shut down. If it cannot start (a port in use, a database that is not one, a bad
    /// setting), says why in one line on <paramref name="error"/> and returns 1, instead of an unhandled exception.
    /// </summary>
    /// <param name="args">The command line.</param>
    /// <param name="error">Where the one line goes (standard error).</param>
    /// <returns>The process exit code: 0 after a normal shutdown, 1 if the server could not start.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter error)
    {
        // The host logs a failed start as an error with the whole stack trace; this method says it in one line instead.
        var starting = true;
        WebApplication? app = null;
        try
        {
            app = await BuildAsync(args, builder =>
                builder.Logging.AddFilter(HostCategory, level => level >= LogLevel.Information && (!starting || level < LogLevel.Error)));
            await app.StartAsync();
        }
        catch (Exception e)
        {
            await error.WriteLineAsync($"The sample server could not start: {DescribeStartupFailure(e)}");
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            return 1;
        }

        starting = false;
        await using (app)
        {
            await app.WaitForShutdownAsync();
        }

        return 0;
    }

    /// <summary>The settings under <c>OpenTok</c> that hold credentials, of either mode.</summary>
    private static readonly string[] CredentialSettings = ["ApiKey", "ApiSecret", "ApplicationId", "PrivateKey", "PrivateKeyPath"];

    /// <summary>Builds the application (not started).</summary>
    /// <param name="args">The command line (<c>--urls</c>, <c>--OpenTok:ApiKey=…</c>, …).</param>
    /// <param name="configure">Adjusts the builder before anything reads it (tests add configuration and loggers).</param>
    /// <returns>The application.</returns>
    /// <exception cref="SampleServerConfigurationException">A setting is not valid.</exception>
    /// <exception cref="RoomStorageException">The room database cannot be opened.</exception>
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);

        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]) && string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.HttpPortsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // Settings and the database first: if either is wrong, nothing has been started that would need stopping.
        var settings = builder.Configuration.GetSection("SampleServer");
        var roomCreation = new RoomCreationLimit(
            Setting(settings, "RoomCreation:PermitLimit", DefaultRoomCreationPermitLimit, "a whole number of at least 1",
                text => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit >= 1 ? limit : null),
            Setting(settings, "RoomCreation:Window", DefaultRoomCreationWindow, "a duration such as 00:01:00, at least one second", PositiveDuration));
        var busyTimeout = Setting(settings, "DatabaseBusyTimeout", RoomStore.DefaultBusyTimeout, "a duration such as 00:00:05, at least one second", PositiveDuration);
        var databasePath = settings["DatabasePath"] is { Length: > 0 } configured
            ? Path.Combine(builder.Environment.ContentRootPath, configured)
            : Path.Combine(builder.Environment.ContentRootPath, "data", "rooms.db");
        var store = new RoomStore(databasePath, busyTimeout);
        store.Initialize();

        var openTok = builder.Configuration.GetSection("OpenTok");
        OpenTokEmulator? emulator = null;
        // Either mode counts as configured: an OpenTok project (ApiKey, ApiSecret) or a Vonage application
        // (ApplicationId, PrivateKey or PrivateKeyPath); AddOpenTok tells them apart and refuses a mix.
        if (CredentialSettings.All(name => string.IsNullOrEmpty(openTok[name])))
        {
            // The embedded default: a fresh machine with no account still runs the README's first command. The
            // emulator forgets its sessions when it stops, so it adopts the ones the room database remembers.
            emulator = await OpenTokEmulator.StartAsync(new OpenTokEmulatorOptions { AcceptUnknownSessions = true });
            builder.Configuration.AddInMemoryCollection(
            [
                new("OpenTok:ApiKey", emulator.ApiKey),
                new("OpenTok:ApiSecret", emulator.ApiSecret),
                new("OpenTok:BaseAddress", emulator.BaseAddress.AbsoluteUri),
            ]);
            builder.Services.AddSingleton(emulator);
            builder.Services.AddHostedService(_ => new EmbeddedEmulatorLifetime(emulator));
        }

        builder.Services.AddOpenTok(openTok);

        // Callback events: archive statuses land in the database (ArchiveEventHandler). SampleServer:Callbacks holds
        // MaxBodySize and SignatureSecret (set it when the project signs its callbacks).
        builder.Services.AddOpenTokCallbacks(settings.GetSection("Callbacks"));
        builder.Services.AddOpenTokEventHandler<ArchiveEventHandler>();
        builder.Services.AddSingleton(TimeProvider.System);

        builder.Services.AddSingleton(_ => store); // from a factory, so the container disposes it
        builder.Services.AddSingleton<RoomService>();
        builder.Services.AddSingleton(roomCreation);
        builder.Services.AddRateLimiter(limiter => limiter.AddPolicy<string, RoomCreationRateLimiterPolicy>(RoomCreationRateLimiterPolicy.Name));

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<SampleServerExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, SampleServerJsonContext.Default);
        });

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(SampleServerEndpoints.LimitRequestBodyAsync);
        app.UseRateLimiter();
        SampleServerEndpoints.Map(app);
        app.MapOpenTokCallbacks(ArchiveEventHandler.Route);

        if (emulator is not null)
        {
            LogEmbeddedEmulator(app.Logger, emulator.BaseAddress, emulator.ApiKey);

            // What a project's dashboard setting does for the real service: send archive events here. The address is
            // known only once the server listens (port 0, --urls).
            // With a signature secret configured, the emulator signs with it, as the service would with the secret set
            // for the project's archive callbacks; else this server would refuse every delivery as unsigned.
            app.Lifetime.ApplicationStarted.Register(() =>
            {
                emulator.Callbacks.SignatureSecret = settings["Callbacks:SignatureSecret"] is { Length: > 0 } secret ? secret : null;
                emulator.Callbacks.ArchiveUrl = CallbackUrl(app);
            });
        }

        LogDatabase(app.Logger, store.DatabasePath);
        return app;
    }

    /// <summary>
    /// Where this server receives callback events, on the first address it listens on; a wildcard host (<c>+</c>,
    /// <c>*</c>, <c>0.0.0.0</c>, <c>[::]</c>) is reached as <c>localhost</c>.
    /// </summary>
    private static Uri CallbackUrl(WebApplication app)
    {
        var address = new UriBuilder(app.Urls.First().Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (address.Host is "0.0.0.0" or "[::]" or "::")
        {
            address.Host = "localhost";
        }

        address.Path = ArchiveEventHandler.Route;
        return address.Uri;
    }

    /// <summary>One line saying why the server could not start, without a stack trace.</summary>
    private static string DescribeStartupFailure(Exception e) => (e switch
    {
        SampleServerConfigurationException or RoomStorageException => e.Message,
        IOException { InnerException: AddressInUseException } => $"{e.Message.TrimEnd('.')}. Another program listens there: choose another address with --urls.",
        OptionsValidationException options => $"the OpenTok settings are not valid: {string.Join(" ", options.Failures)}",
        _ => $"{e.GetType().Name}: {e.Message}",
    }).ReplaceLineEndings(" ");

    private static T Setting<T>(IConfiguration section, string key, T defaultValue, string expected, Func<string, T?> parse)
        where T : struct =>
        section[key] is not { } text ? defaultValue
        : parse(text) is { } value ? value
        : throw new SampleServerConfigurationException($"SampleServer:{key} must be {expected}; {InputText.Quote(text)} is not.");

    private static TimeSpan? PositiveDuration(string text) =>
        TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var duration) && duration >= TimeSpan.FromSeconds(1) ? duration : null;

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "No OpenTok credentials are configured (OpenTok:ApiKey / OpenTok:ApiSecret, or OpenTok:ApplicationId / OpenTok:PrivateKeyPath, or the same as OpenTok__… in the environment), "
            + "so the OpenTok emulator was started in-process at {BaseAddress} with API key {ApiKey}. Everything works offline; nothing reaches the real OpenTok service. "
            + "Set the credentials to use your project.")]
    private static partial void LogEmbeddedEmulator(ILogger logger, Uri baseAddress, string apiKey);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Rooms are stored in {DatabasePath}.")]
    private static partial void LogDatabase(ILogger logger, string databasePath);

    /// <summary>Stops the embedded emulator with the application.</summary>
    private sealed class EmbeddedEmulatorLifetime(OpenTokEmulator emulator) : IHostedService, IAsyncDisposable
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task StopAsync(CancellationToken cancellationToken) => await emulator.DisposeAsync();

        public ValueTask DisposeAsync() => emulator.DisposeAsync();
    }
}

/// <summary>A <c>SampleServer:…</c> setting is not valid; the message names it and says what it must be.</summary>
/// <param name="message">The setting, what it must be, and what it is.</param>
internal sealed class SampleServerConfigurationException(string message) : Exception(message);

/// <summary>The body of <c>POST /archive/start</c>.</summary>
internal sealed record StartArchiveBody
{
    /// <summary>The room's session.</summary>
    public string? SessionId { get; init; }
}

/// <summary>What <c>GET /room/{name}</c> answers: everything a client needs to connect.</summary>
/// <param name="ApiKey">The project's API key.</param>
/// <param name="SessionId">The room's session.</param>
/// <param name="Token">A fresh client token for it.</param>
internal sealed record RoomCredentials(string ApiKey, string SessionId, string Token);

/// <summary>What <c>GET /archive</c> answers: one page of archives and how many there are in all.</summary>
/// <param name="Count">How many archives the project has.</param>
/// <param name="Items">This page, newest first.</param>
internal sealed record ArchivePage(int Count, IReadOnlyList<Archive> Items);

/// <summary>The sample server's JSON types, source-generated like the SDK's (the SDK's records carry their own wire names and converters).</summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StartArchiveBody))]
[JsonSerializable(typeof(Archive))]
[JsonSerializable(typeof(ArchivePage))]
[JsonSerializable(typeof(RoomCredentials))]
internal sealed partial class SampleServerJsonContext : JsonSerializerContext;
