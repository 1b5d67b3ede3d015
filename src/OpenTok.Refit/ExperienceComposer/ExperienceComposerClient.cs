using OpenTok.Refit.Api;

namespace OpenTok.Refit;

/// <summary>The Experience Composer area: validates, then calls the Refit-generated <see cref="IExperienceComposerApi"/>.</summary>
internal sealed class ExperienceComposerClient(IExperienceComposerApi api, string apiKey) : IExperienceComposerClient
{
    /// <summary>The most renders one list call returns; the server's own limit.</summary>
    public const int MaxPageSize = 1000;

    private const string RenderIdKind = "a render id";

    /// <inheritdoc/>
    public Task<Render> StartAsync(string sessionId, string token, RenderOptions options, CancellationToken cancellationToken = default)
    {
        Arguments.EnsureSessionOf(sessionId, apiKey, nameof(sessionId));
        Arguments.EnsureNotEmpty(token, nameof(token));
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return api.StartAsync(apiKey, StartRenderRequest.From(sessionId, token, options), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<Render> GetAsync(string renderId, CancellationToken cancellationToken = default)
    {
        Arguments.EnsureUuid(renderId, nameof(renderId), RenderIdKind);
        return api.GetAsync(apiKey, renderId, cancellationToken);
    }

    /// <inheritdoc/>
    public Task StopAsync(string renderId, CancellationToken cancellationToken = default)
    {
        Arguments.EnsureUuid(renderId, nameof(renderId), RenderIdKind);
        return api.StopAsync(apiKey, renderId, cancellationToken);
    }

    /// <inheritdoc/>
    public Pageable<Render> ListAsync(CancellationToken cancellationToken = default) =>
        Pageable.FromListEndpoint<Render, RenderList>((offset, count, ct) => api.ListAsync(apiKey, offset, count, ct), MaxPageSize, cancellationToken);
}
