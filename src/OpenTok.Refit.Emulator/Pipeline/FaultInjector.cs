using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace OpenTok.Refit.Emulator.Pipeline;

/// <summary>
/// The fault stage: adds <see cref="FaultInjection.Latency"/> to every REST call, then rolls once to drop it,
/// answer it with a 5xx or a 429, let it through and drop it once handled, or let it through. It runs before routing
/// and authentication, as a gateway or rate limiter in front of the real service would, so a fault injected before
/// handling never takes effect; a drop after handling wraps the rest of the pipeline, so its call does.
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
    /// Whether this stage aborted the request's connection, and when. The request log asks this rather than
    /// <see cref="HttpContext.RequestAborted"/>, which Kestrel cancels on another thread some time after the abort,
    /// and which a client hanging up cancels too.
    /// </summary>
    /// <returns><see langword="null"/> when the stage did not drop the request.</returns>
    public static InjectedDrop? DropOf(HttpContext context) =>
        context.Items.TryGetValue(DroppedKey, out var drop) ? (InjectedDrop?)drop : null;

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
                context.Items[DroppedKey] = InjectedDrop.BeforeHandling;
                context.Abort();
                return;
            case FaultKind.DropAfterEffect:
                await HandleThenDropAsync(context, next).ConfigureAwait(false);
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

    /// <summary>
    /// Runs the rest of the pipeline to the end, so the call takes effect (errors included, as the error stage is
    /// inside this one), with the answer going to a body that is never sent; then aborts the connection. Kestrel sends
    /// nothing before the first write to its own body, so the client sees only the connection close.
    /// </summary>
    private static async Task HandleThenDropAsync(HttpContext context, RequestDelegate next)
    {
        var kestrelBody = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Features.Set(kestrelBody);
            context.Items[DroppedKey] = InjectedDrop.AfterHandling;
            context.Abort();
        }
    }

    private FaultKind Roll(FaultInjection faults)
    {
        _counters.CountRequest();
        if (faults.ServerErrorRate == 0 && faults.RateLimitRate == 0 && faults.DropConnectionRate == 0 && faults.DropAfterEffectRate == 0)
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

        // Last, so that adding this rate leaves what a seed does with the others as it was.
        if (roll < faults.DropConnectionRate + faults.ServerErrorRate + faults.RateLimitRate + faults.DropAfterEffectRate)
        {
            _counters.CountDropAfterEffect();
            return FaultKind.DropAfterEffect;
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
        DropAfterEffect,
    }
}

/// <summary>When the fault stage aborted a request's connection.</summary>
internal enum InjectedDrop
{
    /// <summary>Before the request was handled (<see cref="FaultInjection.DropConnectionRate"/>): it took no effect.</summary>
    BeforeHandling,

    /// <summary>After the request was handled (<see cref="FaultInjection.DropAfterEffectRate"/>): it took effect, its answer was not sent.</summary>
    AfterHandling,
}
