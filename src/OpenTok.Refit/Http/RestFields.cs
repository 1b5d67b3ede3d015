using System.Globalization;
using System.Text;

namespace OpenTok.Refit.Http;

/// <summary>
/// Named values for a query string or a form body, in order. <see langword="null"/> values are left out, booleans
/// are written lower-case and numbers in the invariant culture. Used by the generated REST clients.
/// </summary>
public sealed class RestFields
{
    private readonly List<KeyValuePair<string, string>> _fields = [];

    /// <summary>The fields added so far.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    /// <summary>Adds a text value unless it is <see langword="null"/>.</summary>
    /// <param name="name">The wire name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This instance.</returns>
    public RestFields Add(string name, string? value)
    {
        if (value is not null)
        {
            _fields.Add(new(name, value));
        }

        return this;
    }

    /// <summary>Adds a boolean as <c>true</c>/<c>false</c> unless it is <see langword="null"/>.</summary>
    /// <param name="name">The wire name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This instance.</returns>
    public RestFields Add(string name, bool? value) => Add(name, value is { } b ? (b ? "true" : "false") : null);

    /// <summary>Adds a number, formatted invariantly, unless it is <see langword="null"/>.</summary>
    /// <param name="name">The wire name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This instance.</returns>
    public RestFields Add(string name, long? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds any other value by its invariant text (extensible enums print their wire value).</summary>
    /// <param name="name">The wire name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This instance.</returns>
    public RestFields Add(string name, object? value) => Add(name, value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    });

    /// <summary>The fields as a query string, with the leading <c>?</c>; empty when there are none.</summary>
    /// <returns>The query string.</returns>
    public string ToQueryString()
    {
        if (_fields.Count == 0)
        {
            return "";
        }

        var builder = new StringBuilder("?");
        foreach (var (name, value) in _fields)
        {
            if (builder.Length > 1)
            {
                builder.Append('&');
            }

            builder.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }

    /// <summary>The fields as an <c>application/x-www-form-urlencoded</c> body.</summary>
    /// <returns>The content.</returns>
    public HttpContent ToFormContent() => new FormUrlEncodedContent(_fields);
}
