namespace OpenTok.Refit;

/// <summary>
/// Project management: create the projects of an OpenTok account, list and read them, suspend and reactivate them,
/// refresh their secrets and delete them. Reach it as <c>opentok.Projects</c> on a client made with the
/// <b>account's</b> API key and secret (from the account settings page), not a project's:
/// <c>using var account = new OpenTokClient(accountApiKey, accountApiSecret);</c>. Its calls are signed as the
/// account (a REST JWT with <c>ist</c> = <c>account</c>); a client made with a project's key gets 403 from them, and the
/// other areas of an account client get 403 too. It exists only for OpenTok API-key credentials: on a Vonage application
/// every call throws <see cref="NotSupportedException"/> before sending anything.
/// </summary>
public interface IProjectsClient
{
    /// <summary>Creates a project (<c>POST /v2/project</c>).</summary>
    /// <param name="name">A name for it; <see langword="null"/> for none (then no body is sent).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new project, with its API key (<see cref="Project.Id"/>) and secret.</returns>
    /// <exception cref="NotSupportedException">This client is a Vonage application; nothing was sent.</exception>
    /// <exception cref="OpenTokAuthenticationException">The client's key and secret are not an account's.</exception>
    Task<Project> CreateAsync(string? name = null, CancellationToken cancellationToken = default);

    /// <summary>Every project of the account (<c>GET /v2/project</c>, answered with a bare JSON array).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The projects.</returns>
    /// <exception cref="NotSupportedException">This client is a Vonage application; nothing was sent.</exception>
    Task<IReadOnlyList<Project>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads one project (<c>GET /v2/project/{projectApiKey}</c>).</summary>
    /// <param name="projectApiKey">The project's API key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The project.</returns>
    /// <exception cref="NotSupportedException">This client is a Vonage application; nothing was sent.</exception>
    /// <exception cref="OpenTokArgumentException">The key is empty or cannot be a path segment; nothing was sent.</exception>
    /// <exception cref="OpenTokNotFoundException">The account has no such project.</exception>
    Task<Project> GetAsync(string projectApiKey, CancellationToken cancellationToken = default);

    /// <summary>Suspends a project or makes it active again (<c>PUT /v2/project/{projectApiKey}</c>).</summary>
    /// <param name="projectApiKey">The project's API key.</param>
    /// <param name="status"><see cref="ProjectStatus.Active"/> or <see cref="ProjectStatus.Suspended"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The project with its new status.</returns>
    /// <exception cref="NotSupportedException">This client is a Vonage application; nothing was sent.</exception>
    /// <exception cref="OpenTokArgumentException">The key cannot be a path segment, or the status is neither active nor suspended; nothing was sent.</exception>
    /// <exception cref="OpenTokNotFoundException">The account has no such project.</exception>
    Task<Project> ChangeStatusAsync(string projectApiKey, ProjectStatus status, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives a project a new API secret (<c>POST /v2/project/{projectApiKey}/refreshSecret</c>); the old one stops
    /// working at once, so clients signing with it must be given the new one.
    /// </summary>
    /// <param name="projectApiKey">The project's API key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The project with its new <see cref="Project.Secret"/>.</returns>
    /// <exception cref="NotSupportedException">This client is a Vonage application; nothing was sent.</exception>
    /// <exception cref="OpenTokArgumentException">The key is empty or cannot be a path segment; nothing was sent.</exception>
    /// <exception cref="OpenTokNotFoundException">The account has no such project.</exception>
    Task<Project> RefreshSecretAsync(string projectApiKey, CancellationToken cancellationToken = default);

    /// <summary>Deletes a project (<c>DELETE /v2/project/{projectApiKey}</c>, answered 204); its key and secret stop working.</summary>
    /// <param name="projectApiKey">The project's API key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when it is deleted.</returns>
    /// <exception cref="NotSupportedException">This client is a Vonage application; nothing was sent.</exception>
    /// <exception cref="OpenTokArgumentException">The key is empty or cannot be a path segment; nothing was sent.</exception>
    /// <exception cref="OpenTokNotFoundException">The account has no such project.</exception>
    Task DeleteAsync(string projectApiKey, CancellationToken cancellationToken = default);
}
