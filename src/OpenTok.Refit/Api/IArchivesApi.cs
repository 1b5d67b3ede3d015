using Refit;

namespace OpenTok.Refit.Api;

/// <summary>The archive endpoints, 1:1 with the wire; implemented by Refit's source generator. Callers use <see cref="IArchivesClient"/>.</summary>
internal interface IArchivesApi
{
    [Post(ApiRoutes.Archives)]
    Task<Archive> StartAsync(string apiKey, [Body] StartArchiveRequest body, CancellationToken cancellationToken);

    [Post(ApiRoutes.ArchiveStop)]
    Task<Archive> StopAsync(string apiKey, string archiveId, CancellationToken cancellationToken);

    [Get(ApiRoutes.Archive)]
    Task<Archive> GetAsync(string apiKey, string archiveId, CancellationToken cancellationToken);

    [Delete(ApiRoutes.Archive)]
    Task DeleteAsync(string apiKey, string archiveId, CancellationToken cancellationToken);

    [Get(ApiRoutes.Archives)]
    Task<ArchiveList> ListAsync(string apiKey, [Query] int offset, [Query] int count, [Query] string? sessionId, CancellationToken cancellationToken);

    [Put(ApiRoutes.ArchiveLayout)]
    Task SetLayoutAsync(string apiKey, string archiveId, [Body] Layout layout, CancellationToken cancellationToken);

    [Patch(ApiRoutes.ArchiveStreams)]
    Task ChangeStreamsAsync(string apiKey, string archiveId, [Body] StreamsChange change, CancellationToken cancellationToken);

    [Put(ApiRoutes.ArchiveStorage)]
    Task<ArchiveStorage> SetStorageAsync(string apiKey, [Body] ArchiveStorage storage, CancellationToken cancellationToken);

    [Delete(ApiRoutes.ArchiveStorage)]
    Task DeleteStorageAsync(string apiKey, CancellationToken cancellationToken);
}
