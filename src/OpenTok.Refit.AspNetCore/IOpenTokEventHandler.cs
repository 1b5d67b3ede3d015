namespace OpenTok.Refit;

/// <summary>
/// Handles the callback events <c>MapOpenTokCallbacks</c> receives. Register implementations with
/// <c>services.AddOpenTokEventHandler&lt;T&gt;()</c> (scoped); every registered handler gets every event, in
/// registration order, before the service is answered.
/// </summary>
/// <remarks>
/// Keep handlers quick: record the event and return; queue long work yourself. Throwing makes the endpoint answer
/// 500, which the service retries later, so a handler may see an event again (and events can repeat anyway):
/// handle them idempotently. Events of kinds this SDK does not know arrive as <see cref="UnknownEvent"/>.
/// </remarks>
public interface IOpenTokEventHandler
{
    /// <summary>Handles one event.</summary>
    /// <param name="callbackEvent">The event; switch on its type (<see cref="ArchiveStatusEvent"/>, <see cref="ConnectionEvent"/>, …).</param>
    /// <param name="cancellationToken">Cancelled when the service gives up on the request.</param>
    /// <returns>A task that completes when the event is handled.</returns>
    Task HandleAsync(OpenTokEvent callbackEvent, CancellationToken cancellationToken);
}
