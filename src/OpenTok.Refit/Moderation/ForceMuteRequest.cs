namespace OpenTok.Refit;

/// <summary>
/// The body of force mute all: <c>{ "active": true, "excludedStreamIds": [ … ] }</c> mutes every stream but the
/// excluded ones (and streams published later); <c>{ "active": false }</c> ends that state. The name is
/// <c>excludedStreamIds</c>: one SDK sends <c>excludedStreams</c>, which the service ignores.
/// </summary>
/// <param name="Active">Whether the session's mute state is on.</param>
/// <param name="ExcludedStreamIds">Streams left unmuted; only with <paramref name="Active"/> true.</param>
internal sealed record ForceMuteRequest(bool Active, IReadOnlyList<string>? ExcludedStreamIds);
