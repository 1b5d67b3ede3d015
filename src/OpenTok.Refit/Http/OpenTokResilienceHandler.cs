using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace OpenTok.Refit.Http;

/// <summary>
/// Runs each request through a Polly pipeline: total timeout ▸ retry ▸ circuit breaker ▸ attempt timeout. Only
/// what is safe is repeated: GET, PUT and DELETE on 408, 429, 5xx and transport failures; POST and PATCH only on
/// 429 or a connection that failed before anything was sent. <c>Retry-After</c> sets the delay when present.
/// Polly's own exceptions do not leak: a timeout is a <see cref="TimeoutException"/>, an open circuit an
/// <see cref="HttpRequestException"/>.
/// </summary>
public sealed class OpenTokResilienceHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("OpenTok.Request");

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    /// <summary>Creates the handler over a pipeline built by <see cref="CreatePipeline"/> (shared, so the circuit's state outlives the handler).</summary>
    /// <param name="pipeline">The pipeline.</param>
    public OpenTokResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline) =>
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));

    /// <summary>Builds the pipeline the options describe; an empty one when resilience is off.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="timeProvider">The clock for timeouts, delays and the breaker.</param>
    /// <returns>The pipeline.</returns>
    public static ResiliencePipeline<HttpResponseMessage> CreatePipeline(OpenTokResilienceOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ResiliencePipeline<HttpResponseMessage>.Empty;
        }

        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddTimeout(options.TotalTimeout);
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(IsRetryable(args.Outcome, args.Context.Properties.GetValue(RequestKey, null!))),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome, options.MaxDelay, timeProvider)),
            });
        }

        if (options.CircuitBreakerEnabled)
        {
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = options.CircuitBreakerFailureRatio,
                MinimumThroughput = options.CircuitBreakerMinimumThroughput,
                SamplingDuration = options.CircuitBreakerSamplingDuration,
                BreakDuration = options.CircuitBreakerBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsServerFailure(args.Outcome)),
            });
        }

        return builder.AddTimeout(options.AttemptTimeout).Build();
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        var attempt = 0;
        try
        {
            return await _pipeline.ExecuteAsync(
                async ctx =>
                {
                    request.Options.Set(OpenTokTelemetryHandler.AttemptKey, ++attempt);
                    return await base.SendAsync(request, ctx.CancellationToken).ConfigureAwait(false);
                },
                context).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException e)
        {
            throw new TimeoutException($"OpenTok {request.Method} {request.RequestUri} timed out after {attempt} attempt(s) ({e.Timeout}).", e);
        }
        catch (BrokenCircuitException e)
        {
            throw new HttpRequestException($"OpenTok {request.Method} {request.RequestUri} was not sent: too many recent calls failed, so the circuit is open for a while.", e, HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Whether an outcome may be retried for this request's method.</summary>
    internal static bool IsRetryable(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request)
    {
        var safe = request is not null && (request.Method == HttpMethod.Get || request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete);
        if (outcome.Result is { } response)
        {
            var status = (int)response.StatusCode;
            return status == 429 || (safe && (status == 408 || status >= 500));
        }

        return outcome.Exception switch
        {
            // Nothing reached the server: safe to repeat whatever the method.
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => true,
            HttpRequestException or TimeoutRejectedException => safe,
            _ => false,
        };
    }

    private static bool IsServerFailure(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response
            ? (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout
            : outcome.Exception is HttpRequestException or TimeoutRejectedException;

    private static TimeSpan? RetryAfter(Outcome<HttpResponseMessage> outcome, TimeSpan maxDelay, TimeProvider timeProvider)
    {
        var delay = outcome.Result?.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - timeProvider.GetUtcNow(),
            _ => (TimeSpan?)null,
        };
        return delay is { } d ? TimeSpan.FromTicks(Math.Clamp(d.Ticks, 0, maxDelay.Ticks)) : null;
    }
}
