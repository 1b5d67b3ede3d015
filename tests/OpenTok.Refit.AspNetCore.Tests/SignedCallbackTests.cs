using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using static OpenTok.Refit.AspNetCore.Tests.CallbackEndpointTests;
using static OpenTok.Refit.Tests.Events.VonageCallbackTokens;

namespace OpenTok.Refit.AspNetCore.Tests;

/// <summary>
/// With a signature secret configured, the endpoint takes only callbacks signed the way the service signs them
/// (tokens made here by Microsoft.IdentityModel): a bad signature or a changed body is 401, an unsigned callback 503
/// (the service retries 5xx, signed), and nothing refused reaches a handler.
/// </summary>
public sealed class SignedCallbackTests
{
    private const string Body = """{"sessionId":"s-1","projectId":"123456","event":"callDestroyed","reason_code":"700","reason_message":"Normal Clearing","timestamp":1470257688309,"call":{"id":"conf","connectionId":"conn","createdAt":1470257688143}}""";

    [Theory]
    [InlineData("Bearer ")]
    [InlineData("")]
    public async Task A_callback_signed_with_the_secret_is_accepted_with_or_without_Bearer(string prefix)
    {
        await using var server = await StartSignedAsync();

        using var response = await PostAsync(server, Body, prefix + Sign(Body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.IsType<SipCallEvent>(Assert.Single(server.Received));
        Assert.Equal(("700", "Normal Clearing", "conn"), (call.ReasonCode, call.ReasonMessage, call.Call.ConnectionId));
    }

    [Fact]
    public async Task A_signed_callback_without_payload_hash_is_accepted_on_its_signature()
    {
        await using var server = await StartSignedAsync();

        using var response = await PostAsync(server, Body, Sign(Body, payloadHash: null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_callback_signed_with_another_secret_is_401()
    {
        await using var server = await StartSignedAsync();

        using var response = await PostAsync(server, Body, "Bearer " + Sign(Body, secret: "someone-else-0123456789abcdef-0123456789abcdef"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("signature", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task A_body_that_is_not_the_one_signed_is_401()
    {
        await using var server = await StartSignedAsync();
        var token = Sign(Body);

        using var response = await PostAsync(server, Body.Replace("Normal Clearing", "Bad Request", StringComparison.Ordinal), "Bearer " + token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("payload_hash", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task The_hash_covers_the_raw_bytes_so_reformatting_the_same_JSON_is_401()
    {
        await using var server = await StartSignedAsync();
        var token = Sign(Body);

        using var response = await PostAsync(server, Body.Replace(",", ", ", StringComparison.Ordinal), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Another_algorithm_is_401_even_with_the_right_secret()
    {
        await using var server = await StartSignedAsync();

        using var response = await PostAsync(server, Body, Sign(Body, algorithm: SecurityAlgorithms.HmacSha512));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_unsigned_callback_is_503_with_Retry_After_so_the_service_tries_again()
    {
        await using var server = await StartSignedAsync();

        using var response = await PostAsync(server, Body, authorization: null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task The_signature_is_checked_before_the_JSON_so_an_unsigned_bad_body_is_not_read()
    {
        await using var server = await StartSignedAsync();

        using var unsigned = await PostAsync(server, "{not json", authorization: null);
        using var forged = await PostAsync(server, "{not json", Sign("{not json", secret: "someone-else-0123456789abcdef-0123456789abcdef"));
        using var signed = await PostAsync(server, "{not json", Sign("{not json"));

        Assert.Equal(
            (HttpStatusCode.ServiceUnavailable, HttpStatusCode.Unauthorized, HttpStatusCode.BadRequest),
            (unsigned.StatusCode, forged.StatusCode, signed.StatusCode));
    }

    [Fact]
    public async Task Without_a_secret_nothing_is_verified()
    {
        await using var server = await CallbackServer.StartAsync(services => services.AddOpenTokEventHandler<RecordingHandler>());

        using var unsigned = await PostAsync(server, Body, authorization: null);
        using var forged = await PostAsync(server, Body, Sign(Body, secret: "someone-else-0123456789abcdef-0123456789abcdef"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (unsigned.StatusCode, forged.StatusCode));
    }

    [Fact]
    public async Task Endpoints_with_named_options_verify_with_their_own_secrets()
    {
        const string archiveSecret = "archive-signature-secret-0123456789abcdef-0123456789abcdef";
        await using var server = await CallbackServer.StartAsync(
            services => services
                .AddOpenTokEventHandler<RecordingHandler>()
                .AddOpenTokCallbacks(options => options.SignatureSecret = Secret)
                .AddOpenTokCallbacks("archives", options => options.SignatureSecret = archiveSecret),
            app =>
            {
                app.MapOpenTokCallbacks("/opentok/events");
                app.MapOpenTokCallbacks("/opentok/archives", optionsName: "archives");
            });

        using var sessionOnSession = await PostAsync(server, Body, Sign(Body));
        using var archiveOnArchive = await PostAsync(server, Body, Sign(Body, secret: archiveSecret), "opentok/archives");
        using var sessionOnArchive = await PostAsync(server, Body, Sign(Body), "opentok/archives");

        Assert.Equal(
            (HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized),
            (sessionOnSession.StatusCode, archiveOnArchive.StatusCode, sessionOnArchive.StatusCode));
    }

    [Fact]
    public async Task A_blank_secret_stops_the_app_at_startup()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => CallbackServer.StartAsync(services => services
            .AddOpenTokEventHandler<RecordingHandler>()
            .AddOpenTokCallbacks(options => options.SignatureSecret = "  ")));

        Assert.Contains("SignatureSecret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_bind_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OpenTok:Callbacks:SignatureSecret"] = Secret,
            ["OpenTok:Callbacks:MaxBodySize"] = "2048",
        }).Build();
        await using var server = await CallbackServer.StartAsync(services => services
            .AddOpenTokEventHandler<RecordingHandler>()
            .AddOpenTokCallbacks(configuration.GetSection("OpenTok:Callbacks")));

        using var signed = await PostAsync(server, Body, Sign(Body));
        using var unsigned = await PostAsync(server, Body, authorization: null);
        var large = PaddedEvent(2049);
        using var tooLarge = await PostAsync(server, large, Sign(large));

        Assert.Equal(
            (HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable, HttpStatusCode.RequestEntityTooLarge),
            (signed.StatusCode, unsigned.StatusCode, tooLarge.StatusCode));
    }

    [Fact]
    public void The_options_never_print_the_secret() =>
        Assert.DoesNotContain(Secret, new OpenTokCallbackOptions { SignatureSecret = Secret }.ToString(), StringComparison.Ordinal);

    private static Task<CallbackServer> StartSignedAsync() =>
        CallbackServer.StartAsync(services => services
            .AddOpenTokEventHandler<RecordingHandler>()
            .AddOpenTokCallbacks(options => options.SignatureSecret = Secret));

    private static async Task<HttpResponseMessage> PostAsync(CallbackServer server, string body, string? authorization, string path = "opentok/events")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) };
        if (authorization is not null)
        {
            // The service's header may be a bare JWT, which is not a valid scheme/parameter pair to HttpClient's typed header.
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await server.Client.SendAsync(request);
    }
}
