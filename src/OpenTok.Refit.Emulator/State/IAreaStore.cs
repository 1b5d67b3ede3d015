namespace OpenTok.Refit.Emulator.State;

/// <summary>An API area's store of its own resources (archives, broadcasts, …), kept under <see cref="EmulatorState.Lock"/>.</summary>
internal interface IAreaStore
{
    /// <summary>Forgets every resource and zeroes the counters, for <see cref="OpenTokEmulator.Reset"/>; called under the lock.</summary>
    void Clear();
}

/// <summary>A store that <see cref="EmulatorState.Store{TStore}"/> can make, so that each area has exactly one, whoever asks first.</summary>
/// <typeparam name="TSelf">The store itself.</typeparam>
internal interface IAreaStore<TSelf> : IAreaStore
    where TSelf : class, IAreaStore<TSelf>
{
    /// <summary>Makes the area's store; it may subscribe to the shared state here (say, to <see cref="SessionRegistry.AddCreatedListener"/>).</summary>
    static abstract TSelf Create(EmulatorState state);
}
