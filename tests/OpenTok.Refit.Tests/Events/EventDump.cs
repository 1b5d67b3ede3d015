using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace OpenTok.Refit.Tests.Events;

/// <summary>
/// An event as stable text for snapshots: one line per property, nested records by dotted path, lists by index,
/// strings quoted (so empty and missing differ), times in ISO 8601, extensible enums marked when unknown.
/// The raw body is left out: it is the test's input.
/// </summary>
internal static class EventDump
{
    public static string Of(OpenTokEvent callbackEvent)
    {
        var text = new StringBuilder().Append("Type: ").Append(callbackEvent.GetType().Name).Append('\n');
        var common = typeof(OpenTokEvent).GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(p => p.Name != nameof(OpenTokEvent.RawJson));
        var own = callbackEvent.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(p => p.Name != "EqualityContract");
        foreach (var property in common.Concat(own))
        {
            Write(text, property.Name, property.GetValue(callbackEvent));
        }

        return text.ToString();
    }

    private static void Write(StringBuilder text, string path, object? value)
    {
        switch (value)
        {
            case null:
                text.Append(path).Append(": null\n");
                break;
            case string s:
                text.Append(path).Append(": \"").Append(s).Append("\"\n");
                break;
            case DateTimeOffset time:
                text.Append(path).Append(": ").Append(time.ToString("O", CultureInfo.InvariantCulture)).Append('\n');
                break;
            case TimeSpan span:
                text.Append(path).Append(": ").Append(span.ToString("c", CultureInfo.InvariantCulture)).Append('\n');
                break;
            case bool or long or int:
                text.Append(path).Append(": ").Append(Convert.ToString(value, CultureInfo.InvariantCulture)!.ToLowerInvariant()).Append('\n');
                break;
            case IList list:
                if (list.Count == 0)
                {
                    text.Append(path).Append(": []\n");
                }

                for (var i = 0; i < list.Count; i++)
                {
                    Write(text, $"{path}[{i}]", list[i]);
                }

                break;
            default:
                var type = value.GetType();
                if (type.GetProperty("IsKnown") is { } isKnown && type.IsValueType)
                {
                    text.Append(path).Append(": ").Append(value).Append((bool)isKnown.GetValue(value)! ? "" : " (unknown to the SDK)").Append('\n');
                    break;
                }

                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract"))
                {
                    Write(text, $"{path}.{property.Name}", property.GetValue(value));
                }

                break;
        }
    }
}
