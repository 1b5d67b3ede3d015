using System.Net;
using System.Text;
using System.Text.Json;
using static OpenTok.Refit.Emulator.Tests.Support;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>
/// The control endpoints under <c>/_emulator/</c>, driven as a test in any language would: plain HTTP and JSON, no SDK,
/// no JWT.
/// </summary>
public sealed class ControlEndpointTests
{
    [Fact]
    public async Task The_faults_read_as_JSON_with_every_setting_and_its_default()
    {
        await using var emulator = await StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };

        using var response = await http.GetAsync("_emulator/faults", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var faults = await ReadAsync(response);
        Assert.Equal(
            """{"serverErrorRate":0,"serverErrorStatusCode":503,"rateLimitRate":0,"retryAfterSeconds":1,"dropConnectionRate":0,"dropAfterEffectRate":0,"latencyMilliseconds":0,"callbackDropRate":0,"callbackDuplicateRate":0}""",
            JsonSerializer.Serialize(faults));
    }

    [Fact]
    public async Task Putting_faults_changes_them_at_once_and_an_empty_object_turns_them_off()
    {
        await using var emulator = await StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };

        using (var put = await PutFaultsAsync(http, """{"serverErrorRate":1,"serverErrorStatusCode":502,"retryAfterSeconds":null,"latencyMilliseconds":5}"""))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            var echoed = await ReadAsync(put);
            Assert.Equal((1.0, 502, JsonValueKind.Null, 5.0), (echoed.GetProperty("serverErrorRate").GetDouble(), echoed.GetProperty("serverErrorStatusCode").GetInt32(),
                echoed.GetProperty("retryAfterSeconds").ValueKind, echoed.GetProperty("latencyMilliseconds").GetDouble()));
        }

        Assert.Equal(new FaultInjection { ServerErrorRate = 1, ServerErrorStatusCode = 502, RetryAfter = null, Latency = TimeSpan.FromMilliseconds(5) }, emulator.Faults);
        using (var refused = await emulator.SendAsync(HttpMethod.Get, emulator.ArchivePath()))
        {
            Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
        }

        using (var put = await PutFaultsAsync(http, "{}"))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        Assert.Equal(FaultInjection.None, emulator.Faults);
        using var served = await emulator.SendAsync(HttpMethod.Get, emulator.ArchivePath());
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Theory]
    [InlineData("""{"serverErrorRate":2}""")]
    [InlineData("""{"serverErrorRate":0.6,"dropAfterEffectRate":0.6}""")]
    [InlineData("""{"serverErrorStatusCode":404}""")]
    [InlineData("""{"dropRate":0.5}""")]
    [InlineData("""{"latencyMilliseconds":"5"}""")]
    [InlineData("""{"latencyMilliseconds":1e300}""")]
    [InlineData("""{"serverErrorStatusCode":502.5}""")]
    [InlineData("""[]""")]
    [InlineData("""not json""")]
    public async Task Bad_fault_settings_are_400_with_the_error_body_and_change_nothing(string body)
    {
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Faults = new FaultInjection { RateLimitRate = 0.5 } });
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };

        using var response = await PutFaultsAsync(http, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, (await response.ErrorAsync()).Code);
        Assert.Equal(new FaultInjection { RateLimitRate = 0.5 }, emulator.Faults);
    }

    [Fact]
    public async Task Statistics_read_as_JSON_and_reset_forgets_state_and_counters_but_keeps_the_faults()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        await client.RoutedSessionAsync();
        using (await emulator.SendAsync(HttpMethod.Get, emulator.ArchivePath(), jwt: "not-a-jwt"))
        {
        }

        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        using (var statistics = await http.GetAsync("_emulator/statistics", Ct))
        {
            Assert.Equal(
                """{"requests":2,"serverErrorsInjected":0,"rateLimitsInjected":0,"connectionsDropped":0,"connectionsDroppedAfterEffect":0,"authenticationFailures":1,"sessionsCreated":1,"archivesStarted":0}""",
                JsonSerializer.Serialize(await ReadAsync(statistics)));
        }

        emulator.Faults = new FaultInjection { Latency = TimeSpan.FromMilliseconds(1) };
        using (var reset = await http.PostAsync("_emulator/reset", null, Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        }

        Assert.Empty(emulator.Sessions);
        Assert.Equal(new EmulatorStatistics(0, 0, 0, 0, 0, 0, 0), emulator.Statistics);
        Assert.Equal(TimeSpan.FromMilliseconds(1), emulator.Faults.Latency);
    }

    [Fact]
    public async Task Control_calls_are_never_faulted_so_a_test_can_always_turn_faults_off()
    {
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Faults = new FaultInjection { DropConnectionRate = 1 } });
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };

        using var response = await PutFaultsAsync(http, "{}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, emulator.Statistics.Requests); // not REST calls: not counted either
    }

    private static async Task<HttpResponseMessage> PutFaultsAsync(HttpClient http, string json) =>
        await http.PutAsync("_emulator/faults", new StringContent(json, Encoding.UTF8, "application/json"), Ct);

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return document.RootElement.Clone();
    }
}
