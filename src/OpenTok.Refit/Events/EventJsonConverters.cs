using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenTok.Refit;

/// <summary>
/// A time in a callback body: Unix milliseconds in the service's examples, seconds in some fixtures. A number whose
/// size is below 100 000 000 000 is read as seconds (that many seconds is after the year 5000; that many
/// milliseconds is before 1973), anything larger as milliseconds. Written as milliseconds.
/// </summary>
internal sealed class UnixTimeConverter : JsonConverter<DateTimeOffset?>
{
    internal const long SecondsBelow = 100_000_000_000;

    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException($"Expected a Unix time (a number), found {reader.TokenType}.");
        }

        // Fractions of a unit are dropped: the service writes whole numbers.
        long value = reader.TryGetInt64(out var whole) ? whole
            : reader.TryGetDouble(out var real) && Math.Abs(real) < long.MaxValue ? (long)real
            : throw new JsonException("The Unix time is out of range.");
        return FromUnixTime(value) ?? throw new JsonException("The Unix time is out of range.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } time)
        {
            writer.WriteNumberValue(time.ToUnixTimeMilliseconds());
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>The time a Unix number of seconds or milliseconds stands for; <see langword="null"/> outside the years 1–9999.</summary>
    internal static DateTimeOffset? FromUnixTime(long value)
    {
        var milliseconds = Math.Abs(value) < SecondsBelow ? value * 1000 : value;
        return milliseconds is >= -62_135_596_800_000 and <= 253_402_300_799_999
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
            : null;
    }
}

/// <summary>A duration in whole seconds that a callback body may leave out.</summary>
internal sealed class OptionalSecondsConverter : JsonConverter<TimeSpan?>
{
    public override bool HandleNull => true;

    public override TimeSpan? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number when reader.TryGetInt64(out var seconds) && Math.Abs(seconds) <= (long)TimeSpan.MaxValue.TotalSeconds => TimeSpan.FromSeconds(seconds),
        JsonTokenType.Number => throw new JsonException("Expected a whole number of seconds."),
        _ => throw new JsonException($"Expected a number of seconds, found {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, TimeSpan? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } duration)
        {
            writer.WriteNumberValue((long)duration.TotalSeconds);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
