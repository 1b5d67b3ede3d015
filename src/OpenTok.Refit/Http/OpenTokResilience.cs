using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace OpenTok.Refit.Http;

/// <summary>
/// The resilience pipeline <see cref="OpenTokResilienceOptions"/> describes, run by
/// Microsoft.Extensions.Http.Resilience's <c>ResilienceHandler</c>: total timeout ▸ retry ▸ circuit breaker ▸ attempt timeout.
/// Only what is safe is repeated: GET, PUT and DELETE on 408, 429, 5xx and transport failures; POST and PATCH only
/// on 429 or a connection refused before anything was sent, so an archive is never started twice.
/// <c>Retry-After</c> sets the delay when present (capped at <see cref="OpenTokResilienceOptions.MaxDelay"/>).
/// </summary>
internal static class OpenTokResilience
{
    /// <summary>Builds the pipeline the options describe; an empty one (one attempt) when resilience is off.</summary>
    public static ResiliencePipeline<HttpResponseMessage> CreatePipeline(OpenTokResilienceOptions options, TimeProvider timeProvider)
    {
        if (!options.Enabled)
        {
            return ResiliencePipeline<HttpResponseMessage>.Empty;
        }

        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        builder.AddTimeout(options.TotalTimeout);
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(IsRetryable(args.Outcome, args.Context.GetRequestMessage())),
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
