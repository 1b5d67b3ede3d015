using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OpenTok.Refit.AspNetCore.Tests;

/// <summary>An app on 127.0.0.1 (Kestrel, a port the OS picks) that maps the callback endpoint the way a user would.</summary>
internal sealed class CallbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CallbackServer(WebApplication app, Uri address, ConcurrentQueue<OpenTokEvent> received)
    {
        _app = app;
        Received = received;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>A client for the app.</summary>
    public HttpClient Client { get; }

    /// <summary>What <see cref="RecordingHandler"/>s received, in order.</summary>
    public ConcurrentQueue<OpenTokEvent> Received { get; }

    /// <summary>Starts an app: <paramref name="configureServices"/> registers services, <paramref name="map"/> maps endpoints (default: the DI handlers at /opentok/events).</summary>
    public static async Task<CallbackServer> StartAsync(Action<IServiceCollection>? configureServices = null, Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var received = new ConcurrentQueue<OpenTokEvent>();
        builder.Services.AddSingleton(received);
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        (map ?? (a => a.MapOpenTokCallbacks("/opentok/events")))(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new CallbackServer(app, new Uri(address + "/"), received);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A handler as a user would register it: it records every event into the shared queue.</summary>
internal sealed class RecordingHandler(ConcurrentQueue<OpenTokEvent> received) : IOpenTokEventHandler
{
    public Task HandleAsync(OpenTokEvent callbackEvent, CancellationToken cancellationToken)
    {
        received.Enqueue(callbackEvent);
        return Task.CompletedTask;
    }
}

/// <summary>A second handler, to show every handler gets every event in registration order.</summary>
internal sealed class SecondRecordingHandler(ConcurrentQueue<OpenTokEvent> received) : IOpenTokEventHandler
{
    public Task HandleAsync(OpenTokEvent callbackEvent, CancellationToken cancellationToken)
    {
        received.Enqueue(new UnknownEvent { Kind = new OpenTokEventKind("second:" + callbackEvent.Kind.Value) });
        return Task.CompletedTask;
    }
}

/// <summary>A handler that fails, as a database outage would.</summary>
internal sealed class FailingHandler : IOpenTokEventHandler
{
    public Task HandleAsync(OpenTokEvent callbackEvent, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The database is down.");
}
