using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace OpenTok.Refit.Emulator.Pipeline;

/// <summary>
/// The fault stage: adds <see cref="FaultInjection.Latency"/> to every REST call, then rolls once to drop it,
/// answer it with a 5xx or a 429, or let it through. It runs before routing and authentication, as a gateway or
/// rate limiter in front of the real service would, so an injected fault never takes effect.
/// </summary>
internal sealed class FaultInjector
{
    // Marks, in HttpContext.Items, a request whose connection this stage aborted.
    private static readonly object DroppedKey = new();

    private readonly Random _random;
    private readonly Lock _randomLock = new();
    private readonly TimeProvider _clock;
    private readonly RequestCounters _counters;
    private FaultInjection _faults;

    /// <param name="faults">The faults injected from the start.</param>
    /// <param name="seed">Seeds which requests fail, so that a run can be repeated.</param>
    /// <param name="clock">The emulated service's clock, on which the latency passes.</param>
    /// <param name="counters">Where requests and injected faults are counted.</param>
    public FaultInjector(FaultInjection faults, int seed, TimeProvider clock, RequestCounters counters)
    {
        _faults = faults;
        _random = new Random(seed);
        _clock = clock;
        _counters = counters;
    }

    /// <summary>The faults injected now; already validated by whoever sets them. Requests already past the stage keep what they rolled.</summary>
    public FaultInjection Faults
    {
        get => Volatile.Read(ref _faults);
        set => Volatile.Write(ref _faults, value);
    }

    // Faults and latency are for the REST API only: the archive files stand for a storage service, not OpenTok.
    // Every REST path is /session/create or under /v2 (see ApiRoutes), so the test needs no routing.
    private static bool IsRestCall(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/v2", StringComparison.Ordinal) || context.Request.Path.StartsWithSegments("/session", StringComparison.Ordinal);

    /// <summary>
    /// Whether this stage aborted the request's connection. The request log asks this rather than
    /// <see cref="HttpContext.RequestAborted"/>, which Kestrel cancels on another thread some time after the abort,
    /// and which a client hanging up cancels too.
    /// </summary>
    public static bool WasDropped(HttpContext context) => context.Items.ContainsKey(DroppedKey);

    /// <summary>The stage itself: delays, then drops, refuses or passes the request on.</summary>
    public async Task InjectFaultsAsync(HttpContext context, RequestDelegate next)
    {
        if (!IsRestCall(context))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var faults = Faults;
        if (faults.Latency > TimeSpan.Zero)
        {
            await Task.Delay(faults.Latency, _clock, context.RequestAborted).ConfigureAwait(false);
        }

        switch (Roll(faults))
        {
            case FaultKind.DropConnection:
                context.Items[DroppedKey] = true;
                context.Abort();
                return;
            case FaultKind.ServerError:
                await ErrorResponses.WriteErrorAsync(context, faults.ServerErrorStatusCode, "The service is temporarily unavailable (fault injected by the emulator).").ConfigureAwait(false);
                return;
            case FaultKind.RateLimit:
                if (faults.RetryAfter is { } retryAfter)
                {
                    context.Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                await ErrorResponses.WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests (fault injected by the emulator).").ConfigureAwait(false);
                return;
            default:
                await next(context).ConfigureAwait(false);
                return;
        }
    }

    private FaultKind Roll(FaultInjection faults)
    {
        _counters.CountRequest();
        if (faults.ServerErrorRate == 0 && faults.RateLimitRate == 0 && faults.DropConnectionRate == 0)
        {
            return FaultKind.None;
        }

        double roll;
        lock (_randomLock)
        {
            roll = _random.NextDouble();
        }

        if (roll < faults.DropConnectionRate)
        {
            _counters.CountDrop();
            return FaultKind.DropConnection;
        }

        if (roll < faults.DropConnectionRate + faults.ServerErrorRate)
        {
            _counters.CountServerError();
            return FaultKind.ServerError;
        }

        if (roll < faults.DropConnectionRate + faults.ServerErrorRate + faults.RateLimitRate)
        {
            _counters.CountRateLimit();
            return FaultKind.RateLimit;
        }

        return FaultKind.None;
    }

    /// <summary>What the fault stage does to one request.</summary>
    private enum FaultKind
    {
        None,
        DropConnection,
        ServerError,
        RateLimit,
    }
}
