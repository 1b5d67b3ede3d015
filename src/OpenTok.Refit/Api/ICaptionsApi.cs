using Refit;

namespace OpenTok.Refit.Api;

/// <summary>The live captions endpoints, 1:1 with the wire; implemented by Refit's source generator. Callers use <see cref="ICaptionsClient"/>.</summary>
internal interface ICaptionsApi
{
    [Post(ApiRoutes.Captions)]
    Task<Captions> StartAsync(string apiKey, [Body] StartCaptionsRequest body, CancellationToken cancellationToken);

    // No body: the stop call carries nothing but the id in its path.
    [Post(ApiRoutes.CaptionsStop)]
    Task StopAsync(string apiKey, string captionsId, CancellationToken cancellationToken);
}
