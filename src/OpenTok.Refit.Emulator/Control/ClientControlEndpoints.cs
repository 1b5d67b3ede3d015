using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenTok.Refit.Emulator.Areas.LiveSessions;
using OpenTok.Refit.Emulator.Pipeline;

namespace OpenTok.Refit.Emulator.Control;

/// <summary>
/// Emulated clients over plain HTTP and JSON, under <c>/_emulator/clients</c>: what <see cref="OpenTokEmulator.ConnectAsync"/>
/// and <see cref="EmulatedClient"/> do in process, for a test in another process or language. Like the other control
/// endpoints, not authenticated and untouched by faults.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>POST /_emulator/clients</c> <c>{"sessionId","token"}</c> connects: 200 with the client.</item>
/// <item><c>GET /_emulator/clients/{connectionId}</c>: the client, its state and its published streams.</item>
/// <item><c>DELETE /_emulator/clients/{connectionId}</c> leaves: 204 (again 204 once left).</item>
/// <item><c>POST …/{connectionId}/streams</c> <c>{"name","videoType","hasAudio","hasVideo"}</c> (each optional; <c>{}</c>
/// is a camera with audio and video) publishes: 200 with the stream.</item>
/// <item><c>DELETE …/{connectionId}/streams/{streamId}</c> unpublishes: 204.</item>
/// <item><c>POST …/{connectionId}/signals</c> <c>{"type","data","to"}</c> (<c>to</c> a connection id, optional) sends: 204.</item>
/// <item><c>GET …/{connectionId}/signals</c> and <c>GET …/{connectionId}/events</c> read and remove what arrived
/// since the last read (drain): 200 <c>{"count","items"}</c>.</item>
/// </list>
/// A body that is not a JSON object of the fields named (an unknown or misspelt field included) is a 400; a path id
/// that is not a UUID a 400, an unknown client a 404. A refused action answers with the error body plus
/// <c>"error"</c>, the <see cref="EmulatedClientError"/> in camelCase: 403 for a refused token (<c>invalidToken</c>,
/// <c>expiredToken</c>, <c>tokenForAnotherSession</c>) or role (<c>notPermitted</c>), 404 for <c>unknownSession</c>
/// and <c>notFound</c>, 409 for <c>notConnected</c>.
/// </remarks>
internal static class ClientControlEndpoints
{
    private const string Clients = ControlEndpoints.Prefix + "/clients";
    private const string Client = Clients + "/{connectionId}";

