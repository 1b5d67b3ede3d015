using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenTok.Refit.Api;
using OpenTok.Refit.Emulator.Pipeline;
using OpenTok.Refit.Emulator.State;

namespace OpenTok.Refit.Emulator.Areas.LiveSessions;

/// <summary>
/// The REST endpoints that act inside sessions — signals, connections, streams, force disconnect and force mute — on
/// the paths <c>ISignalsApi</c>, <c>IConnectionsApi</c>, <c>IStreamsApi</c> and <c>IModerationApi</c> declare
/// (<see cref="ApiRoutes"/>). Handlers parse and write; the rules live in <see cref="LiveSessionStore"/>. A session id
/// in a path that is not one is a 400, an unknown one a 404; a connection or stream id that is not a UUID (every id
/// the service makes is) is a 400, an unknown one a 404.
/// </summary>
internal static class LiveSessionEndpoints
{
    /// <summary>Maps the area.</summary>
    public static IEndpointRouteBuilder MapLiveSessions(this IEndpointRouteBuilder endpoints, EmulatorState state)
    {
        var live = state.Store<LiveSessionStore>();
        var projectCreatedAt = state.Now;

        endpoints.MapPost(ApiRoutes.SessionSignal, async context =>
        {
            var sessionId = SessionId(context);
            live.SignalSession(sessionId, await ReadSignalAsync(context).ConfigureAwait(false));
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        }).RequireRestAuthentication();

        endpoints.MapPost(ApiRoutes.ConnectionSignal, async context =>
        {
            var (sessionId, connectionId) = (SessionId(context), ConnectionId(context));
            live.SignalConnection(sessionId, connectionId, await ReadSignalAsync(context).ConfigureAwait(false));
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        }).RequireRestAuthentication();

        endpoints.MapDelete(ApiRoutes.Connection, context =>
        {
            live.ForceDisconnect(SessionId(context), ConnectionId(context));
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }).RequireRestAuthentication();

        endpoints.MapGet(ApiRoutes.Connections, context =>
            context.WriteJsonAsync(StatusCodes.Status200OK, live.ListConnections(SessionId(context)), OpenTokJsonContext.Default.ConnectionList))
            .RequireRestAuthentication();

        endpoints.MapGet(ApiRoutes.Stream, context =>
            context.WriteJsonAsync(StatusCodes.Status200OK, live.GetStream(SessionId(context), StreamId(context)), OpenTokJsonContext.Default.SessionStream))
            .RequireRestAuthentication();

        endpoints.MapGet(ApiRoutes.Streams, context =>
            context.WriteJsonAsync(StatusCodes.Status200OK, live.ListStreams(SessionId(context)), OpenTokJsonContext.Default.StreamList))
            .RequireRestAuthentication();

        endpoints.MapPut(ApiRoutes.Streams, async context =>
        {
            var sessionId = SessionId(context);
            var (request, _) = await context.ReadJsonAsync(OpenTokJsonContext.Default.StreamClassListsRequest).ConfigureAwait(false);
            live.SetClassLists(sessionId, request.Items);
            context.Response.StatusCode = StatusCodes.Status200OK;
        }).RequireRestAuthentication();

        // No body is read: the SDKs send none, or {} (Node), and the service reads none.
        endpoints.MapPost(ApiRoutes.StreamMute, context =>
        {
            live.ForceMuteStream(SessionId(context), StreamId(context));
            return WriteProjectDetailsAsync(context, state, projectCreatedAt);
        }).RequireRestAuthentication();

        endpoints.MapPost(ApiRoutes.SessionMute, async context =>
        {
            var sessionId = SessionId(context);
            var (active, excluded) = ReadForceMute(await context.ReadJsonObjectAsync().ConfigureAwait(false));
            live.SetForceMuteAll(sessionId, active, excluded);
            await WriteProjectDetailsAsync(context, state, projectCreatedAt).ConfigureAwait(false);
        }).RequireRestAuthentication();

        return endpoints;
    }

