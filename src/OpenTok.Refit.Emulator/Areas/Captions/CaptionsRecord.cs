namespace OpenTok.Refit.Emulator.Areas.Captions;

/// <summary>A live captions job the emulator started; changed only under <see cref="State.EmulatorState.Lock"/>.</summary>
internal sealed class CaptionsRecord
{
    public required Guid Id { get; init; }

    public required string SessionId { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When captioning ends: start + maxDuration, or the time of the stop call.</summary>
    public required DateTimeOffset EndsAt { get; set; }

    public required string LanguageCode { get; init; }

    public required bool PartialCaptions { get; init; }

    public string? StatusCallbackUrl { get; init; }

    /// <summary>Whether a stop call ended it, rather than its maximum duration (what its stopped callback says).</summary>
    public bool StopRequested { get; set; }

    /// <summary>Whether captioning is still running at <paramref name="now"/>: the emulator's clock ends it at its maximum duration.</summary>
    public bool IsRunningAt(DateTimeOffset now) => now < EndsAt;
}
