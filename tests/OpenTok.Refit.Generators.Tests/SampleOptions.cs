namespace OpenTok.Refit.Generators.Tests;

/// <summary>Who a sample client is.</summary>
internal enum SampleRole
{
    Subscriber,
    Publisher,
    Moderator,
}

/// <summary>
/// A real record built by the real generator (this project uses it as an analyzer), standing in for the
/// library's option records: a string default, a nullable member, an enum, collections and its own rules.
/// </summary>
[GenerateBuilder]
internal sealed partial record SampleOptions
{
    public const int MaxDataLength = 1000;

    /// <summary>The client's role.</summary>
    public SampleRole Role { get; init; } = SampleRole.Publisher;

    /// <summary>Connection data, at most <see cref="MaxDataLength"/> characters.</summary>
    public string? Data { get; init; }

    /// <summary>The name shown for the client.</summary>
    public string Name { get; init; } = "guest";

    /// <summary>Layout classes for the client's first stream.</summary>
    public IReadOnlyList<string> InitialLayoutClassList { get; init; } = [];

    /// <summary>Extra headers, when any.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>The record's rules, stated once: the builder's <c>Build()</c> runs them.</summary>
    public void Validate()
    {
        if (Data?.Length > MaxDataLength)
        {
            throw new ArgumentOutOfRangeException(nameof(Data), Data.Length, $"Data is at most {MaxDataLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("Name must not be empty.", nameof(Name));
        }
    }
}
