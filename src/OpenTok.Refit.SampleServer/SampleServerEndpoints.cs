using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Net.Http.Headers;
using OpenTok.Refit.Tokens;
using OpenTok.Refit.Http;
using static OpenTok.Refit.SampleServer.InputText;

namespace OpenTok.Refit.SampleServer;

/// <summary>
/// The routes of the Node "Simple OpenTok Server App" (learning-opentok-node). Bad input is answered 4xx with a
/// problem-details body that says what was wrong, quoting at most <see cref="InputText.MaxQuotedLength"/> characters of
/// it; an OpenTok failure 502 naming the call; a storage failure 503. Never a stack trace, never the secret.
/// </summary>
internal static partial class SampleServerEndpoints
{
    /// <summary>The most archives <c>GET /archive</c> returns in one answer (read through the SDK's paging, 1000 per call).</summary>
    public const int MaxListCount = 5000;

    /// <summary>How many archives <c>GET /archive</c> returns when <c>count</c> is not given.</summary>
    public const int DefaultListCount = 1000;

    /// <summary>The largest request body any route accepts; the one body read (<c>POST /archive/start</c>) is a few dozen bytes.</summary>
    public const int MaxRequestBodyBytes = 64 * 1024;

    private const string SendJsonBody = """Send a JSON body such as { "sessionId": "1_MX4..." } with Content-Type: application/json.""";

    /// <summary>Maps the routes.</summary>
    /// <param name="app">The application.</param>
    public static void Map(WebApplication app)
    {
        app.MapGet("/", () => Results.Content(IndexPage, "text/html; charset=utf-8"));
        app.MapGet("/session", () => Results.Redirect("/room/session"));
        app.MapGet("/room/{name}", GetRoomAsync).RequireRateLimiting(RoomCreationRateLimiterPolicy.Name);
        app.MapPost("/archive/start", StartArchiveAsync);
        app.MapPost("/archive/{archiveId}/stop", (string archiveId, OpenTokClient opentok, ILoggerFactory logs, CancellationToken ct) =>
            WithArchiveId(archiveId) ?? Upstream.CallAsync("StopArchive", logs, () => opentok.Archives.StopAsync(archiveId, ct), ArchiveJson));
        app.MapGet("/archive/{archiveId}/view", ViewArchiveAsync);
        app.MapGet("/archive/{archiveId}", (string archiveId, OpenTokClient opentok, ILoggerFactory logs, CancellationToken ct) =>
            WithArchiveId(archiveId) ?? Upstream.CallAsync("GetArchive", logs, () => opentok.Archives.GetAsync(archiveId, ct), ArchiveJson));
        app.MapGet("/archive", ListArchivesAsync);
    }

