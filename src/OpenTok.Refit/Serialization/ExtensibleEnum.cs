using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenTok.Refit;

/// <summary>
/// A value the server owns and may add to: a string with well-known values, so that a value this SDK does not know
/// yet deserialises instead of failing. Compare with the static members (<c>status == ArchiveStatus.Available</c>).
/// </summary>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
public interface IExtensibleEnum<TSelf>
    where TSelf : struct, IExtensibleEnum<TSelf>
{
    /// <summary>The wire value.</summary>
    string Value { get; }

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire value.</param>
    /// <returns>The value.</returns>
    static abstract TSelf FromValue(string value);
}

/// <summary>Reads and writes an <see cref="IExtensibleEnum{TSelf}"/> as its JSON string.</summary>
/// <typeparam name="T">The extensible enum.</typeparam>
public sealed class ExtensibleEnumConverter<T> : JsonConverter<T>
    where T : struct, IExtensibleEnum<T>
{
    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? T.FromValue(reader.GetString()!)
            : throw new JsonException($"Expected a string for {typeof(T).Name}, found {reader.TokenType}.");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
