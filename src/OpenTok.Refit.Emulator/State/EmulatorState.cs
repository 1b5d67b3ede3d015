using OpenTok.Refit.Tokens;

namespace OpenTok.Refit.Emulator.State;

/// <summary>
/// What every API area shares: the emulated project's options, one lock, the clock, id generation, the sessions,
/// the address archive urls point at, and the areas' stores. Each area keeps its own resources in its own store
/// (<see cref="Store{TStore}"/>) and changes them only under <see cref="Lock"/>: every operation is a few
/// dictionary look-ups, so one lock for the whole project keeps cross-area rules (an archive needs a live session)
/// and snapshots (statistics) consistent without any wait worth the name.
/// </summary>
internal sealed class EmulatorState
{
    private readonly Dictionary<Type, IAreaStore> _stores = [];
    private Uri _baseAddress = new("http://127.0.0.1/");

    /// <param name="options">The emulated project.</param>
    /// <param name="seed">Seeds the ids, so that a run can be repeated.</param>
    public EmulatorState(OpenTokEmulatorOptions options, int seed)
    {
        Options = options;
        Clock = options.TimeProvider;
        Ids = new IdGenerator(seed);
        Sessions = new SessionRegistry(this);
    }

    /// <summary>
    /// Guards every store and the sessions. It is reentrant (<see cref="System.Threading.Lock"/> is), so a store
    /// that holds it may call the session registry, which takes it too.
    /// </summary>
    public Lock Lock { get; } = new();

    /// <summary>The options the emulator was started with.</summary>
    public OpenTokEmulatorOptions Options { get; }

    /// <summary>The emulated project's id in paths and session ids: its API key, or the application id in application mode.</summary>
    public string ApiKey => Options.ProjectId;

    /// <summary>The emulated service's clock (<see cref="OpenTokEmulatorOptions.TimeProvider"/>): every timestamp, expiry and delay of the emulated service is read from it.</summary>
    public TimeProvider Clock { get; }

    /// <summary>The time now on <see cref="Clock"/>.</summary>
    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>Where new ids come from; use it under <see cref="Lock"/>.</summary>
    public IdGenerator Ids { get; }

    /// <summary>Every session, which all areas look up.</summary>
    public SessionRegistry Sessions { get; }

    /// <summary>
    /// Checks a client token as the service does when a client connects (signature, key, expiry, a session that
    /// exists here): what <see cref="OpenTokEmulator.VerifyClientToken"/> does, for areas whose requests carry a token
    /// (an Experience Composer's, say). Set by the emulator once it holds the keys; call it outside <see cref="Lock"/> or in it.
    /// </summary>
    public Func<string?, TokenValidation<VerifiedClientToken>> VerifyClientToken { get; set; } =
        _ => throw new InvalidOperationException("The emulator has not set its client token check yet.");

    /// <summary>Where the emulator listens; known once Kestrel has bound its port, and read when a url to the emulator is made.</summary>
    public Uri BaseAddress
    {
        get => Volatile.Read(ref _baseAddress);
        set => Volatile.Write(ref _baseAddress, value);
    }

    /// <summary>The one store of its type, made by <c>TStore.Create</c> the first time it is asked for.</summary>
    public TStore Store<TStore>()
        where TStore : class, IAreaStore<TStore>
    {
        lock (Lock)
        {
            if (!_stores.TryGetValue(typeof(TStore), out var store))
            {
                store = TStore.Create(this);
                _stores.Add(typeof(TStore), store);
            }

            return (TStore)store;
        }
    }

    /// <summary>Forgets every session and clears every store, at once for any reader.</summary>
    public void Reset()
    {
        lock (Lock)
        {
            Sessions.Clear();
            foreach (var store in _stores.Values)
            {
                store.Clear();
            }
        }
    }
}