    /// <summary>
    /// Answers 413 at once to a request whose declared body is over <see cref="MaxRequestBodyBytes"/>, before anything
    /// reads it. A body without a declared length is cut off where it is read (<see cref="ReadBodyAsync"/>).
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="next">The rest of the pipeline.</param>
    public static Task LimitRequestBodyAsync(HttpContext context, RequestDelegate next) =>
        context.Request.ContentLength is > MaxRequestBodyBytes and var length
            ? Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
                detail: string.Create(CultureInfo.InvariantCulture, $"The request body is {length} bytes; this server accepts at most {MaxRequestBodyBytes} bytes.")).ExecuteAsync(context)
            : next(context);

    private static async Task<IResult> GetRoomAsync(string name, RoomService rooms, OpenTokClient opentok, ILoggerFactory logs, CancellationToken ct)
    {
        if (!RoomNames.TryNormalize(name, out var room, out var problem))
        {
            return Invalid("name", problem);
        }

        return await Upstream.CallAsync("CreateSession", logs, () => rooms.GetOrCreateSessionAsync(room, ct), sessionId =>
            Results.Json(new RoomCredentials(opentok.ApiKey, sessionId, opentok.GenerateToken(sessionId)), SampleServerJsonContext.Default.RoomCredentials));
    }

    private static async Task<IResult> StartArchiveAsync(HttpRequest request, RoomStore store, OpenTokClient opentok, ILoggerFactory logs, CancellationToken ct)
    {
        if (UnsupportedContentType(request) is { } unsupported)
        {
            return unsupported;
        }

        var (body, problem) = await ReadBodyAsync(request, ct);
        if (problem is not null)
        {
            return problem;
        }

        var sessionId = body!.SessionId;
        if (string.IsNullOrWhiteSpace(sessionId))
        {
            return Invalid("sessionId", "sessionId is required: the session of the room to record.");
        }

        if (SessionId.Decode(sessionId) is null)
        {
            return Invalid("sessionId", $"{Quote(sessionId)} is not an OpenTok session id.");
        }

        if (!SessionId.BelongsTo(sessionId, opentok.ApiKey))
        {
            return Invalid("sessionId", $"Session {Quote(sessionId)} belongs to another OpenTok project, not to API key {opentok.ApiKey}.");
        }

        if (store.FindRoom(opentok.ApiKey, sessionId) is not { } room)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No such room",
                detail: $"No room of this server uses session {Quote(sessionId)}. Get a room's session from GET /room/{{name}} first.");
        }

        return await Upstream.CallAsync("StartArchive", logs, () => opentok.Archives.StartAsync(sessionId, new ArchiveOptions { Name = room }, ct), ArchiveJson);
    }

    private static async Task<IResult> ListArchivesAsync(string? count, string? offset, OpenTokClient opentok, ILoggerFactory logs, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var take = ParseQuery(count, "count", DefaultListCount, 1, MaxListCount, errors);
        var skip = ParseQuery(offset, "offset", 0, 0, int.MaxValue, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await Upstream.CallAsync("ListArchives", logs, async () =>
        {
            var archives = opentok.Archives.ListAsync(cancellationToken: ct);
            var items = new List<Archive>(Math.Min(take, archives.MaxPageSize));
            var total = 0;
            await foreach (var page in archives.AsPages(skip, Math.Min(take, archives.MaxPageSize)).WithCancellation(ct))
            {
                total = page.TotalCount; // also past the end, where the page is empty
                items.AddRange(page.Items.Take(take - items.Count));
                if (items.Count == take)
                {
                    break;
                }
            }

            return new ArchivePage(total, items);
        }, list => Results.Json(list, SampleServerJsonContext.Default.ArchivePage));
    }

    /// <summary>415 unless the body is declared as UTF-8 JSON; 400 for no body at all. Null if the declaration is fine.</summary>
    private static IResult? UnsupportedContentType(HttpRequest request)
    {
        var contentType = request.ContentType;
        if (string.IsNullOrEmpty(contentType))
        {
            return request.ContentLength is null or 0 && !request.Headers.ContainsKey(HeaderNames.TransferEncoding)
                ? Invalid("body", SendJsonBody)
                : Unsupported($"The body has no Content-Type. {SendJsonBody}");
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return Unsupported($"The Content-Type {Quote(contentType)} cannot be read. {SendJsonBody}");
        }

        if (!request.HasJsonContentType())
        {
            return Unsupported($"The Content-Type is {Quote(mediaType.MediaType.ToString())}, not application/json. {SendJsonBody}");
        }

        // RFC 8259: JSON between systems is UTF-8. Anything else, a charset without a value included, is refused rather
        // than guessed at (an unknown charset used to be a 500).
        if (mediaType.Parameters.FirstOrDefault(p => p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase)) is not { } charsetParameter)
        {
            return null;
        }

        var charset = HeaderUtilities.RemoveQuotes(charsetParameter.Value).ToString();
        return charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)
            ? null
            : Unsupported($"A JSON body must be UTF-8; the Content-Type's charset {Quote(charset)} is not.");
    }

    /// <summary>Reads and parses the body, at most <see cref="MaxRequestBodyBytes"/> of it: the body, or the problem to answer.</summary>
    private static async Task<(StartArchiveBody? Body, IResult? Problem)> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        // One byte more than allowed tells a body at the limit from one past it. Reading no further lets Kestrel drain
        // the rest (up to its own limit), so a client that sent it all without waiting still gets this answer.
        var buffer = ArrayPool<byte>.Shared.Rent(MaxRequestBodyBytes + 1);
        try
        {
            var length = 0;
            int read;
            while (length <= MaxRequestBodyBytes && (read = await request.Body.ReadAsync(buffer.AsMemory(length, MaxRequestBodyBytes + 1 - length), ct)) > 0)
            {
                length += read;
            }

            if (length > MaxRequestBodyBytes)
            {
                return (null, Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
                    detail: string.Create(CultureInfo.InvariantCulture, $"The request body is over {MaxRequestBodyBytes} bytes; this server accepts at most {MaxRequestBodyBytes} bytes.")));
            }

            if (length == 0)
            {
                return (null, Invalid("body", $"The body is empty. {SendJsonBody}"));
            }

            var json = buffer.AsSpan(0, length);
            if (json.StartsWith("\uFEFF"u8))
            {
                json = json[3..]; // a UTF-8 byte order mark, which JSON parsers may ignore (RFC 8259)
            }

            try
            {
                return JsonSerializer.Deserialize(json, SampleServerJsonContext.Default.StartArchiveBody) is { } body
                    ? (body, null)
                    : (null, Invalid("body", SendJsonBody));
            }
            catch (JsonException e)
            {
                // Not e.Message: it can quote the input at length.
                var where = string.Create(CultureInfo.InvariantCulture, $"line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}");
                var path = e.Path is { Length: > 1 } p ? $" at {Quote(p)}" : "";
                return (null, Invalid("body", $"The body is not valid JSON for this request{path} ({where}). {SendJsonBody}"));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static IResult Unsupported(string problem) =>
        Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported Media Type", detail: problem);

    private static IResult ArchiveJson(Archive archive) => Results.Json(archive, SampleServerJsonContext.Default.Archive);

    /// <summary>How long after its <c>available</c> event an archive's download URL is used as it is (OpenTok's URLs last 10 minutes).</summary>
    public static readonly TimeSpan FreshUrlAge = TimeSpan.FromMinutes(9);

    /// <summary>
    /// Answers from the archive's latest status as callback events reported it (<see cref="ArchiveEventHandler"/>), without
    /// calling OpenTok: the pending page while it records or uploads, a redirect once available. OpenTok is asked only when
    /// no event has arrived (callbacks not configured) or the stored download URL is too old to work.
    /// </summary>
    private static Task<IResult> ViewArchiveAsync(string archiveId, RoomStore store, OpenTokClient opentok, TimeProvider time, ILoggerFactory logs, CancellationToken ct)
    {
        if (WithArchiveId(archiveId) is { } invalid)
        {
            return invalid;
        }

        if (store.FindArchiveStatus(opentok.ApiKey, archiveId) is { } stored
            && (stored.Status != ArchiveStatus.Available || (stored.Url is not null && time.GetUtcNow() - stored.ReceivedAt < FreshUrlAge)))
        {
            return Task.FromResult(View(new Archive { Id = stored.ArchiveId, SessionId = stored.SessionId, Name = stored.Name, Status = stored.Status, Url = stored.Url }));
        }

        return Upstream.CallAsync("GetArchive", logs, () => opentok.Archives.GetAsync(archiveId, ct), View);
    }

    private static IResult View(Archive archive) =>
        archive.Status == ArchiveStatus.Available && archive.Url is { } url
            ? Results.Redirect(url)
            : Results.Content(PendingPage(archive), "text/html; charset=utf-8");

    // Exactly the 36 characters: Guid.TryParseExact trims whitespace, which would let "<id>\r\n" through to OpenTok.
    private static Task<IResult>? WithArchiveId(string archiveId) =>
        archiveId.Length == 36 && Guid.TryParseExact(archiveId, "D", out _)
            ? null
            : Task.FromResult<IResult>(Invalid("archiveId", $"{Quote(archiveId)} is not an archive id (a UUID such as 5f6a1f0e-1b2c-4d5e-8f90-123456789abc)."));

    private static int ParseQuery(string? value, string name, int defaultValue, int min, int max, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return defaultValue;
        }

        // Digits only: NumberStyles.Integer would also take " 5", "5 " and "+5".
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max)
        {
            return parsed;
        }

        errors[name] = [$"{name} must be a whole number from {min} to {max}; {Quote(value)} is not."];
        return defaultValue;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Invalid(string field, string problem) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [problem] }, detail: problem);

    private static string PendingPage(Archive archive) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta http-equiv="refresh" content="5">
          <title>Archiving Pending</title>
          <style>body { font-family: sans-serif; margin: 3em; }</style>
        </head>
        <body>
          <h1>Archiving Pending</h1>
          <p>Archive <code>{{WebUtility.HtmlEncode(archive.Id)}}</code>{{(archive.Name is null ? "" : $" of room <b>{WebUtility.HtmlEncode(archive.Name)}</b>")}}
             is <b>{{WebUtility.HtmlEncode(archive.Status.Value)}}</b>. This page reloads every 5 seconds and plays the archive once it is available.</p>
        </body>
        </html>
        """;

    private const string IndexPage = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Simple OpenTok Server App</title></head>
        <body style="font-family: sans-serif; margin: 3em">
          <h1>Simple OpenTok Server App</h1>
          <ul>
            <li><code>GET /room/{name}</code>: the room's <code>apiKey</code>, <code>sessionId</code> and a fresh <code>token</code></li>
            <li><code>GET /session</code>: the same for the room "session"</li>
            <li><code>POST /archive/start</code> with <code>{ "sessionId": "…" }</code>: starts recording that room</li>
            <li><code>POST /archive/{archiveId}/stop</code>, <code>GET /archive/{archiveId}</code>, <code>GET /archive/{archiveId}/view</code></li>
            <li><code>GET /archive?count=&amp;offset=</code>: the archives, newest first</li>
          </ul>
        </body>
        </html>
        """;
}

