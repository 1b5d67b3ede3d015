namespace OpenTok.Refit.Emulator;

/// <summary>How an archive's processing ends once it is stopped.</summary>
public enum ArchiveAvailabilityMode
{
    /// <summary>The archive is <c>available</c> as soon as it is stopped: the stop answer says <c>stopped</c>, the next read <c>available</c>.</summary>
    Immediate,

    /// <summary>The archive stays <c>stopped</c> for <see cref="ArchiveAvailability.Delay"/>, then is <c>available</c>.</summary>
    AfterDelay,

    /// <summary>The archive stays <c>stopped</c> until <see cref="OpenTokEmulator.CompleteArchive"/> is called.</summary>
    Manual,
}

/// <summary>When stopped archives become <c>available</c> (or <c>uploaded</c>, when archive storage is set).</summary>
public sealed record ArchiveAvailability
{
    private ArchiveAvailability(ArchiveAvailabilityMode mode, TimeSpan delay)
    {
        Mode = mode;
        Delay = delay;
    }

    /// <summary>Available as soon as stopped.</summary>
    public static ArchiveAvailability Immediate { get; } = new(ArchiveAvailabilityMode.Immediate, TimeSpan.Zero);

    /// <summary>Stopped until <see cref="OpenTokEmulator.CompleteArchive"/> says otherwise.</summary>
    public static ArchiveAvailability Manual { get; } = new(ArchiveAvailabilityMode.Manual, TimeSpan.Zero);

    /// <summary>Which of the three behaviours.</summary>
    public ArchiveAvailabilityMode Mode { get; }

    /// <summary>How long an archive stays <c>stopped</c> in <see cref="ArchiveAvailabilityMode.AfterDelay"/> mode.</summary>
    public TimeSpan Delay { get; }

    /// <summary>Available <paramref name="delay"/> after being stopped.</summary>
    /// <param name="delay">How long processing takes; not negative.</param>
    /// <returns>The setting.</returns>
    public static ArchiveAvailability After(TimeSpan delay)
    {
        var availability = new ArchiveAvailability(ArchiveAvailabilityMode.AfterDelay, delay);
        availability.Validate();
        return availability;
    }

    /// <summary>Checks the setting.</summary>
    /// <exception cref="ArgumentException">The delay is negative or the mode undefined.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Mode))
        {
            throw new ArgumentException($"Mode {(int)Mode} is not defined.", nameof(Mode));
        }

        if (Delay < TimeSpan.Zero)
        {
            throw new ArgumentException("Delay must not be negative.", nameof(Delay));
        }
    }
}
