using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OpenTok.Refit.Testing;

/// <summary>A request as it arrived on the socket.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, as sent.</param>
/// <param name="Query">The query string with its <c>?</c>, or empty.</param>
/// <param name="Headers">Every header, names lower-cased.</param>
/// <param name="Body">The body as text.</param>
/// <param name="ReceivedAt">When it arrived (the server's clock).</param>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset ReceivedAt)
{
    // Headers that vary per run or carry credentials: checked by their own tests, never snapshotted.
    private static readonly HashSet<string> Volatile = ["x-opentok-auth", "authorization", "user-agent", "host", "traceparent", "tracestate", "request-id", "content-length"];

    /// <summary>The <c>X-OPENTOK-AUTH</c> header, if sent.</summary>
    public string? AuthJwt => Headers.GetValueOrDefault("x-opentok-auth");

    /// <summary>The JWT of an <c>Authorization: Bearer</c> header, if sent.</summary>
    public string? BearerJwt => Headers.GetValueOrDefault("authorization") is { } value && value.StartsWith("Bearer ", StringComparison.Ordinal) ? value["Bearer ".Length..] : null;

    /// <summary>The request as stable text: request line, headers other than auth/user agent/host, then the body.</summary>
    /// <returns>The text.</returns>
    public string ToSnapshot()
    {
        var text = new StringBuilder().Append(Method).Append(' ').Append(Path).Append(Query).Append('\n');
        foreach (var (name, value) in Headers.Where(h => !Volatile.Contains(h.Key)).OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append(": ").Append(value).Append('\n');
        }

        if (Body.Length > 0)
        {
            text.Append('\n').Append(Body).Append('\n');
        }

        return text.ToString();
    }
}

/// <summary>What the stub answers.</summary>
/// <param name="Status">The status code.</param>
/// <param name="Body">The body, or <see langword="null"/> for none.</param>
/// <param name="ContentType">The body's content type.</param>
/// <param name="Headers">Extra headers (e.g. <c>Retry-After</c>).</param>
/// <param name="Delay">How long to wait before answering.</param>
public sealed record StubResponse(int Status, string? Body = null, string ContentType = "application/json", IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default)
{
    /// <summary>200 with a JSON body.</summary>
    /// <param name="json">The body.</param>
    /// <returns>The response.</returns>
    public static StubResponse Json(string json) => new(200, json);
}

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, port chosen by the OS) that records every request and answers what
/// <see cref="Respond"/> says. Wire contracts are checked against it instead of a mocked handler.
/// </summary>
public sealed class StubServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private StubServer(WebApplication app, Func<RecordedRequest, StubResponse> respond)
    {
        _app = app;
        Respond = respond;
    }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Decides the answer to each request; may be replaced between calls.</summary>
    public Func<RecordedRequest, StubResponse> Respond { get; set; }

    /// <summary>Whether requests are kept in <see cref="Requests"/>. Default <see langword="true"/>; a benchmark sending millions turns it off.</summary>
    public bool RecordRequests { get; set; } = true;

    /// <summary>Every request received, in order of arrival.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Starts a stub answering with <paramref name="respond"/> (default: 200 <c>{}</c>).</summary>
    /// <param name="respond">The answer to each request.</param>
    /// <returns>The running server.</returns>
    public static async Task<StubServer> StartAsync(Func<RecordedRequest, StubResponse>? respond = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new StubServer(app, respond ?? (_ => StubResponse.Json("{}")));
        app.Run(server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address + "/");
        return server;
    }

    /// <summary>Forgets the requests received so far.</summary>
    public void Clear() => _requests.Clear();

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
        var request = new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "", headers, body, DateTimeOffset.UtcNow);
        if (RecordRequests)
        {
            _requests.Enqueue(request);
        }

        var response = Respond(request);
        if (response.Delay > TimeSpan.Zero)
        {
            await Task.Delay(response.Delay, context.RequestAborted).ConfigureAwait(false);
        }

        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body is not null)
        {
            context.Response.ContentType = response.ContentType;
            await context.Response.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