    /// <summary>
    /// A signal body: <c>type</c> and <c>data</c>, both strings (400 otherwise); 413 when either is over the service's
    /// limit (<see cref="Signal.MaxTypeBytes"/>, <see cref="Signal.MaxDataBytes"/> UTF-8 bytes); then the SDK's rule for the
    /// type's characters (400).
    /// </summary>
    public static async Task<Signal> ReadSignalAsync(HttpContext context)
    {
        var body = await context.ReadJsonObjectAsync().ConfigureAwait(false);
        return SignalFrom(body, "type", "data");
    }

    /// <summary>The signal in a parsed body's <paramref name="typeField"/> and <paramref name="dataField"/>, by the rules of <see cref="ReadSignalAsync"/>.</summary>
    /// <exception cref="ApiErrorException">400: a field missing or not a string, or a bad type character; 413: a field too large.</exception>
    public static Signal SignalFrom(JsonElement body, string typeField, string dataField)
    {
        var signal = new Signal { Type = RequiredString(body, typeField), Data = RequiredString(body, dataField) };
        EnsureAtMost(signal.Type, Signal.MaxTypeBytes, typeField);
        EnsureAtMost(signal.Data, Signal.MaxDataBytes, dataField);
        signal.Validate();
        return signal;
    }

    private static string RequiredString(JsonElement body, string name) =>
        body.TryGetField(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw ApiErrorException.BadRequest($"{name} is required and must be a string.");

    private static void EnsureAtMost(string value, int maxBytes, string name)
    {
        var bytes = Encoding.UTF8.GetByteCount(value);
        if (bytes > maxBytes)
        {
            throw new ApiErrorException(StatusCodes.Status413PayloadTooLarge, $"The signal's {name} is {bytes} bytes; the most is {maxBytes}.");
        }
    }

    /// <summary>
    /// A force mute all body: <c>active</c> a boolean (required), <c>excludedStreamIds</c> an array of strings
    /// (optional; ignored when <c>active</c> is false). Other fields are ignored, as the service ignores the
    /// <c>excludedStreams</c> one SDK sends by mistake.
    /// </summary>
    private static (bool Active, IReadOnlyList<string> Excluded) ReadForceMute(JsonElement body)
    {
        if (!body.TryGetField("active", out var activeValue) || activeValue.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw ApiErrorException.BadRequest("active is required and must be true or false.");
        }

        var excluded = new List<string>();
        if (body.TryGetField("excludedStreamIds", out var ids))
        {
            if (ids.ValueKind != JsonValueKind.Array)
            {
                throw ApiErrorException.BadRequest("excludedStreamIds must be an array of stream ids.");
            }

            foreach (var id in ids.EnumerateArray())
            {
                excluded.Add(id.ValueKind == JsonValueKind.String ? id.GetString()! : throw ApiErrorException.BadRequest("excludedStreamIds must hold strings only."));
            }
        }

        return (activeValue.GetBoolean(), excluded);
    }

    /// <summary>
    /// The force mute answers' body: the project's details, which no SDK reads (Go's parses them as a project):
    /// <c>id</c> (or <c>applicationId</c> for a Vonage application), <c>name</c>, <c>status</c>, <c>environment</c>,
    /// <c>createdAt</c> (milliseconds).
    /// </summary>
    private static async Task WriteProjectDetailsAsync(HttpContext context, EmulatorState state, DateTimeOffset createdAt)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString(state.Options.Application is null ? "id" : "applicationId", state.ApiKey);
            json.WriteString("name", "OpenTok emulator");
            json.WriteString("status", "ACTIVE");
            json.WriteString("environment", "standard");
            json.WriteNumber("createdAt", createdAt.ToUnixTimeMilliseconds());
            json.WriteEndObject();
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = buffer.Length;
        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted).ConfigureAwait(false);
    }

    private static string SessionId(HttpContext context) => context.Request.RouteValues["sessionId"] as string ?? "";

    private static string ConnectionId(HttpContext context) => context.RouteGuid("connectionId", "connection ID").ToString("D");

    private static string StreamId(HttpContext context) => context.RouteGuid("streamId", "stream ID").ToString("D");
}
