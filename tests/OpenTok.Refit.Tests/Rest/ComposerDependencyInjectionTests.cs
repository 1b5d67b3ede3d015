using Microsoft.Extensions.DependencyInjection;
using OpenTok.Refit.Testing;
using static OpenTok.Refit.Tests.Rest.ComposerFixtures;
using static OpenTok.Refit.Tests.TestCredentials;

namespace OpenTok.Refit.Tests.Rest;

/// <summary>The Experience Composer, callbacks and projects areas resolve from DI, plain and keyed, over the same pipeline.</summary>
public class ComposerDependencyInjectionTests
{
    private static StubResponse Answer(RecordedRequest request) =>
        request.Path.Contains("/render/", StringComparison.Ordinal) ? StubResponse.Json(RenderJson())
        : request.Path.EndsWith("/callback", StringComparison.Ordinal) ? StubResponse.Json($"[{CallbackJson}]")
        : StubResponse.Json($"[{ProjectJson()}]");

    [Fact]
    public async Task The_new_areas_resolve_on_their_own_and_call_through_the_authenticated_pipeline()
    {
        await using var stub = await StubServer.StartAsync(Answer);
        var services = new ServiceCollection().AddLogging();
        services.AddOpenTok(o => { o.ApiKey = ApiKey; o.ApiSecret = ApiSecret; o.BaseAddress = stub.BaseAddress; });
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IExperienceComposerClient>().GetAsync(RenderId);
        await provider.GetRequiredService<ICallbacksClient>().ListAsync();
        await provider.GetRequiredService<IProjectsClient>().ListAsync();

        Assert.Equal([$"/v2/project/123456/render/{RenderId}", "/v2/project/123456/callback", "/v2/project"], stub.Requests.Select(r => r.Path));
        Assert.All(stub.Requests, r => Assert.NotNull(r.AuthJwt));
    }

    [Fact]
    public async Task The_new_areas_resolve_under_a_registration_name()
    {
        await using var stub = await StubServer.StartAsync(Answer);
        var services = new ServiceCollection().AddLogging();
        services.AddOpenTok("account", o => { o.ApiKey = "100"; o.ApiSecret = ApiSecret; o.BaseAddress = stub.BaseAddress; });
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<IProjectsClient>("account").ListAsync();
        await provider.GetRequiredKeyedService<ICallbacksClient>("account").ListAsync();
        await provider.GetRequiredKeyedService<IExperienceComposerClient>("account").GetAsync(RenderId);

        Assert.Equal(["/v2/project", "/v2/project/100/callback", $"/v2/project/100/render/{RenderId}"], stub.Requests.Select(r => r.Path));
    }
}
