using OpenTok.Refit.Emulator.Pipeline;
using OpenTok.Refit.Emulator.State;

namespace OpenTok.Refit.Emulator.Areas.Callbacks;

/// <summary>
/// The project's legacy callback registrations, with the service's rules: group, event and url required; a group and
/// event the service does not know is 404 (<c>Callback event not found</c>, as the Node SDK reads it); listed in the
/// order registered; unregistering an unknown id is 404. A Vonage application has no legacy callbacks: every call is 403.
/// Events of a registered group and event (connection and stream created/destroyed, archive status) are POSTed to
/// its url as well as to the URLs of <see cref="OpenTokEmulator.Callbacks"/> (<see cref="UrlsFor"/>).
/// </summary>
internal sealed class CallbackStore : IAreaStore<CallbackStore>
{
    private readonly EmulatorState _state;
    private readonly Dictionary<string, CallbackRecord> _callbacks = new(StringComparer.Ordinal);

    private CallbackStore(EmulatorState state) => _state = state;

    public static CallbackStore Create(EmulatorState state) => new(state);

    public Callback Register(RegisterCallbackRequest request)
    {
        EnsureOpenTokProject();
        if (string.IsNullOrWhiteSpace(request.Group.Value) || string.IsNullOrWhiteSpace(request.Event.Value))
        {
            throw ApiErrorException.BadRequest("group and event are required.");
        }

        if (!request.Group.IsKnown || !request.Event.IsKnown || !RegisterCallbackRequest.IsKnownPair(request.Group, request.Event))
        {
            throw ApiErrorException.NotFound($"Callback event not found: group {Arguments.Quote(request.Group.Value)} has no event {Arguments.Quote(request.Event.Value)}.");
        }

        // The SDK's own rules, the url's among them: each fact once.
        request.Validate();

        lock (_state.Lock)
        {
            var callback = new CallbackRecord(
                IdGenerator.NewResourceId().ToString("D"),
                _state.Ids.NextSequence(),
                new Callback
                {
                    Group = request.Group,
                    Event = request.Event,
                    Url = request.Url,

                    // The wire carries milliseconds: keep no finer time, so that what was sent is what is read back.
                    CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(_state.Now.ToUnixTimeMilliseconds()),
                });
            _callbacks.Add(callback.Id, callback);
            return callback.Callback with { Id = callback.Id };
        }
    }

    /// <summary>Every registration, oldest first.</summary>
    public Callback[] List()
    {
        EnsureOpenTokProject();
        lock (_state.Lock)
        {
            return [.. _callbacks.Values.OrderBy(c => c.Sequence).Select(c => c.Callback with { Id = c.Id })];
        }
    }

    public void Unregister(string id)
    {
        EnsureOpenTokProject();
        lock (_state.Lock)
        {
            if (!_callbacks.Remove(id))
            {
                throw ApiErrorException.NotFound($"Callback not found: {Arguments.Quote(id)}.");
            }
        }
    }

    /// <summary>
    /// The urls registered for an event kind, oldest registration first, each once: <c>connection</c> and <c>stream</c>
    /// <c>created</c>/<c>destroyed</c>, and <c>archive</c> <c>status</c>; none for other kinds, which the legacy API
    /// never had.
    /// </summary>
    public IReadOnlyList<Uri> UrlsFor(OpenTokEventKind kind)
    {
        (CallbackGroup Group, CallbackEvent Event)? registration = kind.Value switch
        {
            "connectionCreated" => (CallbackGroup.Connection, CallbackEvent.Created),
            "connectionDestroyed" => (CallbackGroup.Connection, CallbackEvent.Destroyed),
            "streamCreated" => (CallbackGroup.Stream, CallbackEvent.Created),
            "streamDestroyed" => (CallbackGroup.Stream, CallbackEvent.Destroyed),
            "archive" => (CallbackGroup.Archive, CallbackEvent.Status),
            _ => null,
        };
        if (registration is not { } wanted)
        {
            return [];
        }

        lock (_state.Lock)
        {
            return [.. _callbacks.Values
                .Where(c => c.Callback.Group == wanted.Group && c.Callback.Event == wanted.Event)
                .OrderBy(c => c.Sequence)
                .Select(c => new Uri(c.Callback.Url))
                .Distinct()];
        }
    }

    public void Clear() => _callbacks.Clear();

    /// <summary>Refuses a Vonage application with 403, before its request is even read.</summary>
    public void EnsureOpenTokProject()
    {
        if (_state.Options.Application is not null)
        {
            throw ApiErrorException.Forbidden(
                "The legacy callback API is not available to a Vonage application: it exists only for OpenTok projects (API key and secret). Set the application's callback URLs in its dashboard.");
        }
    }

    private sealed record CallbackRecord(string Id, long Sequence, Callback Callback);
}