    /// <summary>Maps the client control endpoints.</summary>
    public static IEndpointRouteBuilder MapClientControl(this IEndpointRouteBuilder endpoints, OpenTokEmulator emulator)
    {
        endpoints.MapPost(Clients, context => RefusalsAnsweredAsync(context, async () =>
        {
            var body = await context.ReadJsonObjectAsync().ConfigureAwait(false);
            EnsureOnly(body, "sessionId", "token");
            var client = await emulator.ConnectAsync(RequiredString(body, "sessionId"), RequiredString(body, "token"), context.RequestAborted).ConfigureAwait(false);
            await WriteAsync(context, json => WriteClient(json, client, emulator)).ConfigureAwait(false);
        }));

        endpoints.MapGet(Client, context =>
        {
            var client = Find(context, emulator);
            return WriteAsync(context, json => WriteClient(json, client, emulator));
        });

        endpoints.MapDelete(Client, async context =>
        {
            await Find(context, emulator).LeaveAsync(context.RequestAborted).ConfigureAwait(false);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        });

        endpoints.MapPost(Client + "/streams", context => RefusalsAnsweredAsync(context, async () =>
        {
            var client = Find(context, emulator);
            var body = await context.ReadJsonObjectAsync().ConfigureAwait(false);
            EnsureOnly(body, "name", "videoType", "hasAudio", "hasVideo");
            var stream = new EmulatedStream
            {
                Name = OptionalString(body, "name") ?? "",
                VideoType = OptionalString(body, "videoType") is not { } videoType ? VideoType.Camera
                    : VideoType.FromValue(videoType) is { IsKnown: true } known ? known
                    : throw ApiErrorException.BadRequest($"videoType must be camera, screen or custom; {Arguments.Quote(videoType)} is not."),
                HasAudio = OptionalBoolean(body, "hasAudio") ?? true,
                HasVideo = OptionalBoolean(body, "hasVideo") ?? true,
            };
            var publication = await client.PublishAsync(stream, context.RequestAborted).ConfigureAwait(false);
            await WriteAsync(context, json => WriteStream(json, publication.StreamId, publication.Name, publication.VideoType, publication.HasAudio, publication.HasVideo, publication.IsAudioMuted)).ConfigureAwait(false);
        }));

        endpoints.MapDelete(Client + "/streams/{streamId}", async context =>
        {
            var client = Find(context, emulator);
            var streamId = context.RouteGuid("streamId", "stream ID").ToString("D");
            var publication = client.AllPublications.FirstOrDefault(p => p.StreamId == streamId)
                ?? throw ApiErrorException.NotFound($"Client {client.ConnectionId} never published stream {streamId}.");
            await publication.UnpublishAsync(context.RequestAborted).ConfigureAwait(false);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        });

        endpoints.MapPost(Client + "/signals", context => RefusalsAnsweredAsync(context, async () =>
        {
            var client = Find(context, emulator);
            var body = await context.ReadJsonObjectAsync().ConfigureAwait(false);
            EnsureOnly(body, "type", "data", "to");
            var signal = LiveSessionEndpoints.SignalFrom(body, "type", "data");
            await client.SendSignalAsync(signal.Type, signal.Data, OptionalString(body, "to"), context.RequestAborted).ConfigureAwait(false);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        }));

        endpoints.MapGet(Client + "/signals", context =>
        {
            var signals = Drain(Find(context, emulator).Signals);
            return WriteAsync(context, json => WriteList(json, signals, (j, signal) =>
            {
                j.WriteStartObject();
                j.WriteString("type", signal.Type);
                j.WriteString("data", signal.Data);
                j.WriteString("from", signal.FromConnectionId);
                j.WriteEndObject();
            }));
        });

        endpoints.MapGet(Client + "/events", context =>
        {
            var events = Drain(Find(context, emulator).Events);
            return WriteAsync(context, json => WriteList(json, events, WriteEvent));
        });

        return endpoints;
    }

    private static EmulatedClient Find(HttpContext context, OpenTokEmulator emulator)
    {
        var connectionId = context.RouteGuid("connectionId", "connection ID").ToString("D");
        return emulator.FindClient(connectionId) ?? throw ApiErrorException.NotFound($"No emulated client has connection {connectionId}.");
    }

    private static List<T> Drain<T>(System.Threading.Channels.ChannelReader<T> reader)
    {
        var items = new List<T>();
        while (reader.TryRead(out var item))
        {
            items.Add(item);
        }

        return items;
    }

    /// <summary>Runs a handler, answering an <see cref="EmulatedClientException"/> with its status and the error body plus <c>error</c>.</summary>
    private static async Task RefusalsAnsweredAsync(HttpContext context, Func<Task> handler)
    {
        try
        {
            await handler().ConfigureAwait(false);
        }
        catch (EmulatedClientException e) when (!context.Response.HasStarted)
        {
            var status = e.Error switch
            {
                EmulatedClientError.UnknownSession or EmulatedClientError.NotFound => StatusCodes.Status404NotFound,
                EmulatedClientError.NotConnected => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status403Forbidden,
            };

            // Long inputs (a megabyte token) are cut short as in every error body.
            var message = LongInputs.Shorten(context, e.Message);
            message = message.Length > 500 ? string.Concat(message.AsSpan(0, 500), "…") : message;
            await WriteAsync(context, json =>
            {
                json.WriteStartObject();
                json.WriteNumber("code", status);
                json.WriteString("message", message);
                json.WriteString("error", JsonNamingPolicy.CamelCase.ConvertName(e.Error.ToString()));
                json.WriteEndObject();
            }, status).ConfigureAwait(false);
        }
    }

