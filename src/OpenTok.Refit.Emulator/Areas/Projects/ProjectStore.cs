using System.Security.Cryptography;
using OpenTok.Refit.Emulator.Pipeline;
using OpenTok.Refit.Emulator.State;

namespace OpenTok.Refit.Emulator.Areas.Projects;

/// <summary>
/// The projects of the emulated OpenTok account, with the service's rules: the emulated project
/// (<see cref="OpenTokEmulatorOptions.ApiKey"/>) is one of them from the start, and new ones get a fresh numeric key
/// and a 40-hex-character secret. It holds the emulated project's current secret and status, which REST
/// authentication asks for on every call: a refreshed secret works at once and the old one stops working; a
/// suspended or deleted project is refused. Projects created here can be read, suspended, refreshed and deleted, but
/// the emulator serves REST calls for the emulated project only (every other area keeps one project's state).
/// Not used in application mode, where project management is refused.
/// </summary>
internal sealed class ProjectStore : IAreaStore<ProjectStore>
{
    /// <summary>The environment every emulated project runs in, as the service names its standard one.</summary>
    private const string Environment = "standard";

    private readonly EmulatorState _state;
    private readonly Dictionary<string, ProjectRecord> _projects = new(StringComparer.Ordinal);
    private string _emulatedProjectSecret;

    private ProjectStore(EmulatorState state)
    {
        _state = state;
        _emulatedProjectSecret = state.Options.ApiSecret;
        AddEmulatedProject();
    }

    public static ProjectStore Create(EmulatorState state) => new(state);

    /// <summary>
    /// The emulated project's secret now: the configured one, or the one its latest refresh made (kept after a
    /// delete, so that a client can still be made to see the refusal).
    /// </summary>
    public string EmulatedProjectSecret
    {
        get
        {
            lock (_state.Lock)
            {
                return _emulatedProjectSecret;
            }
        }
    }

    /// <summary>A project's secret and status as REST authentication needs them; <see langword="null"/> when the account has no such project (deleted).</summary>
    public (string Secret, ProjectStatus Status)? Credentials(string apiKey)
    {
        lock (_state.Lock)
        {
            return _projects.TryGetValue(apiKey, out var project) ? (project.Secret, project.Status) : null;
        }
    }

    public Project CreateProject(string? name)
    {
        lock (_state.Lock)
        {
            string id;
            do
            {
                id = RandomNumberGenerator.GetInt32(10_000_000, 100_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            while (_projects.ContainsKey(id) || id == _state.Options.AccountApiKey || id == _state.Options.ApiKey);

            var project = new ProjectRecord
            {
                Id = id,
                Sequence = _state.Ids.NextSequence(),
                Secret = NewSecret(),
                Status = ProjectStatus.Active,
                Name = name,
                CreatedAt = WireTime(_state.Now),
            };
            _projects.Add(id, project);
            return Project(project);
        }
    }

    /// <summary>Every project, oldest first.</summary>
    public Project[] ListProjects()
    {
        lock (_state.Lock)
        {
            return [.. _projects.Values.OrderBy(p => p.Sequence).Select(Project)];
        }
    }

    public Project GetProject(string id)
    {
        lock (_state.Lock)
        {
            return Project(Find(id));
        }
    }

    public Project ChangeStatus(string id, ProjectStatusChange change)
    {
        // The SDK's rule: a project is set active or suspended; VALID is only ever read.
        change.Validate();
        lock (_state.Lock)
        {
            var project = Find(id);
            project.Status = change.Status;
            return Project(project);
        }
    }

    public Project RefreshSecret(string id)
    {
        lock (_state.Lock)
        {
            var project = Find(id);
            project.Secret = NewSecret();
            if (id == _state.Options.ApiKey)
            {
                _emulatedProjectSecret = project.Secret;
            }

            return Project(project);
        }
    }

    public void DeleteProject(string id)
    {
        lock (_state.Lock)
        {
            if (!_projects.Remove(id))
            {
                throw NotFound(id);
            }
        }
    }

    /// <summary>Back to the start: the emulated project alone, active, with its configured secret.</summary>
    public void Clear()
    {
        _projects.Clear();
        _emulatedProjectSecret = _state.Options.ApiSecret;
        AddEmulatedProject();
    }

    private void AddEmulatedProject() => _projects.Add(_state.Options.ApiKey, new ProjectRecord
    {
        Id = _state.Options.ApiKey,
        Sequence = 0,
        Secret = _emulatedProjectSecret,
        Status = ProjectStatus.Active,
        Name = "Emulated project",
        CreatedAt = WireTime(_state.Now),
    });

    // OpenTok secrets are 40 lower-case hex characters.
    private static string NewSecret() => RandomNumberGenerator.GetHexString(40, lowercase: true);

    // The wire carries milliseconds: keep no finer time, so that what was sent is what is read back.
    private static DateTimeOffset WireTime(DateTimeOffset time) => DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());

    private static Project Project(ProjectRecord project) => new()
    {
        Id = project.Id,
        Secret = project.Secret,
        Status = project.Status,
        Name = project.Name,
        CreatedAt = project.CreatedAt,
        Environment = Environment,
        EnvironmentName = "default",
        EnvironmentDescription = "Standard Environment",
    };

    private ProjectRecord Find(string id) => _projects.TryGetValue(id, out var project) ? project : throw NotFound(id);

    private static ApiErrorException NotFound(string id) => ApiErrorException.NotFound($"Project not found: the account has no project {Arguments.Quote(id)}.");

    /// <summary>One project as the store keeps it.</summary>
    private sealed class ProjectRecord
    {
        public required string Id { get; init; }

        /// <summary>Orders the list oldest first.</summary>
        public required long Sequence { get; init; }

        public required string Secret { get; set; }

        public required ProjectStatus Status { get; set; }

        public string? Name { get; init; }

        public required DateTimeOffset CreatedAt { get; init; }
    }
}
