using OpenTok.Refit.Api;

namespace OpenTok.Refit;

/// <summary>The live captions area: validates, then calls the Refit-generated <see cref="ICaptionsApi"/>.</summary>
internal sealed class CaptionsClient(ICaptionsApi api, string apiKey) : ICaptionsClient
{
    /// <inheritdoc/>
    public Task<Captions> StartAsync(string sessionId, string token, CaptionsOptions? options = null, CancellationToken cancellationToken = default)
    {
        Arguments.EnsureSessionOf(sessionId, apiKey, nameof(sessionId));
        Arguments.EnsureNotEmpty(token, nameof(token));
        options ??= new CaptionsOptions();
        options.Validate();
        return api.StartAsync(apiKey, StartCaptionsRequest.From(sessionId, token, options), cancellationToken);
    }

    /// <inheritdoc/>
    public Task StopAsync(string captionsId, CancellationToken cancellationToken = default)
    {
        Arguments.EnsureUuid(captionsId, nameof(captionsId), "a captions id");
        return api.StopAsync(apiKey, captionsId, cancellationToken);
    }
}
