namespace OpenTok.Refit.Emulator.Areas.ExperienceComposer;

/// <summary>
/// One Experience Composer as the emulator keeps it; <see cref="RenderStore"/> projects it to the wire's
/// <see cref="Render"/>. Its status is read from the clock: <c>starting</c> until <see cref="StartedAt"/>, then
/// <c>started</c> until <see cref="EndsAt"/>, then <c>stopped</c>; its connection and stream in the session follow
/// (see <see cref="RenderStore"/>).
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

    /// <summary>The token's connection data, which its connection carries.</summary>
    public required string? ConnectionData { get; init; }

    /// <summary>
    /// Its connection in the session (kind Experience Composer), made when it starts (while starting it is still
    /// loading the page, not in the session); <see langword="null"/> until then, and for good when it stopped before.
    /// </summary>
    public string? ConnectionId { get; set; }

    /// <summary>The name of the stream it publishes: <c>properties.name</c>, or empty.</summary>
    public required string StreamName { get; init; }

    /// <summary>The stream its connection published when it started; <see langword="null"/> until then, and for good when it stopped before.</summary>
    public string? StreamId { get; set; }

    /// <summary>Whether its connection has ended (it stopped, or its connection was forced out).</summary>
    public bool ConnectionEnded { get; set; }

    /// <summary>
    /// Whether <c>RenderStore.Settle</c> is running for this render. Joining the session raises activities whose
    /// observers (callback events) read renders, which settles them again: a render being settled is left alone, so it
    /// joins once.
    /// </summary>
    public bool Settling { get; set; }

    /// <summary>Wakes the store at its next change (started, then stopped at its maximum duration), so that the session sees it on time; <see langword="null"/> once ended.</summary>
    public ITimer? Timer { get; set; }

    /// <summary>Whether it is still running (starting or started) at <paramref name="now"/>.</summary>
    public bool IsRunningAt(DateTimeOffset now) => now < EndsAt;
}
