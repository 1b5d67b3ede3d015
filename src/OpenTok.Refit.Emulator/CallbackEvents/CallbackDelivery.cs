namespace OpenTok.Refit.Emulator;

/// <summary>Where a callback delivery is: waiting or being tried, or how it ended.</summary>
public enum CallbackDeliveryState
{
    /// <summary>Queued behind earlier events of its session, being sent, or waiting to be retried.</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Every attempt failed (a non-2xx answer, a refused connection, a timeout); the event is given up.</summary>
    Failed,

    /// <summary>Never sent: lost on purpose by <see cref="FaultInjection.CallbackDropRate"/>.</summary>
    Dropped,

    /// <summary>Not finished when the emulator stopped; it will not be sent.</summary>
    Abandoned,
}

/// <summary>
/// One entry of the delivery log (<see cref="EmulatorCallbacks.Deliveries"/>): one event POSTed (or to be POSTed) to
/// one URL, with its attempts and how it ended. A snapshot: read the log again to see later changes.
/// </summary>
public sealed record CallbackDelivery
{
    /// <summary>The entry's number: later events have larger numbers (a duplicate follows its original).</summary>
    public required long Id { get; init; }

    /// <summary>The event's family, which chose its URL.</summary>
    public required CallbackFamily Family { get; init; }

    /// <summary>The event's kind, as <c>OpenTokEvent.Parse</c> names it (<see cref="OpenTokEventKind.Archive"/>, <see cref="OpenTokEventKind.StreamCreated"/>, …).</summary>
    public required OpenTokEventKind Kind { get; init; }

    /// <summary>The status or state the event reports (<c>started</c>, <c>available</c>, <c>ACTIVE</c>, …), when it reports one.</summary>
    public string? Status { get; init; }

    /// <summary>The session the event is about; deliveries of one session are sent in order, one at a time.</summary>
    public required string SessionId { get; init; }

    /// <summary>Where it is POSTed.</summary>
    public required Uri Url { get; init; }

    /// <summary>The JSON body, exactly as sent.</summary>
    public required string Body { get; init; }

    /// <summary>Whether it carries a signature (<see cref="EmulatorCallbacks.SignatureSecret"/> was set when the event happened).</summary>
    public bool IsSigned { get; init; }

    /// <summary>Whether this is the copy <see cref="FaultInjection.CallbackDuplicateRate"/> added after the original.</summary>
    public bool IsDuplicate { get; init; }

    /// <summary>Where it is now.</summary>
    public required CallbackDeliveryState State { get; init; }

    /// <summary>How many times it was sent so far (0 while queued, for a dropped one, or when abandoned before it was sent).</summary>
    public int Attempts { get; init; }

    /// <summary>The status code of the last answer; <see langword="null"/> before the first or when no answer came.</summary>
    public int? LastStatusCode { get; init; }

    /// <summary>Why the last attempt failed, when it did (the status, or the transport error).</summary>
    public string? LastError { get; init; }

    /// <summary>When the event happened and was queued, on the emulator's clock.</summary>
    public required DateTimeOffset QueuedAt { get; init; }

    /// <summary>When it was last sent, on the emulator's clock.</summary>
    public DateTimeOffset? LastAttemptAt { get; init; }

    /// <summary>When it ended (delivered, failed, dropped or abandoned), on the emulator's clock.</summary>
    public DateTimeOffset? CompletedAt { get; init; }
}
