namespace OpenTok.Refit;

/// <summary>
/// How a composed archive or broadcast arranges its streams. A stylesheet goes with <see cref="LayoutType.Custom"/>
/// and only with it; a screen-share type only with <see cref="LayoutType.BestFit"/>.
/// </summary>
[GenerateBuilder]
public sealed partial record Layout
{
    /// <summary>The layout type. Default <see cref="LayoutType.BestFit"/>.</summary>
    public LayoutType Type { get; init; } = LayoutType.BestFit;

    /// <summary>The CSS of a <see cref="LayoutType.Custom"/> layout; required for it and not allowed otherwise.</summary>
    public string? Stylesheet { get; init; }

    /// <summary>The layout used while a stream is screen-shared; only with <see cref="LayoutType.BestFit"/>.</summary>
    public LayoutType? ScreenshareType { get; init; }

    /// <summary>Checks the layout rules.</summary>
    /// <exception cref="OpenTokArgumentException">A rule is broken; the message says which.</exception>
    public void Validate()
    {
        if (!Type.IsKnown)
        {
            throw new OpenTokArgumentException($"Layout type must be one of {string.Join(", ", LayoutType.Known)}; '{Type}' is not.", nameof(Type));
        }

        if (Type == LayoutType.Custom && string.IsNullOrWhiteSpace(Stylesheet))
        {
            throw new OpenTokArgumentException("A custom layout needs a Stylesheet.", nameof(Stylesheet));
        }

        if (Type != LayoutType.Custom && Stylesheet is not null)
        {
            throw new OpenTokArgumentException($"Stylesheet is only allowed with the custom layout type, not with '{Type}'.", nameof(Stylesheet));
        }

        if (ScreenshareType is { } screenshare)
        {
            if (Type != LayoutType.BestFit)
            {
                throw new OpenTokArgumentException($"ScreenshareType is only allowed with the bestFit layout type, not with '{Type}'.", nameof(ScreenshareType));
            }

            if (!screenshare.IsKnown || screenshare == LayoutType.Custom)
            {
                throw new OpenTokArgumentException($"ScreenshareType must be bestFit, pip, verticalPresentation or horizontalPresentation; '{screenshare}' is not.", nameof(ScreenshareType));
            }
        }
    }
}
