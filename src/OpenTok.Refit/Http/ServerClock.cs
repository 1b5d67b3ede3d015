namespace OpenTok.Refit.Http;

/// <summary>
/// This machine's estimate of the OpenTok server's clock, learned from the <c>Date</c> header of its answers, so
/// that REST JWTs are dated by the server's time: a machine whose clock is minutes off still authenticates. Shared
/// by every attempt of one client; thread-safe.
/// </summary>
internal sealed class ServerClock
{
    private readonly TimeProvider _timeProvider;
    private long _offsetTicks;

    /// <summary>Creates a clock that starts with no offset.</summary>
    /// <param name="timeProvider">This machine's clock.</param>
    public ServerClock(TimeProvider timeProvider) => _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));

    /// <summary>How far the server's clock is ahead of this machine's (negative when behind).</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>The server's time now, as estimated.</summary>
    /// <returns>This machine's time plus <see cref="Offset"/>.</returns>
    public DateTimeOffset GetServerNow() => _timeProvider.GetUtcNow() + Offset;

    /// <summary>Learns from an answer's <c>Date</c> header.</summary>
    /// <param name="serverDate">The header's value; ignored when absent.</param>
    /// <returns>How much the offset changed.</returns>
    public TimeSpan Observe(DateTimeOffset? serverDate)
    {
        if (serverDate is not { } date)
        {
            return TimeSpan.Zero;
        }

        // Date has whole seconds and is written before the answer travels, so the estimate errs a little early:
        // an iat a second in the past is harmless, one in the future is rejected.
        var offset = date - _timeProvider.GetUtcNow();
        var previous = Interlocked.Exchange(ref _offsetTicks, offset.Ticks);
        return offset - TimeSpan.FromTicks(previous);
    }
}
