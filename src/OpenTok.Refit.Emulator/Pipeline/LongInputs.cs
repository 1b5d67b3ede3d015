using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OpenTok.Refit.Emulator.Pipeline;

/// <summary>
/// Keeps error messages short whatever a request holds: a message quotes at most
/// <see cref="Arguments.MaxQuotedLength"/> characters of any input. The emulator's own messages quote through
/// <see cref="Arguments.Quote"/>; the messages of the SDK's <c>Validate()</c> rules quote what they are given in
/// full, so the body readers note every long string they parse, and the error stage cuts each one short wherever it
/// appears in a message.
/// </summary>
internal static class LongInputs
{
    private static readonly object Key = new();

    /// <summary>Notes <paramref name="value"/> when it is longer than a message may quote.</summary>
    public static void Note(HttpContext context, string? value)
    {
        if (value is null || value.Length <= Arguments.MaxQuotedLength)
        {
            return;
        }

        if (context.Items.TryGetValue(Key, out var noted) && noted is List<string> list)
        {
            list.Add(value);
        }
        else
        {
            context.Items[Key] = new List<string> { value };
        }
    }

    /// <summary>Notes every long string and property name of a parsed body.</summary>
    public static void NoteAll(HttpContext context, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                Note(context, element.GetString());
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    NoteAll(context, item);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Note(context, property.Name);
                    NoteAll(context, property.Value);
                }

                break;
        }
    }

    /// <summary><paramref name="message"/> with every noted input in it cut to its first characters and its length.</summary>
    public static string Shorten(HttpContext context, string message)
    {
        if (!context.Items.TryGetValue(Key, out var noted) || noted is not List<string> inputs)
        {
            return message;
        }

        // Longest first, so that an input inside a longer one does not leave the longer one's rest behind.
        foreach (var input in inputs.OrderByDescending(i => i.Length))
        {
            message = message.Replace(input, $"{input[..Arguments.MaxQuotedLength]}… ({input.Length} characters)", StringComparison.Ordinal);
        }

        return message;
    }
}
