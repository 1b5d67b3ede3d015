using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace OpenTok.Refit.Http;

/// <summary>
/// Reports every attempt: a log line (method, path template, status, duration, attempt), an <see cref="Activity"/>
/// and a duration measurement. Never the headers: they carry the auth JWT.
/// </summary>
internal sealed partial class OpenTokTelemetryHandler : DelegatingHandler
{
    // The resilience handler sends the same request message again for each retry, so counting here numbers the attempts.
    private static readonly HttpRequestOptionsKey<int> AttemptKey = new("OpenTok.Attempt");

    // Refit records the endpoint's declared path (/v2/project/{apiKey}/archive/{archiveId}) on every request it builds.
    private static readonly HttpRequestOptionsKey<string> PathTemplateKey = new(global::Refit.HttpRequestMessageOptions.RelativePathTemplate);

    private readonly ILogger _logger;

    /// <summary>Creates the handler.</summary>
    /// <param name="logger">Where attempts are logged.</param>
    public OpenTokTelemetryHandler(ILogger logger) => _logger = logger ?? throw new ArgumentNullException(nameof(logger));

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var method = request.Method.Method;
        var template = request.Options.TryGetValue(PathTemplateKey, out var t) ? t : request.RequestUri?.AbsolutePath ?? "";
        var attempt = (request.Options.TryGetValue(AttemptKey, out var a) ? a : 0) + 1;
        request.Options.Set(AttemptKey, attempt);

        using var activity = OpenTokTelemetry.ActivitySource.StartActivity($"OpenTok {method} {template}", ActivityKind.Client);
        activity?.SetTag("http.request.method", method);
        activity?.SetTag("url.template", template);
        activity?.SetTag("http.request.resend_count", attempt - 1);
        activity?.SetTag("server.address", request.RequestUri?.Host);
        activity?.SetTag("server.port", request.RequestUri?.Port);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var status = (int)response.StatusCode;
            activity?.SetTag("http.response.status_code", status);
            if (!response.IsSuccessStatusCode)
            {
                activity?.SetStatus(ActivityStatusCode.Error);
            }

            OpenTokTelemetry.RequestDuration.Record(elapsed.TotalSeconds, new("http.request.method", method), new("url.template", template), new("http.response.status_code", status), new("server.port", request.RequestUri?.Port));
            if (response.IsSuccessStatusCode)
            {
                LogAnswered(_logger, method, template, status, elapsed.TotalMilliseconds, attempt);
            }
            else
            {
                LogFailed(_logger, method, template, status, elapsed.TotalMilliseconds, attempt);
            }

            return response;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            OpenTokTelemetry.RequestDuration.Record(elapsed.TotalSeconds, new("http.request.method", method), new("url.template", template), new("error.type", e.GetType().Name), new("server.port", request.RequestUri?.Port));
            LogTransportFailure(_logger, method, template, elapsed.TotalMilliseconds, attempt, e.GetType().Name, e.Message);
            throw;
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "OpenTok {Method} {PathTemplate} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms (attempt {Attempt})")]
    private static partial void LogAnswered(ILogger logger, string method, string pathTemplate, int statusCode, double elapsedMilliseconds, int attempt);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "OpenTok {Method} {PathTemplate} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms (attempt {Attempt})")]
    private static partial void LogFailed(ILogger logger, string method, string pathTemplate, int statusCode, double elapsedMilliseconds, int attempt);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "OpenTok {Method} {PathTemplate} failed after {ElapsedMilliseconds:0.0} ms (attempt {Attempt}): {ErrorType}: {ErrorMessage}")]
    private static partial void LogTransportFailure(ILogger logger, string method, string pathTemplate, double elapsedMilliseconds, int attempt, string errorType, string errorMessage);
}
