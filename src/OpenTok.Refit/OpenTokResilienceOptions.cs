namespace OpenTok.Refit;

/// <summary>
/// Timeouts, retries and the circuit breaker around every REST call. GET, PUT and DELETE are retried on 408, 429,
/// 5xx and transport failures; POST and PATCH only where the request provably did not take effect (429, or a
/// connection refused before anything was sent). <c>Retry-After</c> is honoured.
/// </summary>
public sealed class OpenTokResilienceOptions
{
    /// <summary>Whether the pipeline runs at all. Default <see langword="true"/>; when off, each call is sent once.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The most a call may take, all attempts and delays included. Default 60 seconds.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The most one attempt may take. Default 20 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Retries after the first attempt. Default 3; 0 turns retries off.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first backoff delay, doubled (with jitter) for each further retry. Default 500 ms.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest delay between attempts, including one asked for by <c>Retry-After</c>. Default 30 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether the circuit breaker runs. Default <see langword="true"/>.</summary>
    public bool CircuitBreakerEnabled { get; set; } = true;

    /// <summary>The failure ratio, within <see cref="CircuitBreakerSamplingDuration"/>, that opens the circuit. Default 0.5.</summary>
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>How many calls must be seen in the sampling window before the circuit can open. Default 20.</summary>
    public int CircuitBreakerMinimumThroughput { get; set; } = 20;

    /// <summary>The window over which failures are counted. Default 30 seconds.</summary>
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit fails calls at once before trying again. Default 5 seconds.</summary>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    internal void Validate()
    {
        Positive(TotalTimeout, nameof(TotalTimeout));
        Positive(AttemptTimeout, nameof(AttemptTimeout));
        Positive(BaseDelay, nameof(BaseDelay));
        Positive(MaxDelay, nameof(MaxDelay));
        Positive(CircuitBreakerSamplingDuration, nameof(CircuitBreakerSamplingDuration));
        Positive(CircuitBreakerBreakDuration, nameof(CircuitBreakerBreakDuration));
        if (MaxRetryAttempts is < 0 or > 100)
        {
            throw new OpenTokArgumentException($"Resilience.MaxRetryAttempts must be from 0 to 100; it is {MaxRetryAttempts}.", "Resilience.MaxRetryAttempts");
        }

        if (CircuitBreakerFailureRatio is <= 0 or > 1)
        {
            throw new OpenTokArgumentException($"Resilience.CircuitBreakerFailureRatio must be above 0 and at most 1; it is {CircuitBreakerFailureRatio}.", "Resilience.CircuitBreakerFailureRatio");
        }

        if (CircuitBreakerMinimumThroughput < 2)
        {
            throw new OpenTokArgumentException($"Resilience.CircuitBreakerMinimumThroughput must be at least 2; it is {CircuitBreakerMinimumThroughput}.", "Resilience.CircuitBreakerMinimumThroughput");
        }

        static void Positive(TimeSpan value, string name)
        {
            if (value <= TimeSpan.Zero)
            {
                throw new OpenTokArgumentException($"Resilience.{name} must be positive; it is {value}.", "Resilience." + name);
            }
        }
    }
}