/// <summary>Calls OpenTok and turns its failures into problem details: 404/409 as they are, anything else 502 naming the call.</summary>
internal static partial class Upstream
{
    public static async Task<IResult> CallAsync<T>(string operation, ILoggerFactory logs, Func<Task<T>> call, Func<T, IResult> onSuccess)
    {
        try
        {
            return onSuccess(await call());
        }
        catch (OpenTokNotFoundException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: $"{operation}: OpenTok has no such archive or session ({e.ServerMessage ?? "404"}).");
        }
        catch (OpenTokConflictException e)
        {
            // The caller's request clashes with the archive's state (already recording, already stopped): their call, not an outage.
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict",
                detail: $"{operation} was refused by OpenTok: {e.ServerMessage ?? "409 Conflict"}");
        }
        catch (OpenTokArgumentException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [e.ParamName ?? "request"] = [e.Message] }, detail: $"{operation}: {e.Message}");
        }
        catch (Exception e) when (e is OpenTokApiException or HttpRequestException or TimeoutException)
        {
            // The SDK's messages carry the status, method and path, never the secret or the auth header.
            var detail = e switch
            {
                OpenTokApiException api => $"{operation} failed: {api.Message}",
                HttpRequestException http => $"{operation} failed: OpenTok could not be reached ({http.HttpRequestError}).",
                _ => $"{operation} failed: OpenTok did not answer in time.",
            };
            LogUpstreamFailure(logs.CreateLogger("OpenTok.Refit.SampleServer.Upstream"), operation, e.GetType().Name, e.Message);
            return Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "OpenTok call failed", detail: detail);
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "{Operation} failed: {ExceptionType}: {ExceptionMessage}")]
    private static partial void LogUpstreamFailure(ILogger logger, string operation, string exceptionType, string exceptionMessage);
}
