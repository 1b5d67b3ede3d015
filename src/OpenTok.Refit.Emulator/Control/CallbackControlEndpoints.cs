using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using OpenTok.Refit.Emulator.Pipeline;

namespace OpenTok.Refit.Emulator.Control;

/// <summary>
/// The callback events' settings and delivery log over plain HTTP, under <c>/_emulator/callbacks</c>: what
/// <see cref="OpenTokEmulator.Callbacks"/> does in process, for a host in another process (a sample server that learns
/// its own address once it listens) or a test in another language. Like the other control endpoints, not
/// authenticated and untouched by faults.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>GET /_emulator/callbacks</c>: the URLs (<c>url</c> and one per family, <c>null</c> when unset), whether
/// deliveries are <c>signed</c> (never the secret), the retry settings and how many deliveries are pending.</item>
/// <item><c>PUT /_emulator/callbacks</c> <c>{"url","sessionMonitoringUrl","archiveUrl","broadcastUrl","sipUrl",
/// "experienceComposerUrl","captionsUrl","signatureSecret"}</c>: replaces them all (a field left out is none, so
/// <c>{}</c> turns delivery off); answers as GET does. An unknown field, a value that is not a string or null, or a
/// URL that is not absolute http(s) is a 400 that changes nothing.</item>
/// <item><c>GET /_emulator/callbacks/deliveries</c>: the delivery log, oldest first, <c>{"count","pending","items"}</c>,
/// each item with its event, URL, attempts, state, times and body.</item>
/// </list>
/// </remarks>
internal static class CallbackControlEndpoints
{
    private const string Callbacks = ControlEndpoints.Prefix + "/callbacks";

    private static readonly Dictionary<string, CallbackFamily> FamilyFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sessionMonitoringUrl"] = CallbackFamily.SessionMonitoring,
        ["archiveUrl"] = CallbackFamily.Archive,
        ["broadcastUrl"] = CallbackFamily.Broadcast,
        ["sipUrl"] = CallbackFamily.Sip,
        ["experienceComposerUrl"] = CallbackFamily.ExperienceComposer,
        ["captionsUrl"] = CallbackFamily.Captions,
    };

    /// <summary>Maps the callback control endpoints.</summary>
    public static IEndpointRouteBuilder MapCallbackControl(this IEndpointRouteBuilder endpoints, OpenTokEmulator emulator)
    {
        var callbacks = emulator.Callbacks;
        endpoints.MapGet(Callbacks, context => ControlJson.WriteAsync(context, json => WriteSettings(json, callbacks)));

        endpoints.MapPut(Callbacks, async context =>
        {
            var body = await context.ReadJsonObjectAsync().ConfigureAwait(false);
            Uri? url = null;
            string? secret = null;
            var families = new Dictionary<CallbackFamily, Uri?>();
            foreach (var field in body.EnumerateObject())
            {
                if (field.NameEquals("url"))
                {
                    url = ReadUrl(field);
                }
                else if (FamilyFields.TryGetValue(field.Name, out var family))
                {
                    families[family] = ReadUrl(field);
                }
                else if (string.Equals(field.Name, "signatureSecret", StringComparison.OrdinalIgnoreCase))
                {
                    secret = ReadString(field);
                    if (secret is not null && string.IsNullOrWhiteSpace(secret))
                    {
                        throw ApiErrorException.BadRequest("signatureSecret must not be blank; send null (or leave it out) for unsigned deliveries.");
                    }
                }
                else
                {
                    throw ApiErrorException.BadRequest(
                        $"Unknown callback setting {Arguments.Quote(field.Name)}; the settings are url, {string.Join(", ", FamilyFields.Keys)} and signatureSecret.");
                }
            }

            try
            {
                callbacks.Replace(url, families, secret);
            }
            catch (ArgumentException e)
            {
                throw ApiErrorException.BadRequest(e.Message);
            }

            await ControlJson.WriteAsync(context, json => WriteSettings(json, callbacks)).ConfigureAwait(false);
        });

        endpoints.MapGet(Callbacks + "/deliveries", context =>
        {
            var deliveries = callbacks.Deliveries;
            return ControlJson.WriteAsync(context, json =>
            {
                json.WriteStartObject();
                json.WriteNumber("count", deliveries.Count);
                json.WriteNumber("pending", deliveries.Count(d => d.State == CallbackDeliveryState.Pending));
                json.WriteStartArray("items");
                foreach (var delivery in deliveries)
                {
                    WriteDelivery(json, delivery);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            });
        });

        return endpoints;
    }

    private static Uri? ReadUrl(JsonProperty field) =>
        ReadString(field) is not { } text ? null
        : Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) ? url
        : throw ApiErrorException.BadRequest($"{field.Name} must be an absolute http:// or https:// URL; {Arguments.Quote(text)} is not.");

    private static string? ReadString(JsonProperty field) => field.Value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => field.Value.GetString(),
        _ => throw ApiErrorException.BadRequest($"{field.Name} must be a string or null."),
    };

    private static void WriteSettings(Utf8JsonWriter json, EmulatorCallbacks callbacks)
    {
        json.WriteStartObject();
        json.WriteString("url", callbacks.Url?.AbsoluteUri);
        foreach (var (name, family) in FamilyFields)
        {
            json.WriteString(name, callbacks.FamilyUrl(family)?.AbsoluteUri);
        }

        json.WriteBoolean("signed", callbacks.SignatureSecret is not null);
        json.WriteNumber("maxAttempts", callbacks.Settings.MaxAttempts);
        json.WriteNumber("retryBaseDelayMilliseconds", callbacks.Settings.RetryBaseDelay.TotalMilliseconds);
        json.WriteNumber("attemptTimeoutMilliseconds", callbacks.Settings.AttemptTimeout.TotalMilliseconds);
        json.WriteNumber("pending", callbacks.PendingCount);
        json.WriteEndObject();
    }

    private static void WriteDelivery(Utf8JsonWriter json, CallbackDelivery delivery)
    {
        json.WriteStartObject();
        json.WriteNumber("id", delivery.Id);
        json.WriteString("family", JsonNamingPolicy.CamelCase.ConvertName(delivery.Family.ToString()));
        json.WriteString("event", delivery.Kind.Value);
        json.WriteString("status", delivery.Status);
        json.WriteString("sessionId", delivery.SessionId);
        json.WriteString("url", delivery.Url.AbsoluteUri);
        json.WriteString("state", JsonNamingPolicy.CamelCase.ConvertName(delivery.State.ToString()));
        json.WriteNumber("attempts", delivery.Attempts);
        if (delivery.LastStatusCode is { } status)
        {
            json.WriteNumber("lastStatusCode", status);
        }
        else
        {
            json.WriteNull("lastStatusCode");
        }

        json.WriteString("lastError", delivery.LastError);
        json.WriteBoolean("signed", delivery.IsSigned);
        json.WriteBoolean("duplicate", delivery.IsDuplicate);
        json.WriteString("queuedAt", Time(delivery.QueuedAt));
        json.WriteString("lastAttemptAt", Time(delivery.LastAttemptAt));
        json.WriteString("completedAt", Time(delivery.CompletedAt));
        json.WritePropertyName("body");
        json.WriteRawValue(delivery.Body, skipInputValidation: true);
        json.WriteEndObject();
    }

    private static string? Time(DateTimeOffset? time) => time?.ToString("O", CultureInfo.InvariantCulture);
}
