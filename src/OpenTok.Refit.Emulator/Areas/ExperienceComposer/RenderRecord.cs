namespace OpenTok.Refit.Emulator.Areas.ExperienceComposer;

/// <summary>
/// One Experience Composer as the emulator keeps it; <see cref="RenderStore"/> projects it to the wire's
/// <see cref="Render"/>. Its status is read from the clock, with nothing to schedule: <c>starting</c> until
/// <see cref="StartedAt"/>, then <c>started</c> until <see cref="EndsAt"/>, then <c>stopped</c>.
/// </summary>
internal sealed class RenderRecord
{
    public required Guid Id { get; init; }

    /// <summary>Orders the list newest first, also between renders started in the same millisecond.</summary>
    public required long Sequence { get; init; }

    public required string SessionId { get; init; }

    public required string Url { get; init; }

    public required Resolution Resolution { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it has loaded the page and publishes: <see cref="CreatedAt"/> + <see cref="RenderStore.StartingDuration"/>.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>
    /// When it stops: <see cref="CreatedAt"/> + its maximum duration until a stop call moves it to the stop time, so
    /// that the maximum duration stops it by itself as the clock passes.
    /// </summary>
    public required DateTimeOffset EndsAt { get; set; }

    /// <summary>Whether a stop call ended it (reason <c>Stop Requested</c>) rather than its maximum duration.</summary>
    public bool StopRequested { get; set; }

    /// <summary>The stream it publishes once started.</summary>
    public required string StreamId { get; init; }

    /// <summary>Whether it is still running (starting or started) at <paramref name="now"/>.</summary>
    public bool IsRunningAt(DateTimeOffset now) => now < EndsAt;
}
