using System.Globalization;
using Microsoft.Data.Sqlite;

namespace OpenTok.Refit.SampleServer;

/// <summary>
/// The latest status of each archive, as OpenTok's archive callback events report it, so <c>GET /archive/{id}/view</c>
/// can answer without calling OpenTok. Kept in the rooms' database, per API key like the rooms.
/// </summary>
/// <remarks>
/// Events can come twice (the service retries until it gets a 2xx) and out of order (for a short archive,
/// <c>uploaded</c> can overtake <c>stopped</c>). So an event replaces the stored status only if it is further along in an
/// archive's life (<see cref="Stage"/>), or at the same stage and newer; the comparison is in the one SQL upsert, so two
/// deliveries racing each other cannot both win.
/// </remarks>
internal sealed partial class RoomStore
{
    private const string ArchiveStatusesSchema = """

        CREATE TABLE IF NOT EXISTS archive_statuses (
            api_key       TEXT    NOT NULL,
            archive_id    TEXT    NOT NULL,
            session_id    TEXT    NOT NULL,
            name          TEXT,
            status        TEXT    NOT NULL,
            stage         INTEGER NOT NULL,
            changed_at_ms INTEGER NOT NULL,
            url           TEXT,
            received_at   TEXT    NOT NULL,
            PRIMARY KEY (api_key, archive_id)
        );
        """;

    /// <summary>
    /// How far along an archive's life a status is: recording (started, paused — they alternate), stopped, a file
    /// (uploaded, available) or failed, gone (expired, deleted). Zero for a status this server does not know, which is
    /// never stored: it could not be ordered against the others.
    /// </summary>
    public static int Stage(ArchiveStatus status) =>
        status == ArchiveStatus.Started || status == ArchiveStatus.Paused ? 1
        : status == ArchiveStatus.Stopped ? 2
        : status == ArchiveStatus.Uploaded || status == ArchiveStatus.Available || status == ArchiveStatus.Failed ? 3
        : status == ArchiveStatus.Expired || status == ArchiveStatus.Deleted ? 4
        : 0;

    /// <summary>Stores an archive event's status unless the stored one is further along or newer.</summary>
    /// <param name="apiKey">The project the event is for.</param>
    /// <param name="archive">The event.</param>
    /// <param name="receivedAt">When it arrived.</param>
    /// <param name="cancellationToken">Cancels waiting for the write lock.</param>
    /// <returns>Whether the stored status changed.</returns>
    /// <exception cref="RoomStorageException">The database failed.</exception>
    public Task<bool> RecordArchiveStatusAsync(string apiKey, ArchiveStatusEvent archive, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var stage = Stage(archive.Status);
        if (stage == 0)
        {
            return Task.FromResult(false);
        }

        // The moment the status changed: the event's own time if it says, else when the archive was created, else arrival.
        var changedAt = archive.UpdatedAt ?? archive.Timestamp ?? archive.CreatedAt ?? receivedAt;
        return WriteAsync("Storing an archive's status", (connection, transaction) =>
        {
            using var upsert = connection.CreateCommand();
            upsert.Transaction = transaction;
            upsert.CommandText = """
                INSERT INTO archive_statuses (api_key, archive_id, session_id, name, status, stage, changed_at_ms, url, received_at)
                VALUES ($apiKey, $archiveId, $sessionId, $name, $status, $stage, $changedAt, $url, $receivedAt)
                ON CONFLICT (api_key, archive_id) DO UPDATE SET
                    session_id = excluded.session_id, name = excluded.name, status = excluded.status, stage = excluded.stage,
                    changed_at_ms = excluded.changed_at_ms, url = excluded.url, received_at = excluded.received_at
                WHERE excluded.stage > archive_statuses.stage
                   OR (excluded.stage = archive_statuses.stage AND excluded.changed_at_ms > archive_statuses.changed_at_ms)
                """;
            upsert.Parameters.AddWithValue("$apiKey", apiKey);
            upsert.Parameters.AddWithValue("$archiveId", archive.Id);
            upsert.Parameters.AddWithValue("$sessionId", archive.SessionId);
            upsert.Parameters.AddWithValue("$name", (object?)archive.Name ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$status", archive.Status.ToString());
            upsert.Parameters.AddWithValue("$stage", stage);
            upsert.Parameters.AddWithValue("$changedAt", changedAt.ToUnixTimeMilliseconds());
            upsert.Parameters.AddWithValue("$url", (object?)archive.Url ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$receivedAt", receivedAt.ToString("O", CultureInfo.InvariantCulture));
            return upsert.ExecuteNonQuery() == 1;
        }, cancellationToken);
    }

    /// <summary>The archive's latest status from events, or null if no event about it has arrived.</summary>
    /// <exception cref="RoomStorageException">The database failed.</exception>
    public StoredArchiveStatus? FindArchiveStatus(string apiKey, string archiveId) => Read("Finding an archive's status", connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT session_id, name, status, changed_at_ms, url, received_at FROM archive_statuses WHERE api_key = $apiKey AND archive_id = $archiveId";
        command.Parameters.AddWithValue("$apiKey", apiKey);
        command.Parameters.AddWithValue("$archiveId", archiveId);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new StoredArchiveStatus(
                archiveId,
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                new ArchiveStatus(reader.GetString(2)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind))
            : null;
    });
}

/// <summary>An archive's latest status as stored from its events.</summary>
/// <param name="ArchiveId">The archive.</param>
/// <param name="SessionId">Its session.</param>
/// <param name="Name">Its name, if it has one.</param>
/// <param name="Status">The latest status.</param>
/// <param name="ChangedAt">When the status changed, by the event.</param>
/// <param name="Url">The download URL the <c>available</c> event carried; it stays valid for 10 minutes after the event.</param>
/// <param name="ReceivedAt">When the event arrived here.</param>
internal sealed record StoredArchiveStatus(string ArchiveId, string SessionId, string? Name, ArchiveStatus Status, DateTimeOffset ChangedAt, string? Url, DateTimeOffset ReceivedAt);
