using OpenTok.Refit.Tokens;

namespace OpenTok.Refit.Emulator.State;

/// <summary>
/// Where ids come from. Session ids take their randomness from a seeded generator, so a seeded run repeats them;
/// resource ids are random UUIDs as the service's are (not seeded); sequence numbers order resources made in the same
/// millisecond. Not thread-safe: use it under <see cref="EmulatorState.Lock"/>.
/// </summary>
internal sealed class IdGenerator
{
    private readonly Random _random;
    private long _sequence;

    /// <param name="seed">Seeds the session ids.</param>
    public IdGenerator(int seed) => _random = new Random(seed);

    /// <summary>A session id in the service's format, for this project, location and creation time.</summary>
    public string NewSessionId(string apiKey, string location, DateTimeOffset now) => SessionId.Create(apiKey, location, now, _random.NextDouble());

    /// <summary>A new resource id (archive, broadcast, …): a random UUID, unseeded, so that ids never repeat across emulators.</summary>
    public static Guid NewResourceId() => Guid.NewGuid();

    /// <summary>The next number of a sequence shared by every area: later resources have larger numbers.</summary>
    public long NextSequence() => ++_sequence;
}
