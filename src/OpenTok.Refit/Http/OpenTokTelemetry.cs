using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OpenTok.Refit.Http;

/// <summary>The names under which the SDK reports traces and metrics: listen to <c>OpenTok.Refit</c>.</summary>
public static class OpenTokTelemetry
{
    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/> and the <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string Name = "OpenTok.Refit";

    /// <summary>The histogram of attempt durations, in seconds, tagged with method, path template and status.</summary>
    public const string RequestDurationMetric = "opentok.client.request.duration";

    internal static readonly ActivitySource ActivitySource = new(Name, OpenTokAuthHandler.UserAgentProduct[(OpenTokAuthHandler.UserAgentProduct.IndexOf('/', StringComparison.Ordinal) + 1)..]);

    internal static readonly Meter Meter = new(Name);

    internal static readonly Histogram<double> RequestDuration =
        Meter.CreateHistogram<double>(RequestDurationMetric, "s", "How long one attempt of an OpenTok REST call took.");
}
