using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OpenTok.Refit.Emulator.Pipeline;

namespace OpenTok.Refit.Emulator.Control;

/// <summary>
/// The control endpoints' JSON, written and read by hand: the fault settings shaped like <see cref="FaultInjection"/>
/// (its property names in camelCase; durations as numbers, <c>latencyMilliseconds</c> and <c>retryAfterSeconds</c>,
/// which every language reads without a TimeSpan format), and the statistics shaped like
/// <see cref="EmulatorStatistics"/>. Reading by hand tells an absent field (its default) from <c>null</c> (no
/// <c>Retry-After</c>) and refuses an unknown one, so a misspelt setting is a 400, not silently ignored.
/// </summary>
internal static class ControlJson
{
    private static readonly Dictionary<string, Func<FaultInjection, JsonElement, string, FaultInjection>> FaultFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["serverErrorRate"] = (f, v, n) => f with { ServerErrorRate = Number(v, n) },
        ["serverErrorStatusCode"] = (f, v, n) => f with { ServerErrorStatusCode = v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var status) ? status : throw NotA("an integer", n) },
        ["rateLimitRate"] = (f, v, n) => f with { RateLimitRate = Number(v, n) },
        ["retryAfterSeconds"] = (f, v, n) => f with { RetryAfter = v.ValueKind == JsonValueKind.Null ? null : Duration(v, n, TimeSpan.FromSeconds) },
        ["dropConnectionRate"] = (f, v, n) => f with { DropConnectionRate = Number(v, n) },
        ["dropAfterEffectRate"] = (f, v, n) => f with { DropAfterEffectRate = Number(v, n) },
        ["latencyMilliseconds"] = (f, v, n) => f with { Latency = Duration(v, n, TimeSpan.FromMilliseconds) },
        ["callbackDropRate"] = (f, v, n) => f with { CallbackDropRate = Number(v, n) },
        ["callbackDuplicateRate"] = (f, v, n) => f with { CallbackDuplicateRate = Number(v, n) },
    };

    /// <summary>Fault settings from a JSON object: the fields given, <see cref="FaultInjection"/>'s defaults for the rest (so <c>{}</c> is no faults).</summary>
    /// <exception cref="ApiErrorException">400: an unknown field, or a value of the wrong type.</exception>
    public static FaultInjection ReadFaults(JsonElement body)
    {
        var faults = new FaultInjection();
        foreach (var field in body.EnumerateObject())
        {
            faults = FaultFields.TryGetValue(field.Name, out var set)
                ? set(faults, field.Value, field.Name)
                : throw ApiErrorException.BadRequest($"Unknown fault setting {Arguments.Quote(field.Name)}; the settings are {string.Join(", ", FaultFields.Keys)}.");
        }

        return faults;
    }

    /// <summary>Writes every fault setting.</summary>
    public static void WriteFaults(Utf8JsonWriter json, FaultInjection faults)
    {
        json.WriteStartObject();
        json.WriteNumber("serverErrorRate", faults.ServerErrorRate);
        json.WriteNumber("serverErrorStatusCode", faults.ServerErrorStatusCode);
        json.WriteNumber("rateLimitRate", faults.RateLimitRate);
        if (faults.RetryAfter is { } retryAfter)
        {
            json.WriteNumber("retryAfterSeconds", retryAfter.TotalSeconds);
        }
        else
        {
            json.WriteNull("retryAfterSeconds");
        }

        json.WriteNumber("dropConnectionRate", faults.DropConnectionRate);
        json.WriteNumber("dropAfterEffectRate", faults.DropAfterEffectRate);
        json.WriteNumber("latencyMilliseconds", faults.Latency.TotalMilliseconds);
        json.WriteNumber("callbackDropRate", faults.CallbackDropRate);
        json.WriteNumber("callbackDuplicateRate", faults.CallbackDuplicateRate);
        json.WriteEndObject();
    }

    /// <summary>Writes every counter.</summary>
    public static void WriteStatistics(Utf8JsonWriter json, EmulatorStatistics statistics)
    {
        json.WriteStartObject();
        json.WriteNumber("requests", statistics.Requests);
        json.WriteNumber("serverErrorsInjected", statistics.ServerErrorsInjected);
        json.WriteNumber("rateLimitsInjected", statistics.RateLimitsInjected);
        json.WriteNumber("connectionsDropped", statistics.ConnectionsDropped);
        json.WriteNumber("connectionsDroppedAfterEffect", statistics.ConnectionsDroppedAfterEffect);
        json.WriteNumber("authenticationFailures", statistics.AuthenticationFailures);
        json.WriteNumber("sessionsCreated", statistics.SessionsCreated);
        json.WriteNumber("archivesStarted", statistics.ArchivesStarted);
        json.WriteEndObject();
    }

    /// <summary>Answers <paramref name="statusCode"/> (200 unless told) with what <paramref name="write"/> writes.</summary>
    public static async Task WriteAsync(HttpContext context, Action<Utf8JsonWriter> write, int statusCode = StatusCodes.Status200OK)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            write(json);
        }

        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = buffer.Length;
        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted).ConfigureAwait(false);
    }

    private static double Number(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number) ? number : throw NotA("a number", name);

    private static TimeSpan Duration(JsonElement value, string name, Func<double, TimeSpan> fromNumber)
    {
        var number = Number(value, name);
        try
        {
            return fromNumber(number);
        }
        catch (Exception e) when (e is OverflowException or ArgumentException)
        {
            throw ApiErrorException.BadRequest($"{name} is out of range: {number.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    private static ApiErrorException NotA(string what, string name) => ApiErrorException.BadRequest($"{name} must be {what}.");
}
