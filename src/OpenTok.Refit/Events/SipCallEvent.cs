using System.Text.Json.Serialization;

namespace OpenTok.Refit;

/// <summary>
/// A SIP call's progress: <see cref="OpenTokEventKind.CallCreated"/> (at least once per call),
/// <see cref="OpenTokEventKind.CallUpdated"/> (any number of times, with <see cref="State"/>),
/// <see cref="OpenTokEventKind.CallDestroyed"/> (at least once, with <see cref="ReasonCode"/> and
/// <see cref="ReasonMessage"/>) or <see cref="OpenTokEventKind.MuteForced"/> (the call observes force mute and a
/// moderator muted it).
/// </summary>
public sealed record SipCallEvent : OpenTokEvent
{
    /// <summary>The call.</summary>
    public CallbackSipCall Call { get => field ?? new(); init; }

    /// <summary>The call's new state (<see cref="OpenTokEventKind.CallUpdated"/> only).</summary>
    public SipCallState? State { get; init; }

    /// <summary>
    /// Why the call ended (<see cref="OpenTokEventKind.CallDestroyed"/> only): a SIP response code such as <c>400</c>,
    /// or <c>700</c> normal clearing, <c>703</c> unexpected clearing, <c>704</c> media timeout, <c>705</c> maximum
    /// duration, <c>706</c> maximum inactivity. The wire field is snake_case <c>reason_code</c>, a string.
    /// </summary>
    [JsonPropertyName("reason_code")]
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? ReasonCode { get; init; }

    /// <summary>What <see cref="ReasonCode"/> means, e.g. <c>Bad Request</c> (wire field <c>reason_message</c>).</summary>
    [JsonPropertyName("reason_message")]
    public string? ReasonMessage { get; init; }
}

/// <summary>A SIP call, as its callbacks describe it.</summary>
public sealed record CallbackSipCall
{
    /// <summary>The conference id (the <c>id</c> the dial answer returned).</summary>
    public string Id { get => field ?? ""; init; }

    /// <summary>The SIP client's connection in the session.</summary>
    public string ConnectionId { get => field ?? ""; init; }

    /// <summary>When the call was created.</summary>
    [JsonConverter(typeof(UnixTimeConverter))]
    public DateTimeOffset? CreatedAt { get; init; }
}

/// <summary>The state of a SIP call. Extensible: values the SDK does not know yet are kept as they are.</summary>
[ExtensibleEnum]
public readonly partial record struct SipCallState
{
    /// <summary>The call has been initiated. Wire value <c>DIALING</c>.</summary>
    [WireValue("DIALING")] public static partial SipCallState Dialing { get; }

    /// <summary>The far end is ringing. Wire value <c>RINGING</c>.</summary>
    [WireValue("RINGING")] public static partial SipCallState Ringing { get; }

    /// <summary>The call is on hold. Wire value <c>ON_HOLD</c>.</summary>
    [WireValue("ON_HOLD")] public static partial SipCallState OnHold { get; }

    /// <summary>The call was answered and is in progress. Wire value <c>ACTIVE</c>.</summary>
    [WireValue("ACTIVE")] public static partial SipCallState Active { get; }

    /// <summary>The call ended. Wire value <c>HANGUP</c>.</summary>
    [WireValue("HANGUP")] public static partial SipCallState Hangup { get; }
}
