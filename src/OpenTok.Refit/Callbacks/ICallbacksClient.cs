namespace OpenTok.Refit;

/// <summary>
/// The legacy callback API: register URLs the service POSTs connection, stream and archive events to, list them and
/// unregister them. Reach it as <c>opentok.Callbacks</c>. It exists only for OpenTok API-key credentials (an API key and
/// secret): a Vonage application sets its callback URLs in the Vonage dashboard, and every call here throws
/// <see cref="NotSupportedException"/> before sending anything. Every argument is checked before anything is sent.
/// </summary>
public interface ICallbacksClient
{
    /// <summary>Registers a callback URL for one event (<c>POST /v2/project/{apiKey}/callback</c>).</summary>
    /// <param name="group">What the events are about: <see cref="CallbackGroup.Connection"/>, <see cref="CallbackGroup.Stream"/> or <see cref="CallbackGroup.Archive"/>.</param>
    /// <param name="callbackEvent">Which event: <see cref="CallbackEvent.Created"/> or <see cref="CallbackEvent.Destroyed"/> for connections and streams, <see cref="CallbackEvent.Status"/> for archives.</param>
    /// <param name="url">Where the service POSTs the events: an absolute http:// or https:// address.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The registered callback, with its id.</returns>
    /// <exception cref="NotSupportedException">This client is a Vonage application; nothing was sent.</exception>
    /// <exception cref="OpenTokArgumentException">The group or event is unset, the pair unknown, or the url not absolute http(s); nothing was sent.</exception>
    /// <exception cref="OpenTokNotFoundException">The service knows no such event.</exception>
    Task<Callback> RegisterAsync(CallbackGroup group, CallbackEvent callbackEvent, string url, CancellationToken cancellationToken = default);

    /// <summary>Every registered callback (<c>GET /v2/project/{apiKey}/callback</c>, answered with a bare JSON array).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The callbacks.</returns>
    /// <exception cref="NotSupportedException">This client is a Vonage application; nothing was sent.</exception>
    Task<IReadOnlyList<Callback>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Unregisters a callback (<c>DELETE /v2/project/{apiKey}/callback/{callbackId}</c>, answered 204).</summary>
    /// <param name="callbackId">The callback's <see cref="Callback.Id"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when it is unregistered.</returns>
    /// <exception cref="NotSupportedException">This client is a Vonage application; nothing was sent.</exception>
    /// <exception cref="OpenTokArgumentException">The id is empty or cannot be a path segment; nothing was sent.</exception>
    /// <exception cref="OpenTokNotFoundException">No such callback.</exception>
    Task UnregisterAsync(string callbackId, CancellationToken cancellationToken = default);
}
