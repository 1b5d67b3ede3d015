using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json.Serialization;

namespace OpenTok.Refit;

/// <summary>
/// An event OpenTok (Vonage Video) POSTs to a callback URL: session monitoring (<see cref="ConnectionEvent"/>,
/// <see cref="StreamEvent"/>, <see cref="SessionEvent"/>), <see cref="ArchiveStatusEvent"/>,
/// <see cref="BroadcastStatusEvent"/>, <see cref="SipCallEvent"/>, <see cref="RenderStatusEvent"/>,
/// <see cref="CaptionsStatusEvent"/>, or an <see cref="UnknownEvent"/> for anything else. Read one with
/// <see cref="Parse(ReadOnlySpan{byte})"/> and switch on its type.
/// </summary>
/// <remarks>
/// The service may deliver an event more than once and in any order (it retries failed deliveries), so handle
/// events idempotently. Fields the service leaves out are <see langword="null"/> (or empty); fields this SDK does not
/// know are ignored but kept in <see cref="RawJson"/>.
/// </remarks>
public abstract record OpenTokEvent
{
    // Only this assembly defines event families: the parser must know every one of them.
    private protected OpenTokEvent()
    {
    }

    // Non-null defaults live in the getters: the source-generated JSON reader sets every init-only property, to null
    // when the field is missing, so an initializer would be lost.

    /// <summary>What happened: the body's <c>event</c> (or, for renders and captions, the kind the parser recognised).</summary>
    [JsonIgnore]
    public OpenTokEventKind Kind { get; init; }

    /// <summary>The session the event is about (empty when the body has none).</summary>
    public string SessionId { get => field ?? ""; init; }

    /// <summary>
    /// The OpenTok project's API key: the body's <c>projectId</c> (a string in most events) or <c>partnerId</c> (a number
    /// in archive events), written as a string. <see langword="null"/> when the body has neither.
    /// </summary>
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? ProjectId { get; init; }

    /// <summary>The Vonage application id, when the project is a Vonage application and the body carries <c>applicationId</c>.</summary>
    public string? ApplicationId { get; init; }

    /// <summary>When the service raised the event (<c>timestamp</c>, Unix milliseconds or seconds), when the body has it.</summary>
    [JsonConverter(typeof(UnixTimeConverter))]
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The body exactly as received (UTF-8 decoded), for fields this SDK does not model and for logging.</summary>
    [JsonIgnore]
    public string RawJson { get => field ?? ""; init; }

    /// <summary>Reads a callback body.</summary>
    /// <param name="json">The request body, UTF-8 JSON (a leading byte order mark is allowed).</param>
    /// <returns>The typed event; an <see cref="UnknownEvent"/> for a kind this SDK does not know. Never <see langword="null"/>.</returns>
    /// <exception cref="OpenTokEventFormatException">The body is not JSON, not a JSON object, or a known field has the wrong type.</exception>
    public static OpenTokEvent Parse(ReadOnlySpan<byte> json) =>
        OpenTokEventParser.TryParse(json, out var callbackEvent, out var failure)
            ? callbackEvent
            : throw new OpenTokEventFormatException(failure);

    /// <summary>Reads a callback body held as text.</summary>
    /// <param name="json">The request body.</param>
    /// <returns>The typed event; an <see cref="UnknownEvent"/> for a kind this SDK does not know.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="OpenTokEventFormatException">The body is not JSON, not a JSON object, or a known field has the wrong type.</exception>
    public static OpenTokEvent Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads a callback body, without throwing when it is not an OpenTok event.</summary>
    /// <param name="json">The request body, UTF-8 JSON.</param>
    /// <param name="callbackEvent">The typed event, when the body is one.</param>
    /// <returns>Whether the body is an OpenTok event (known or not); <see langword="false"/> exactly when <see cref="Parse(ReadOnlySpan{byte})"/> would throw.</returns>
    public static bool TryParse(ReadOnlySpan<byte> json, [NotNullWhen(true)] out OpenTokEvent? callbackEvent) =>
        OpenTokEventParser.TryParse(json, out callbackEvent, out _);

    /// <summary>Prints the common fields; <see cref="RawJson"/> is left out, as it repeats everything.</summary>
    /// <param name="builder">Where to print.</param>
    /// <returns>Whether anything was printed.</returns>
    protected virtual bool PrintMembers(StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Append("Kind = ").Append(Kind.Value)
            .Append(", SessionId = ").Append(SessionId)
            .Append(", ProjectId = ").Append(ProjectId)
            .Append(", ApplicationId = ").Append(ApplicationId)
            .Append(", Timestamp = ").Append(Timestamp?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }
}

/// <summary>
/// A callback body that is a JSON object but not an event this SDK knows: a new kind, or a family recognised by no
/// field. <see cref="OpenTokEvent.Kind"/> holds its <c>event</c> (empty when it had none) and
/// <see cref="OpenTokEvent.RawJson"/> the whole body.
/// </summary>
public sealed record UnknownEvent : OpenTokEvent;
