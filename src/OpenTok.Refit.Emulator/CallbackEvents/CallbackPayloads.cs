using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using OpenTok.Refit.Emulator.Areas.Captions;
using OpenTok.Refit.Emulator.Areas.LiveSessions;

namespace OpenTok.Refit.Emulator.CallbackEvents;

/// <summary>
/// The bodies of callback events, in the shapes the service sends (docs/callback-events.md), as UTF-8 JSON. Who sent
/// it: an OpenTok project writes <c>projectId</c> as a string (archive events: <c>partnerId</c>, a number), a Vonage
/// application <c>applicationId</c>. Times are Unix milliseconds. Status events reuse the REST object the area
/// answers (<see cref="Archive"/>, <see cref="Broadcast"/>, <see cref="Render"/>), so the two never differ.
/// </summary>
/// <param name="projectId">The project's API key, or the application id in application mode.</param>
/// <param name="applicationMode">Whether the emulator serves a Vonage application.</param>
internal sealed class CallbackPayloads(string projectId, bool applicationMode)
{
    /// <summary>A session-monitoring <c>connectionCreated</c> or <c>connectionDestroyed</c> (with its reason).</summary>
    public byte[] Connection(OpenTokEventKind kind, ConnectionRecord connection, EmulatedEndReason? reason, DateTimeOffset at) => Write(json =>
    {
        WriteHeader(json, connection.SessionId, kind, at);
        if (reason is { } why)
        {
            json.WriteString("reason", Reason(why));
        }

        json.WritePropertyName("connection");
        WriteConnection(json, connection);
    });

    /// <summary>
    /// A session-monitoring <c>streamCreated</c> or <c>streamDestroyed</c> (with its reason); <c>videoType</c> is left out
    /// for a stream without video, as the service does for an audio-only stream.
    /// </summary>
    public byte[] Stream(OpenTokEventKind kind, StreamRecord stream, ConnectionRecord? connection, EmulatedEndReason? reason, DateTimeOffset at) => Write(json =>
    {
        WriteHeader(json, stream.SessionId, kind, at);
        if (reason is { } why)
        {
            json.WriteString("reason", Reason(why));
        }

        json.WriteStartObject("stream");
        json.WriteString("id", stream.Id);
        json.WritePropertyName("connection");
        WriteConnection(json, connection ?? new ConnectionRecord
        {
            Id = stream.ConnectionId,
            SessionId = stream.SessionId,
            Sequence = 0,
            Kind = ConnectionKind.Client,
            State = ConnectionState.Connected,
            CreatedAt = stream.CreatedAt,
        });
        json.WriteNumber("createdAt", stream.CreatedAt.ToUnixTimeMilliseconds());
        json.WriteString("name", stream.Name);
        if (stream.HasVideo)
        {
            json.WriteString("videoType", stream.VideoType.Value);
        }

        json.WriteEndObject();
    });

    /// <summary>
    /// A SIP call event: <c>callCreated</c>, <c>callUpdated</c> (with <paramref name="state"/>), <c>callDestroyed</c>
    /// (with the snake_case <c>reason_code</c>, a string, and <c>reason_message</c>) or <c>muteForced</c>.
    /// </summary>
    public byte[] SipCall(OpenTokEventKind kind, ConnectionRecord connection, SipCallState? state, (string Code, string Message)? reason, DateTimeOffset at) => Write(json =>
    {
        WriteHeader(json, connection.SessionId, kind, at);
        if (state is { } callState)
        {
            json.WriteString("state", callState.Value);
        }

        if (reason is { } why)
        {
            json.WriteString("reason_code", why.Code);
            json.WriteString("reason_message", why.Message);
        }

        json.WriteStartObject("call");
        json.WriteString("id", connection.ResourceId ?? connection.Id);
        json.WriteString("connectionId", connection.Id);
        json.WriteNumber("createdAt", connection.CreatedAt.ToUnixTimeMilliseconds());
        json.WriteEndObject();
    });

