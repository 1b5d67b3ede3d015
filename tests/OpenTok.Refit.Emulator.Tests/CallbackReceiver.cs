using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>One callback the receiver accepted: where it was POSTed, the typed event, and its Authorization header.</summary>
internal sealed record ReceivedCallback(string Path, OpenTokEvent Event, string? Authorization);

/// <summary>
/// A real receiver of callback events on 127.0.0.1 (Kestrel, a port the OS picks), mapped the way a user maps it:
/// <c>MapOpenTokCallbacks</c> at <c>/events</c> and at <c>/other</c>, so every event it records was parsed by
/// <c>OpenTokEvent.Parse</c>. It can be told to answer requests with an error first (<see cref="FailWith"/>).
/// </summary>
internal sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly List<ReceivedCallback> _received = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private int _requests;

    private CallbackReceiver(WebApplication app) => _app = app;

    /// <summary>Where to POST every event: <c>/events</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The second path, <c>/other</c>, for tests that route families apart.</summary>
    public Uri OtherUrl => new(Url, "other");

    /// <summary>
    /// Chooses the answer of the n-th request (from 1, every path, refused ones included): a status code to answer
    /// instead of handling it, or <see langword="null"/> to handle it. Default: handle every one.
    /// </summary>
    public Func<int, HttpStatusCode?> FailWith { get; set; } = _ => null;

    /// <summary>How many requests arrived, refused ones included.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>What was accepted so far, in order of arrival.</summary>
    public IReadOnlyList<ReceivedCallback> Received
    {
        get
        {
            lock (_lock)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Starts a receiver; with <paramref name="signatureSecret"/> it accepts only callbacks signed with it (401/503 otherwise).</summary>
    public static async Task<CallbackReceiver> StartAsync(string? signatureSecret = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddOpenTokCallbacks(options => options.SignatureSecret = signatureSecret);

        // The handler is given the event only; the header comes from the request it arrived with.
        builder.Services.AddHttpContextAccessor();
        var app = builder.Build();
        var receiver = new CallbackReceiver(app);
        app.Use(async (context, next) =>
        {
            var number = Interlocked.Increment(ref receiver._requests);
            if (receiver.FailWith(number) is { } status)
            {
                context.Response.StatusCode = (int)status;
                return;
            }

            await next(context);
        });
        var accessor = app.Services.GetRequiredService<IHttpContextAccessor>();
        foreach (var path in new[] { "/events", "/other" })
        {
            app.MapOpenTokCallbacks(path, (callbackEvent, _) =>
            {
                var authorization = accessor.HttpContext?.Request.Headers.Authorization.ToString();
                receiver.Record(path, callbackEvent, string.IsNullOrEmpty(authorization) ? null : authorization);
                return Task.CompletedTask;
            });
        }
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(address + "/events");
        return receiver;
    }

    /// <summary>Waits until at least <paramref name="count"/> callbacks were accepted; fails the test with what came after 15 seconds.</summary>
    public async Task<IReadOnlyList<ReceivedCallback>> WaitForAsync(int count)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Support.Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        while (Received.Count < count)
        {
            try
            {
                await _arrived.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!Support.Ct.IsCancellationRequested)
            {
                Assert.Fail($"Expected {count} callbacks, received {Received.Count}: {string.Join(", ", Received.Select(r => r.Event.Kind.Value))}.");
            }
        }

        return Received;
    }

    /// <summary>The events accepted so far, parsed and typed.</summary>
    public IReadOnlyList<OpenTokEvent> Events => [.. Received.Select(r => r.Event)];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrived.Dispose();
    }

    private void Record(string path, OpenTokEvent callbackEvent, string? authorization)
    {
        lock (_lock)
        {
            _received.Add(new ReceivedCallback(path, callbackEvent, authorization));
        }

        _arrived.Release();
    }
}

/// <summary>
/// A TCP port that accepts connections and never answers, like a receiver that hangs: a delivery to it waits for its
/// attempt timeout. Disposing it closes the port.
/// </summary>
internal sealed class BlackHole : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<Socket> _accepted = [];
    private readonly CancellationTokenSource _stop = new();

    public BlackHole()
    {
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/events");
        _ = AcceptAsync();
    }

    public Uri Url { get; }

    /// <summary>How many connections were made to it.</summary>
    public int Connections
    {
        get
        {
            lock (_accepted)
            {
                return _accepted.Count;
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_accepted)
        {
            foreach (var socket in _accepted)
            {
                socket.Dispose();
            }
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                lock (_accepted)
                {
                    _accepted.Add(socket);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Closed.
        }
    }
}
