using System.Net.Http.Json;
using System.Text;
using OpenTok.Refit.Tokens;
using OpenTok.Refit.Http;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>What the emulator tests share: starting an emulator, SDK clients that fail fast, and raw signed HTTP.</summary>
internal static class Support
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<OpenTokEmulator> StartAsync(OpenTokEmulatorOptions? options = null) =>
        OpenTokEmulator.StartAsync(options ?? new OpenTokEmulatorOptions { Seed = 1 }, Ct);

    /// <summary>An SDK client whose retries wait milliseconds, not seconds, so fault tests stay fast.</summary>
    public static OpenTokClient FastClient(this OpenTokEmulator emulator, int maxRetries = 3, bool circuitBreaker = true) =>
        emulator.CreateClient(o =>
        {
            o.Resilience.BaseDelay = TimeSpan.FromMilliseconds(1);
            o.Resilience.MaxDelay = TimeSpan.FromMilliseconds(50);
            o.Resilience.MaxRetryAttempts = maxRetries;
            o.Resilience.CircuitBreakerEnabled = circuitBreaker;
        });

    /// <summary>An HttpClient on the emulator with no SDK in between: what the wire tests use.</summary>
    public static HttpClient RawClient(this OpenTokEmulator emulator) => new() { BaseAddress = emulator.BaseAddress };

    public static string Jwt(this OpenTokEmulator emulator, string? apiKey = null, string? secret = null, DateTimeOffset? issuedAt = null,
        TimeSpan? lifetime = null, RestJwtIssuerType issuerType = RestJwtIssuerType.Project)
    {
        var iat = issuedAt ?? DateTimeOffset.UtcNow;
        return RestJwt.Create(apiKey ?? emulator.ApiKey, secret ?? emulator.ApiSecret, issuerType, iat, iat + (lifetime ?? TimeSpan.FromMinutes(3)), Guid.NewGuid());
    }

    public static HttpRequestMessage Request(this OpenTokEmulator emulator, HttpMethod method, string path, string? json = null, string? jwt = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation(OpenTokAuthHandler.AuthHeaderName, jwt ?? emulator.Jwt());
        request.Headers.Accept.ParseAdd("application/json");
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return request;
    }

    public static async Task<HttpResponseMessage> SendAsync(this OpenTokEmulator emulator, HttpMethod method, string path, string? json = null, string? jwt = null)
    {
        using var client = emulator.RawClient();
        using var request = emulator.Request(method, path, json, jwt);
        return await client.SendAsync(request, Ct);
    }

    public static string ArchivePath(this OpenTokEmulator emulator, string rest = "") => $"v2/project/{emulator.ApiKey}/archive{rest}";

    public static string BroadcastPath(this OpenTokEmulator emulator, string rest = "") => $"v2/project/{emulator.ApiKey}/broadcast{rest}";

    public static async Task<ErrorBody> ErrorAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync(OpenTokJsonContext.Default.ErrorBody, Ct))!;

    public static Task<Session> RoutedSessionAsync(this OpenTokClient client) =>
        client.CreateSessionAsync(new SessionOptions { MediaMode = MediaMode.Routed }, Ct);
}
