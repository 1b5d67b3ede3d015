using OpenTok.Refit.Http;

namespace OpenTok.Refit.Api;

/// <summary>Archives (reference §5), one method per endpoint. Implemented at compile time as <c>ArchivesApiClient</c>.</summary>
[GenerateRestClient]
public interface IArchivesApi
{
    /// <summary><c>POST /v2/project/{apiKey}/archive</c>: starts recording a session.</summary>
    /// <param name="apiKey">The project's API key.</param>
    /// <param name="body">The session and how to record it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The archive, normally <c>started</c>.</returns>
    [Post("/v2/project/{apiKey}/archive")]
    Task<Archive> StartArchiveAsync(string apiKey, [Body] StartArchiveRequest body, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v2/project/{apiKey}/archive/{archiveId}/stop</c>: stops recording.</summary>
    /// <param name="apiKey">The project's API key.</param>
    /// <param name="archiveId">The archive.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The archive, now <c>stopped</c>.</returns>
    [Post("/v2/project/{apiKey}/archive/{archiveId}/stop")]
    Task<Archive> StopArchiveAsync(string apiKey, string archiveId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v2/project/{apiKey}/archive/{archiveId}</c>: reads one archive.</summary>
    /// <param name="apiKey">The project's API key.</param>
    /// <param name="archiveId">The archive.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The archive.</returns>
    [Get("/v2/project/{apiKey}/archive/{archiveId}")]
    Task<Archive> GetArchiveAsync(string apiKey, string archiveId, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /v2/project/{apiKey}/archive/{archiveId}</c>: deletes an archive's file.</summary>
    /// <param name="apiKey">The project's API key.</param>
    /// <param name="archiveId">The archive.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when it is deleted.</returns>
    [Delete("/v2/project/{apiKey}/archive/{archiveId}")]
    Task DeleteArchiveAsync(string apiKey, string archiveId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v2/project/{apiKey}/archive</c>: one page of archives, newest first.</summary>
    /// <param name="apiKey">The project's API key.</param>
    /// <param name="offset">How many to skip; the server's default is 0.</param>
    /// <param name="count">How many to return, at most 1000; the server's default is 50.</param>
    /// <param name="sessionId">Only this session's archives.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and the total count.</returns>
    [Get("/v2/project/{apiKey}/archive")]
    Task<ArchiveList> ListArchivesAsync(string apiKey, [Query] int? offset = null, [Query] int? count = null, [Query] string? sessionId = null, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v2/project/{apiKey}/archive/{archiveId}/layout</c>: changes a composed archive's layout.</summary>
    /// <param name="apiKey">The project's API key.</param>
    /// <param name="archiveId">The archive.</param>
    /// <param name="layout">The new layout.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the layout is set.</returns>
    [Put("/v2/project/{apiKey}/archive/{archiveId}/layout")]
    Task SetArchiveLayoutAsync(string apiKey, string archiveId, [Body] Layout layout, CancellationToken cancellationToken = default);

    /// <summary><c>PATCH /v2/project/{apiKey}/archive/{archiveId}/streams</c>: adds a stream to, or removes one from, a manual-mode archive.</summary>
    /// <param name="apiKey">The project's API key.</param>
    /// <param name="archiveId">The archive.</param>
    /// <param name="change">The stream to add or remove.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the change is made.</returns>
    [Patch("/v2/project/{apiKey}/archive/{archiveId}/streams")]
    Task ChangeArchiveStreamsAsync(string apiKey, string archiveId, [Body] StreamsChange change, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v2/project/{apiKey}/archive/storage</c>: sets where finished archives are uploaded.</summary>
    /// <param name="apiKey">The project's API key.</param>
    /// <param name="storage">The upload target.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored settings, as the server echoes them.</returns>
    [Put("/v2/project/{apiKey}/archive/storage")]
    Task<ArchiveStorage> SetArchiveStorageAsync(string apiKey, [Body] ArchiveStorage storage, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /v2/project/{apiKey}/archive/storage</c>: stops uploading archives to your storage.</summary>
    /// <param name="apiKey">The project's API key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the setting is removed.</returns>
    [Delete("/v2/project/{apiKey}/archive/storage")]
    Task DeleteArchiveStorageAsync(string apiKey, CancellationToken cancellationToken = default);
}
