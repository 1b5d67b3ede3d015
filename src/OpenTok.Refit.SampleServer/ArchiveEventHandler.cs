namespace OpenTok.Refit.SampleServer;

/// <summary>
/// Receives OpenTok's callback events at <see cref="Route"/> and keeps each archive's latest status
/// (<see cref="RoomStore.RecordArchiveStatusAsync"/>). Configure the project's archive callback URL as
/// <c>https://your-server/opentok/events</c>; with the embedded emulator this server points it there itself.
/// </summary>
/// <remarks>
/// Events of another project are ignored (answered 200, so the service does not retry them forever). A storage failure
/// throws, which answers 500: the service retries, and the status is not lost.
/// </remarks>
internal sealed class ArchiveEventHandler(RoomStore store, OpenTokClient opentok, TimeProvider time) : IOpenTokEventHandler
{
    /// <summary>Where the events arrive.</summary>
    public const string Route = "/opentok/events";

    /// <inheritdoc/>
    public Task HandleAsync(OpenTokEvent callbackEvent, CancellationToken cancellationToken) =>
        callbackEvent is ArchiveStatusEvent archive && IsOurs(archive)
            ? store.RecordArchiveStatusAsync(opentok.ApiKey, archive, time.GetUtcNow(), cancellationToken)
            : Task.CompletedTask;

    // An OpenTok project names itself in projectId or partnerId, a Vonage application in applicationId.
    private bool IsOurs(ArchiveStatusEvent archive) =>
        string.Equals(archive.ProjectId ?? archive.ApplicationId, opentok.ApiKey, StringComparison.Ordinal);
}
