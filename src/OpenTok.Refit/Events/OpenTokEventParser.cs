using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OpenTok.Refit;

/// <summary>
/// Turns a callback body into its event family. Pure: bytes in, an event or a failure message out. Messages never
/// quote the body, only the position of a syntax error or the path of a field (at most 100 characters).
/// </summary>
internal static class OpenTokEventParser
{
    private const int MaxQuoted = 100;

    public static bool TryParse(ReadOnlySpan<byte> json, [NotNullWhen(true)] out OpenTokEvent? callbackEvent, [NotNullWhen(false)] out string? failure)
    {
        callbackEvent = null;
        if (json.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        if (json.Trim(" \t\r\n"u8).IsEmpty)
        {
            failure = "The callback body is empty; an OpenTok event is a JSON object.";
            return false;
        }

        // The reader checks UTF-8 only in the strings it decodes; an unknown field's bad bytes would slip into RawJson.
        if (!System.Text.Unicode.Utf8.IsValid(json))
        {
            failure = "The callback body is not valid UTF-8 text.";
            return false;
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
            document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
            {
                // Unreachable with these options (trailing content throws), kept so the rule does not rest on that.
                document.Dispose();
                failure = "The callback body is not valid JSON: more follows the first value.";
                return false;
            }
        }
        catch (JsonException e)
        {
            failure = $"The callback body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1} of that line).";
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                failure = $"The callback body must be a JSON object; it is {Describe(root.ValueKind)}.";
                return false;
            }

            var raw = Encoding.UTF8.GetString(json);
            var (kind, family) = Classify(root);
            if (family is null)
            {
                callbackEvent = ReadUnknown(root, kind, raw);
                failure = null;
                return true;
            }

            try
            {
                var typed = (OpenTokEvent?)JsonSerializer.Deserialize(json, family)
                    ?? throw new JsonException("The body is null.");
                callbackEvent = typed with
                {
                    Kind = kind,
                    ProjectId = typed.ProjectId ?? ReadId(root, "partnerId"),
                    RawJson = raw,
                };
                if (callbackEvent is CaptionsStatusEvent { CaptionsId: "" } captions)
                {
                    callbackEvent = captions with { CaptionsId = ReadId(root, "captionsId") ?? "" };
                }

                failure = null;
                return true;
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                var where = e is JsonException { Path: { Length: > 0 } path } ? $" at {Truncate(path)}" : "";
                failure = $"The callback body is not a valid '{Truncate(kind.Value)}' event: a field has the wrong type or value{where}.";
                callbackEvent = null;
                return false;
            }
        }
    }

    /// <summary>The event's kind and the family that reads it; no family for a kind (or a body) this SDK does not know.</summary>
    private static (OpenTokEventKind Kind, JsonTypeInfo? Family) Classify(JsonElement root)
    {
        var context = OpenTokJsonContext.Default;
        if (root.TryGetProperty("event", out var eventField) && eventField.ValueKind == JsonValueKind.String)
        {
            var kind = new OpenTokEventKind(eventField.GetString()!);
            JsonTypeInfo? family = kind.Value switch
            {
                "connectionCreated" or "connectionDestroyed" => context.ConnectionEvent,
                "streamCreated" or "streamDestroyed" => context.StreamEvent,
                "sessionCreated" or "sessionDestroyed" or "sessionNotification" => context.SessionEvent,
                "callCreated" or "callUpdated" or "callDestroyed" or "muteForced" => context.SipCallEvent,
                "archive" => context.ArchiveStatusEvent,
                "broadcast" => context.BroadcastStatusEvent,
                "render" => context.RenderStatusEvent,
                "captions" => context.CaptionsStatusEvent,
                _ => null,
            };
            return (kind, family);
        }

        if (eventField.ValueKind != JsonValueKind.Undefined)
        {
            // An "event" that is not a string names no kind this SDK knows.
            return (default, null);
        }

        // Experience Composer and live captions send no "event"; an archive or a broadcast object without one is read
        // for what it plainly is. The order matters: captions and broadcasts also have an id, a session and a status.
        if (Has(root, "captionId") || Has(root, "captionsId"))
        {
            return (OpenTokEventKind.Captions, context.CaptionsStatusEvent);
        }

        if (Has(root, "broadcastUrls"))
        {
            return (OpenTokEventKind.Broadcast, context.BroadcastStatusEvent);
        }

        if (Has(root, "id") && Has(root, "status") && Has(root, "size") && Has(root, "duration"))
        {
            return (OpenTokEventKind.Archive, context.ArchiveStatusEvent);
        }

        if (Has(root, "id") && Has(root, "sessionId") && Has(root, "status"))
        {
            return (OpenTokEventKind.Render, context.RenderStatusEvent);
        }

        return (default, null);
    }

    /// <summary>An event of a kind this SDK does not know: its common fields when they read, else just the body.</summary>
    private static UnknownEvent ReadUnknown(JsonElement root, OpenTokEventKind kind, string raw)
    {
        try
        {
            var known = root.Deserialize(OpenTokJsonContext.Default.UnknownEvent) ?? new UnknownEvent();
            return known with { Kind = kind, ProjectId = known.ProjectId ?? ReadId(root, "partnerId"), RawJson = raw };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            // Never throw on a kind we do not know, whatever its fields hold.
            return new UnknownEvent { Kind = kind, RawJson = raw };
        }
    }

    /// <summary>An id the service writes as a number or a string; <see langword="null"/> when missing or null.</summary>
    private static string? ReadId(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) ? null : value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.TryGetInt64(out var number) ? number.ToString(CultureInfo.InvariantCulture) : value.GetRawText(),
            JsonValueKind.Null => null,
            _ => throw new JsonException($"Expected a number or a string for {name}.", $"$.{name}", null, null),
        };

    private static bool Has(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };

    private static string Truncate(string text) => text.Length <= MaxQuoted ? text : text[..MaxQuoted] + "…";
}
