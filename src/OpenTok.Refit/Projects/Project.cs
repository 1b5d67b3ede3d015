using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace OpenTok.Refit;

/// <summary>
/// An OpenTok project of your account, as project management answers it: its API key (<see cref="Id"/>), secret,
/// status and name. Its printed form hides the secret. Unknown fields are ignored; unknown enum values kept.
/// </summary>
public sealed record Project
{
    // Non-null defaults live in the getters: the source-generated JSON reader sets every init-only property, to
    // null when the server left its field out, so an initializer would be lost.
    /// <summary>The project's API key (the server writes it as a number or a string).</summary>
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string Id { get => field ?? ""; init; }

    /// <summary>The project's API secret: what a client for this project signs with. Never printed by <see cref="ToString"/>.</summary>
    public string Secret { get => field ?? ""; init; }

    /// <summary>Active, suspended, or (in some answers) valid, which means active.</summary>
    public ProjectStatus Status { get; init; }

    /// <summary>The project's name, if it has one.</summary>
    public string? Name { get; init; }

    /// <summary>When the project was created.</summary>
    [JsonConverter(typeof(UnixMillisecondsConverter))]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The environment the project runs in, e.g. <c>standard</c> or <c>enterprise</c>, when the answer says.</summary>
    public string? Environment { get; init; }

    /// <summary>The environment's name.</summary>
    public string? EnvironmentName { get; init; }

    /// <summary>The environment's description.</summary>
    public string? EnvironmentDescription { get; init; }

    // The secret is a credential: a record's generated ToString would print it into logs.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Id = {Id}, Secret = {(Secret.Length == 0 ? "" : "***")}, Status = {Status}, Name = {Name}, CreatedAt = {CreatedAt}, ");
        builder.Append(CultureInfo.InvariantCulture, $"Environment = {Environment}, EnvironmentName = {EnvironmentName}, EnvironmentDescription = {EnvironmentDescription}");
        return true;
    }
}

/// <summary>The status of a project. Extensible: values the SDK does not know yet are kept as they are.</summary>
[ExtensibleEnum]
public readonly partial record struct ProjectStatus
{
    /// <summary>The project works. Wire value <c>ACTIVE</c>.</summary>
    [WireValue("ACTIVE")] public static partial ProjectStatus Active { get; }

    /// <summary>The project is suspended: its REST calls and client connections are refused until it is made active again. Wire value <c>SUSPENDED</c>.</summary>
    [WireValue("SUSPENDED")] public static partial ProjectStatus Suspended { get; }

    /// <summary>What some answers say of an active project; a status to read, not to set. Wire value <c>VALID</c>.</summary>
    [WireValue("VALID")] public static partial ProjectStatus Valid { get; }
}

/// <summary>The body of <c>POST /v2/project</c> when the new project has a name.</summary>
internal sealed record CreateProjectRequest
{
    public string? Name { get; init; }
}

/// <summary>The body of <c>PUT /v2/project/{projectApiKey}</c>.</summary>
internal sealed record ProjectStatusChange
{
    public ProjectStatus Status { get; init; }

    /// <summary>Checks the status is one a project can be set to: active or suspended (valid is only ever read).</summary>
    /// <exception cref="OpenTokArgumentException">It is not.</exception>
    public void Validate()
    {
        if (Status != ProjectStatus.Active && Status != ProjectStatus.Suspended)
        {
            throw new OpenTokArgumentException($"status must be ACTIVE or SUSPENDED; {Arguments.Quote(Status.Value)} is not.", "status");
        }
    }
}