    private static void WriteClient(Utf8JsonWriter json, EmulatedClient client, OpenTokEmulator emulator)
    {
        json.WriteStartObject();
        json.WriteString("connectionId", client.ConnectionId);
        json.WriteString("sessionId", client.SessionId);
        json.WriteString("role", client.Role.ToWireValue());
        json.WriteString("data", client.Data);
        json.WriteString("state", client.State.Value);
        if (client.EndReason is { } reason)
        {
            json.WriteString("endReason", Camel(reason));
        }

        json.WritePropertyName("streams");
        json.WriteStartArray();
        foreach (var stream in emulator.StreamsOf(client))
        {
            WriteStream(json, stream.Id, stream.Name, stream.VideoType, stream.HasAudio, stream.HasVideo, stream.AudioMuted);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteStream(Utf8JsonWriter json, string streamId, string name, VideoType videoType, bool hasAudio, bool hasVideo, bool audioMuted)
    {
        json.WriteStartObject();
        json.WriteString("streamId", streamId);
        json.WriteString("name", name);
        json.WriteString("videoType", videoType.Value);
        json.WriteBoolean("hasAudio", hasAudio);
        json.WriteBoolean("hasVideo", hasVideo);
        json.WriteBoolean("audioMuted", audioMuted);
        json.WriteEndObject();
    }

    /// <summary>An event as <c>{"type": "streamCreated", …}</c>: its nested type's name in camelCase, then its fields.</summary>
    private static void WriteEvent(Utf8JsonWriter json, EmulatedClientEvent clientEvent)
    {
        json.WriteStartObject();
        json.WriteString("type", JsonNamingPolicy.CamelCase.ConvertName(clientEvent.GetType().Name));
        switch (clientEvent)
        {
            case EmulatedClientEvent.ConnectionCreated e:
                json.WriteString("connectionId", e.ConnectionId);
                json.WriteString("data", e.Data);
                break;
            case EmulatedClientEvent.ConnectionDestroyed e:
                json.WriteString("connectionId", e.ConnectionId);
                json.WriteString("reason", Camel(e.Reason));
                break;
            case EmulatedClientEvent.StreamCreated e:
                json.WriteString("streamId", e.StreamId);
                json.WriteString("connectionId", e.ConnectionId);
                json.WriteString("name", e.Name);
                json.WriteString("videoType", e.VideoType.Value);
                json.WriteBoolean("hasAudio", e.HasAudio);
                json.WriteBoolean("hasVideo", e.HasVideo);
                break;
            case EmulatedClientEvent.StreamDestroyed e:
                json.WriteString("streamId", e.StreamId);
                json.WriteString("connectionId", e.ConnectionId);
                json.WriteString("reason", Camel(e.Reason));
                break;
            case EmulatedClientEvent.MuteForced e:
                json.WriteString("streamId", e.StreamId);
                break;
            case EmulatedClientEvent.Disconnected e:
                json.WriteString("reason", Camel(e.Reason));
                break;
        }

        json.WriteEndObject();
    }

    private static void WriteList<T>(Utf8JsonWriter json, List<T> items, Action<Utf8JsonWriter, T> write)
    {
        json.WriteStartObject();
        json.WriteNumber("count", items.Count);
        json.WritePropertyName("items");
        json.WriteStartArray();
        foreach (var item in items)
        {
            write(json, item);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static Task WriteAsync(HttpContext context, Action<Utf8JsonWriter> write, int status = StatusCodes.Status200OK) =>
        ControlJson.WriteAsync(context, write, status);

    private static string Camel(EmulatedEndReason reason) => JsonNamingPolicy.CamelCase.ConvertName(reason.ToString());

    // A misspelt field is an error, not a silent default.
    private static void EnsureOnly(JsonElement body, params string[] names)
    {
        foreach (var property in body.EnumerateObject())
        {
            if (!names.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
            {
                throw ApiErrorException.BadRequest($"Unknown field {Arguments.Quote(property.Name)}; the fields are {string.Join(", ", names)}.");
            }
        }
    }

    private static string RequiredString(JsonElement body, string name) =>
        OptionalString(body, name) ?? throw ApiErrorException.BadRequest($"{name} is required.");

    private static string? OptionalString(JsonElement body, string name) =>
        !body.TryGetField(name, out var value) ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw ApiErrorException.BadRequest($"{name} must be a string.");

    private static bool? OptionalBoolean(JsonElement body, string name) =>
        !body.TryGetField(name, out var value) ? null
        : value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean()
        : throw ApiErrorException.BadRequest($"{name} must be true or false.");
}
