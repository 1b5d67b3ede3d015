namespace OpenTok.Refit.Tests.Areas;

/// <summary>
/// Area clients are interfaces so that an app's own code can be tested without OpenTok: here a small service of
/// the kind an app writes, tested with a hand-written fake of <see cref="IArchivesClient"/>.
/// </summary>
public class FakeAreaClientTests
{
    [Fact]
    public async Task An_apps_service_is_tested_with_a_fake_archives_client()
    {
        var fake = new FakeArchivesClient();
        var recorder = new MeetingRecorder(fake);

        var id = await recorder.RecordAsync("session-1", "Weekly");
        var names = await recorder.FinishedNamesAsync();

        Assert.Equal(("session-1", "Weekly"), (fake.Started[0].SessionId, fake.Started[0].Options?.Name));
        Assert.Equal(fake.Archives[0].Id, id);
        Assert.Equal(["Weekly"], names);
    }

    /// <summary>What an app might write: start a composed HD recording, list the finished ones.</summary>
    private sealed class MeetingRecorder(IArchivesClient archives)
    {
        public async Task<string> RecordAsync(string sessionId, string name) =>
            (await archives.StartAsync(sessionId, new ArchiveOptions.Builder().Name(name).Resolution(Resolution.Hd).Build())).Id;

        public async Task<IReadOnlyList<string?>> FinishedNamesAsync() =>
            [.. (await archives.ListAsync().ToListAsync()).Where(a => a.Status == ArchiveStatus.Available).Select(a => a.Name)];
    }

    /// <summary>A fake that keeps archives in memory: every member of the interface can be written in a line or two.</summary>
    private sealed class FakeArchivesClient : IArchivesClient
    {
        public List<(string SessionId, ArchiveOptions? Options)> Started { get; } = [];

        public List<Archive> Archives { get; } = [];

        public Task<Archive> StartAsync(string sessionId, ArchiveOptions? options = null, CancellationToken cancellationToken = default)
        {
            Started.Add((sessionId, options));
            var archive = new Archive { Id = Guid.NewGuid().ToString(), SessionId = sessionId, Name = options?.Name, Status = ArchiveStatus.Available };
            Archives.Add(archive);
            return Task.FromResult(archive);
        }

        public Pageable<Archive> ListAsync(string? sessionId = null, CancellationToken cancellationToken = default) =>
            Pageable.FromItems(Archives.Where(a => sessionId is null || a.SessionId == sessionId));

        public Task<Archive> StopAsync(string archiveId, CancellationToken cancellationToken = default) => GetAsync(archiveId, cancellationToken);

        public Task<Archive> GetAsync(string archiveId, CancellationToken cancellationToken = default) => Task.FromResult(Archives.Single(a => a.Id == archiveId));

        public Task DeleteAsync(string archiveId, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task SetLayoutAsync(string archiveId, Layout layout, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task AddStreamAsync(string archiveId, string streamId, bool hasAudio = true, bool hasVideo = true, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task RemoveStreamAsync(string archiveId, string streamId, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<ArchiveStorage> SetStorageAsync(ArchiveStorage storage, CancellationToken cancellationToken = default) => Task.FromResult(storage);

        public Task DeleteStorageAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
