using System.Net;
using System.Net.Http.Json;
using OpenTok.Refit.Tokens;
using static OpenTok.Refit.Emulator.Tests.Support;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>The SDK's legacy callback calls end to end over real HTTP, the bodies the service refuses, and the refusal of a Vonage application.</summary>
public sealed class CallbackTests
{
    [Fact]
    public async Task Callbacks_are_registered_listed_in_order_and_unregistered()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();

        var connections = await client.Callbacks.RegisterAsync(CallbackGroup.Connection, CallbackEvent.Created, "https://example.com/connections", Ct);
        var archives = await client.Callbacks.RegisterAsync(CallbackGroup.Archive, CallbackEvent.Status, "http://example.com/archives?project=1", Ct);

        Assert.True(Guid.TryParseExact(connections.Id, "D", out _));
        Assert.Equal((CallbackGroup.Connection, CallbackEvent.Created, "https://example.com/connections"), (connections.Group, connections.Event, connections.Url));
        Assert.InRange(connections.CreatedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal([connections, archives], await client.Callbacks.ListAsync(Ct));

        await client.Callbacks.UnregisterAsync(connections.Id, Ct);
        Assert.Equal([archives], await client.Callbacks.ListAsync(Ct));

        var e = await Assert.ThrowsAsync<OpenTokNotFoundException>(() => client.Callbacks.UnregisterAsync(connections.Id, Ct));
        Assert.Equal(404, e.ErrorCode);

        emulator.Reset();
        Assert.Empty(await client.Callbacks.ListAsync(Ct));
    }

    [Theory]
    [InlineData("""{"group":"broadcast","event":"status","url":"https://example.com/e"}""", HttpStatusCode.NotFound, "Callback event not found")]
    [InlineData("""{"group":"archive","event":"created","url":"https://example.com/e"}""", HttpStatusCode.NotFound, "Callback event not found")]
    [InlineData("""{"group":"stream","event":"muted","url":"https://example.com/e"}""", HttpStatusCode.NotFound, "Callback event not found")]
    [InlineData("""{"event":"created","url":"https://example.com/e"}""", HttpStatusCode.BadRequest, "required")]
    [InlineData("""{"group":"stream","url":"https://example.com/e"}""", HttpStatusCode.BadRequest, "required")]
    [InlineData("""{"group":"stream","event":"created"}""", HttpStatusCode.BadRequest, "url")]
    [InlineData("""{"group":"stream","event":"created","url":"ftp://example.com/e"}""", HttpStatusCode.BadRequest, "url")]
    [InlineData("""{"group":3,"event":"created","url":"https://example.com/e"}""", HttpStatusCode.BadRequest, "not valid JSON")]
    public async Task Bodies_the_service_refuses(string body, HttpStatusCode status, string mentioned)
    {
        await using var emulator = await StartAsync();

        using var response = await emulator.SendAsync(HttpMethod.Post, CallbackPath(emulator), body);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(mentioned, (await response.ErrorAsync()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_is_a_bare_JSON_array()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        await client.Callbacks.RegisterAsync(CallbackGroup.Stream, CallbackEvent.Destroyed, "https://example.com/streams", Ct);

        using var response = await emulator.SendAsync(HttpMethod.Get, CallbackPath(emulator));

        Assert.StartsWith("[{", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Vonage_application_is_refused_with_403_on_every_callback_endpoint()
    {
        await using var emulator = await StartAsync(new OpenTokEmulatorOptions { Seed = 1, Application = EmulatedApplication.Generate() });
        using var key = ApplicationTokens.ImportPrivateKey(emulator.PrivateKeyPem);
        var now = DateTimeOffset.UtcNow;
        using var http = emulator.RawClient();

        foreach (var (method, path, body) in new[]
        {
            (HttpMethod.Post, CallbackPath(emulator), """{"group":"stream","event":"created","url":"https://example.com/e"}"""),
            (HttpMethod.Get, CallbackPath(emulator), null),
            (HttpMethod.Delete, CallbackPath(emulator, "/some-id"), null),
        })
        {
            using var request = new HttpRequestMessage(method, path);
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + ApplicationTokens.CreateRestJwt(emulator.ApplicationId!, key, now, now.AddMinutes(3), Guid.NewGuid()));
            if (body is not null)
            {
                request.Content = JsonContent.Create(System.Text.Json.JsonDocument.Parse(body).RootElement);
            }

            using var response = await http.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("not available to a Vonage application", (await response.ErrorAsync()).Message, StringComparison.Ordinal);
        }

        // Without a valid bearer JWT it is the usual 401 first.
        using var unauthenticated = await http.GetAsync(CallbackPath(emulator), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
    }

    private static string CallbackPath(OpenTokEmulator emulator, string rest = "") => $"v2/project/{emulator.ApiKey}/callback{rest}";
}
