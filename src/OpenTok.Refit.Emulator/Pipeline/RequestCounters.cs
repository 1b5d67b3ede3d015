namespace OpenTok.Refit.Emulator.Pipeline;

/// <summary>
/// What the pipeline has seen: requests, injected faults, refused authentications. Each counter is atomic on its
/// own; the area stores count their resources under the shared lock instead.
/// </summary>
internal sealed class RequestCounters
{
    private long _requests;
    private long _serverErrors;
    private long _rateLimits;
    private long _drops;
    private long _dropsAfterEffect;
    private long _authenticationFailures;

    /// <summary>REST requests received, refused ones included.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Requests answered with an injected 5xx.</summary>
    public long ServerErrorsInjected => Interlocked.Read(ref _serverErrors);

    /// <summary>Requests answered with an injected 429.</summary>
    public long RateLimitsInjected => Interlocked.Read(ref _rateLimits);

    /// <summary>Requests whose connection was aborted on purpose, before or after they were handled.</summary>
    public long ConnectionsDropped => Interlocked.Read(ref _drops);

    /// <summary>Requests whose connection was aborted on purpose after they were handled.</summary>
    public long ConnectionsDroppedAfterEffect => Interlocked.Read(ref _dropsAfterEffect);

    /// <summary>Requests refused with 403 for their <c>X-OPENTOK-AUTH</c> or path key.</summary>
    public long AuthenticationFailures => Interlocked.Read(ref _authenticationFailures);

    public void CountRequest() => Interlocked.Increment(ref _requests);

    public void CountServerError() => Interlocked.Increment(ref _serverErrors);

    public void CountRateLimit() => Interlocked.Increment(ref _rateLimits);

    public void CountDrop() => Interlocked.Increment(ref _drops);

    public void CountDropAfterEffect()
    {
        Interlocked.Increment(ref _dropsAfterEffect);
        Interlocked.Increment(ref _drops);
    }

    public void CountAuthenticationFailure() => Interlocked.Increment(ref _authenticationFailures);

    /// <summary>Zeroes every counter, for <see cref="OpenTokEmulator.Reset"/>.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _serverErrors, 0);
        Interlocked.Exchange(ref _rateLimits, 0);
        Interlocked.Exchange(ref _drops, 0);
        Interlocked.Exchange(ref _dropsAfterEffect, 0);
        Interlocked.Exchange(ref _authenticationFailures, 0);
    }
}
