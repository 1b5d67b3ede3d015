using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTok.Refit.Testing;
using static OpenTok.Refit.Tests.Rest.RestFixtures;
using static OpenTok.Refit.Tests.TestCredentials;

namespace OpenTok.Refit.Tests.Rest;

public class DependencyInjectionTests
{
    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    [Fact]
    public async Task AddOpenTok_binds_the_section_and_resolves_a_working_client_and_every_area()
    {
        await using var stub = await StubServer.StartAsync(_ => StubResponse.Json(ArchiveJson()));
        var services = new ServiceCollection().AddLogging();
        services.AddOpenTok(Configuration(new()
        {
            ["OpenTok:ApiKey"] = ApiKey,
            ["OpenTok:ApiSecret"] = ApiSecret,
            ["OpenTok:BaseAddress"] = stub.BaseAddress.ToString(),
            ["OpenTok:Resilience:MaxRetryAttempts"] = "1",
        }).GetSection("OpenTok"));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<OpenTokClient>();
        var archive = await client.Archives.GetAsync(ArchiveId);
        var direct = await provider.GetRequiredService<IArchivesClient>().GetAsync(ArchiveId);

        Assert.Equal(ArchiveId, archive.Id);
        Assert.Equal(archive, direct);
        Assert.NotNull(provider.GetRequiredService<ISessionsClient>());
        Assert.Equal(1, provider.GetRequiredService<IOptionsMonitor<OpenTokOptions>>().Get(OpenTokServiceCollectionExtensions.DefaultName).Resilience.MaxRetryAttempts);
        Assert.All(stub.Requests, r => Assert.NotNull(r.AuthJwt)); // an area client resolved on its own goes through the same pipeline
    }

    [Fact]
    public async Task Missing_credentials_fail_at_start_with_a_message_that_names_the_setting()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddOpenTok(o => o.ApiKey = ApiKey);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ApiSecret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_projects_register_side_by_side_under_names()
    {
        await using var first = await StubServer.StartAsync(_ => StubResponse.Json(ArchiveJson()));
        await using var second = await StubServer.StartAsync(_ => StubResponse.Json(ArchiveJson()));
        var services = new ServiceCollection().AddLogging();
        services.AddOpenTok("first", o => { o.ApiKey = ApiKey; o.ApiSecret = ApiSecret; o.BaseAddress = first.BaseAddress; });
        services.AddOpenTok("second", o => { o.ApiKey = "654321"; o.ApiSecret = ApiSecret; o.BaseAddress = second.BaseAddress; });
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<OpenTokClient>("first").Archives.GetAsync(ArchiveId);
        await provider.GetRequiredKeyedService<IArchivesClient>("second").GetAsync(ArchiveId);

        Assert.Equal($"/v2/project/123456/archive/{ArchiveId}", Assert.Single(first.Requests).Path);
        Assert.Equal($"/v2/project/654321/archive/{ArchiveId}", Assert.Single(second.Requests).Path);
    }

    [Fact]
    public async Task The_returned_builder_adds_the_users_own_handler_to_the_pipeline()
    {
        await using var stub = await StubServer.StartAsync(_ => StubResponse.Json(ArchiveJson()));
        var services = new ServiceCollection().AddLogging();
        services.AddOpenTok(o => { o.ApiKey = ApiKey; o.ApiSecret = ApiSecret; o.BaseAddress = stub.BaseAddress; })
            .AddHttpMessageHandler(() => new TaggingHandler());
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<OpenTokClient>().Archives.GetAsync(ArchiveId);

        Assert.Equal("yes", stub.Requests[0].Headers["x-tagged"]);
    }

    private sealed class TaggingHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation("X-Tagged", "yes");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
