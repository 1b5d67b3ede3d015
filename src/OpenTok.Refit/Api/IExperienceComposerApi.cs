using Refit;

namespace OpenTok.Refit.Api;

/// <summary>The Experience Composer (render) endpoints, 1:1 with the wire; implemented by Refit's source generator. Callers use <see cref="IExperienceComposerClient"/>.</summary>
internal interface IExperienceComposerApi
{
    [Post(ApiRoutes.Renders)]
    Task<Render> StartAsync(string apiKey, [Body] StartRenderRequest body, CancellationToken cancellationToken);

    [Get(ApiRoutes.Render)]
    Task<Render> GetAsync(string apiKey, string renderId, CancellationToken cancellationToken);

    [Delete(ApiRoutes.Render)]
    Task StopAsync(string apiKey, string renderId, CancellationToken cancellationToken);

    [Get(ApiRoutes.Renders)]
    Task<RenderList> ListAsync(string apiKey, [Query] int offset, [Query] int count, CancellationToken cancellationToken);
}
