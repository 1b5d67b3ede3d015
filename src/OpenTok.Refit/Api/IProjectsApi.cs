using Refit;

namespace OpenTok.Refit.Api;

/// <summary>
/// The project-management endpoints of an OpenTok account, 1:1 with the wire; implemented by Refit's source generator.
/// An <see cref="IAccountApi"/>: the auth handler signs its calls as the account. Callers use <see cref="IProjectsClient"/>.
/// </summary>
internal interface IProjectsApi : IAccountApi
{
    [Post(ApiRoutes.Projects)]
    Task<Project> CreateAsync(CancellationToken cancellationToken);

    [Post(ApiRoutes.Projects)]
    Task<Project> CreateAsync([Body] CreateProjectRequest body, CancellationToken cancellationToken);

    // The service answers with a bare JSON array.
    [Get(ApiRoutes.Projects)]
    Task<Project[]> ListAsync(CancellationToken cancellationToken);

    [Get(ApiRoutes.Project)]
    Task<Project> GetAsync(string projectApiKey, CancellationToken cancellationToken);

    [Put(ApiRoutes.Project)]
    Task<Project> ChangeStatusAsync(string projectApiKey, [Body] ProjectStatusChange body, CancellationToken cancellationToken);

    [Post(ApiRoutes.ProjectRefreshSecret)]
    Task<Project> RefreshSecretAsync(string projectApiKey, CancellationToken cancellationToken);

    [Delete(ApiRoutes.Project)]
    Task DeleteAsync(string projectApiKey, CancellationToken cancellationToken);
}

/// <summary>
/// Marks an endpoint interface whose calls speak for the whole account rather than one project: the auth handler
/// signs them with a REST JWT whose <c>ist</c> is <c>account</c> (and whose <c>iss</c> and key are the client's
/// credentials, which for these calls are the account's). It tells them apart by the interface Refit records on each
/// request.
/// </summary>
internal interface IAccountApi;
