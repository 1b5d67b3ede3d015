using OpenTok.Refit.Api;

namespace OpenTok.Refit;

/// <summary>
/// The project-management area: refuses a Vonage application, validates, then calls the Refit-generated
/// <see cref="IProjectsApi"/>, whose calls the auth handler signs as the account (see <see cref="IAccountApi"/>).
/// </summary>
internal sealed class ProjectsClient(IProjectsApi api, bool isVonageApplication) : IProjectsClient
{
    private const string ApiName = "Project management";
    private const string Instead = "a Vonage application's projects are managed in the Vonage dashboard";

    /// <inheritdoc/>
    public Task<Project> CreateAsync(string? name = null, CancellationToken cancellationToken = default)
    {
        ApiKeyOnly.Ensure(isVonageApplication, ApiName, Instead);

        // Without a name no body is sent at all, as the only SDK with this API (Go) does.
        return name is null
            ? api.CreateAsync(cancellationToken)
            : api.CreateAsync(new CreateProjectRequest { Name = name }, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Project>> ListAsync(CancellationToken cancellationToken = default)
    {
        ApiKeyOnly.Ensure(isVonageApplication, ApiName, Instead);
        return await api.ListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task<Project> GetAsync(string projectApiKey, CancellationToken cancellationToken = default)
    {
        ApiKeyOnly.Ensure(isVonageApplication, ApiName, Instead);
        Arguments.EnsurePathSegment(projectApiKey, nameof(projectApiKey));
        return api.GetAsync(projectApiKey, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<Project> ChangeStatusAsync(string projectApiKey, ProjectStatus status, CancellationToken cancellationToken = default)
    {
        ApiKeyOnly.Ensure(isVonageApplication, ApiName, Instead);
        Arguments.EnsurePathSegment(projectApiKey, nameof(projectApiKey));
        var change = new ProjectStatusChange { Status = status };
        change.Validate();
        return api.ChangeStatusAsync(projectApiKey, change, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<Project> RefreshSecretAsync(string projectApiKey, CancellationToken cancellationToken = default)
    {
        ApiKeyOnly.Ensure(isVonageApplication, ApiName, Instead);
        Arguments.EnsurePathSegment(projectApiKey, nameof(projectApiKey));
        return api.RefreshSecretAsync(projectApiKey, cancellationToken);
    }

    /// <inheritdoc/>
    public Task DeleteAsync(string projectApiKey, CancellationToken cancellationToken = default)
    {
        ApiKeyOnly.Ensure(isVonageApplication, ApiName, Instead);
        Arguments.EnsurePathSegment(projectApiKey, nameof(projectApiKey));
        return api.DeleteAsync(projectApiKey, cancellationToken);
    }
}