    /// <summary>
    /// An archive status event: the archive object with <c>event</c> <c>archive</c>, <c>partnerId</c> (a number when the
    /// key is one) or <c>applicationId</c> in place of <c>projectId</c>, and <c>createdAt</c> rounded down to the second
    /// (the service's callback says when the start call was made, to the second).
    /// </summary>
    public byte[] Archive(Archive archive)
    {
        var body = ToObject(archive, OpenTokJsonContext.Default.Archive);
        body.Remove("projectId");
        body.Remove("multiArchiveTag");
        body["event"] = "archive";
        if (applicationMode)
        {
            body["applicationId"] = projectId;
        }
        else
        {
            body["partnerId"] = long.TryParse(projectId, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : JsonValue.Create(projectId);
        }

        var createdAt = archive.CreatedAt.ToUnixTimeMilliseconds();
        body["createdAt"] = createdAt - (createdAt % 1000);
        return Bytes(body);
    }

    /// <summary>A broadcast status event: the broadcast object with <c>event</c> <c>broadcast</c>.</summary>
    public byte[] Broadcast(Broadcast broadcast)
    {
        var body = ToObject(broadcast, OpenTokJsonContext.Default.Broadcast);
        body.Remove("multiBroadcastTag");
        body["event"] = "broadcast";
        Identify(body);
        return Bytes(body);
    }

    /// <summary>An Experience Composer status event: the render object, without <c>event</c> (as the service's guide shows it).</summary>
    public byte[] Render(Render render)
    {
        var body = ToObject(render, OpenTokJsonContext.Default.Render);
        Identify(body);
        return Bytes(body);
    }

    /// <summary>A live-captions status event, without <c>event</c>: <c>captionId</c>, the status, times, language and provider.</summary>
    public byte[] Captions(CaptionsRecord captions, CaptionsStatus status, DateTimeOffset updatedAt) => Write(json =>
    {
        json.WriteString("captionId", captions.Id.ToString("D"));
        WriteIdentity(json);
        json.WriteString("sessionId", captions.SessionId);
        json.WriteString("status", status.Value);
        json.WriteNumber("createdAt", captions.StartedAt.ToUnixTimeMilliseconds());
        json.WriteNumber("updatedAt", updatedAt.ToUnixTimeMilliseconds());
        if (status != CaptionsStatus.Started)
        {
            json.WriteNumber("duration", (long)Math.Ceiling((updatedAt - captions.StartedAt).TotalSeconds));
            if (!captions.StopRequested)
            {
                json.WriteString("reason", "Maximum duration exceeded");
            }
        }

        json.WriteString("languageCode", captions.LanguageCode);
        json.WriteString("provider", "aws-transcribe");
        json.WriteString("group", "captions");
    });

    /// <summary>The service's word for why a connection or stream ended; a publisher that unpublishes left the stream, as a client that disconnects does.</summary>
    private static string Reason(EmulatedEndReason reason) => reason switch
    {
        EmulatedEndReason.ForceDisconnected => DestroyedReason.ForceDisconnected.Value,
        EmulatedEndReason.NetworkDisconnected => DestroyedReason.NetworkDisconnected.Value,
        _ => DestroyedReason.ClientDisconnected.Value,
    };

    private static void WriteConnection(Utf8JsonWriter json, ConnectionRecord connection)
    {
        json.WriteStartObject();
        json.WriteString("id", connection.Id);
        json.WriteNumber("createdAt", connection.CreatedAt.ToUnixTimeMilliseconds());
        json.WriteString("data", connection.Data ?? "");
        json.WriteEndObject();
    }

    private void WriteHeader(Utf8JsonWriter json, string sessionId, OpenTokEventKind kind, DateTimeOffset at)
    {
        json.WriteString("sessionId", sessionId);
        WriteIdentity(json);
        json.WriteString("event", kind.Value);
        json.WriteNumber("timestamp", at.ToUnixTimeMilliseconds());
    }

    private void WriteIdentity(Utf8JsonWriter json) => json.WriteString(applicationMode ? "applicationId" : "projectId", projectId);

    // The REST objects carry projectId (the emulator writes its project id there in both modes); a Vonage
    // application's callbacks name the application instead.
    private void Identify(JsonObject body)
    {
        body.Remove("projectId");
        body.Remove("applicationId");
        body[applicationMode ? "applicationId" : "projectId"] = projectId;
    }

    private static JsonObject ToObject<T>(T value, JsonTypeInfo<T> type) =>
        JsonSerializer.SerializeToNode(value, type)?.AsObject() ?? throw new InvalidOperationException($"{typeof(T).Name} did not serialize to an object.");

    private static byte[] Bytes(JsonObject body)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            body.WriteTo(json);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
