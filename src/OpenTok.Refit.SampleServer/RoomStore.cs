using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace OpenTok.Refit.SampleServer;

/// <summary>
/// Room name → session id, in a SQLite file so rooms survive restarts (and, in <c>RoomStore.ArchiveStatuses.cs</c>,
/// each archive's latest status as callback events report it). Rooms are kept per API key: a database
/// reused with other credentials (or with the embedded emulator) never hands out another project's session.
/// </summary>
/// <remarks>
/// <para>Writes take one lock of this process before SQLite's (<c>BEGIN IMMEDIATE</c>): simultaneous writers queue here
/// and never meet on SQLite's lock, where Microsoft.Data.Sqlite retries in 150 ms sleeps up to the busy timeout.
/// The busy timeout is left for other processes sharing the file.</para>
/// <para>Every failure is a <see cref="RoomStorageException"/>, and empties the connection pool first: a connection
/// opened while the file was read-only stays read-only for as long as the pool keeps it (minutes), so without that the
/// store would go on failing after the file is writable again.</para>
/// <para>A write never runs on a pooled connection that was opened read-only (by a read, while the file was read-only):
/// such a connection is dropped and a fresh one opened, so the first write after the file is writable again succeeds.</para>
/// <para>A database file deleted while the server runs is not recreated: the pool's open connections would go on
/// writing into the deleted file, and a fresh file would give existing rooms new sessions, splitting the people already
/// in them. Every call fails instead until the file is back (restored, or recreated empty by a restart).</para>
/// <para>Microsoft.Data.Sqlite runs every statement synchronously (its async methods complete before they return), so
/// statements here are synchronous; only waiting for the write lock is asynchronous.</para>
/// </remarks>
internal sealed partial class RoomStore : IDisposable
{
    /// <summary>How long a write waits for another process that holds the file's write lock, unless configured.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(5);

    // A room claimed by a request that is creating its session has this instead of a session id.
    private const string Pending = "";

    private readonly string _connectionString;
    private readonly string _createConnectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    /// <summary>A store over the file at <paramref name="databasePath"/> (see <see cref="Initialize"/>).</summary>
    /// <param name="databasePath">The SQLite file.</param>
    /// <param name="busyTimeout">How long to wait for another process's write lock (whole seconds, at least one).</param>
    public RoomStore(string databasePath, TimeSpan busyTimeout)
    {
        DatabasePath = Path.GetFullPath(databasePath);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWrite, // never create: a missing file is a failure, not a new empty database
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
        };
        _connectionString = builder.ToString();
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        builder.Pooling = false;
        _createConnectionString = builder.ToString();
    }

    /// <summary>The SQLite file's full path.</summary>
    public string DatabasePath { get; }

    /// <summary>Creates the folder, the file and the table if they are not there yet.</summary>
    /// <exception cref="RoomStorageException">The file cannot be opened or is not a SQLite database.</exception>
    public void Initialize()
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
            using var connection = new SqliteConnection(_createConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS rooms (
                    api_key    TEXT NOT NULL,
                    name       TEXT NOT NULL,
                    session_id TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    PRIMARY KEY (api_key, name)
                );
                CREATE INDEX IF NOT EXISTS rooms_by_session ON rooms (api_key, session_id);
                """ + ArchiveStatusesSchema;
            command.ExecuteNonQuery();
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 26) // SQLITE_NOTADB
        {
            throw new RoomStorageException(
                $"The room database {DatabasePath} is not a SQLite database ({e.Message.TrimEnd('.')}). Move it away or point SampleServer:DatabasePath at another file.", e);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new RoomStorageException($"The room database {DatabasePath} cannot be opened: {e.Message}", e);
        }
    }

    /// <summary>The room's session, or null if the room does not exist (or its session is still being created).</summary>
    public string? FindSession(string apiKey, string room) => Read("Finding a room", connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT session_id FROM rooms WHERE api_key = $apiKey AND name = $name AND session_id <> ''";
        command.Parameters.AddWithValue("$apiKey", apiKey);
        command.Parameters.AddWithValue("$name", room);
        return command.ExecuteScalar() as string;
    });

    /// <summary>The name of the room that uses the session, or null.</summary>
    public string? FindRoom(string apiKey, string sessionId) => Read("Finding a session's room", connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM rooms WHERE api_key = $apiKey AND session_id = $sessionId";
        command.Parameters.AddWithValue("$apiKey", apiKey);
        command.Parameters.AddWithValue("$sessionId", sessionId);
        return command.ExecuteScalar() as string;
    });

    /// <summary>
    /// Claims a new room before its session is created: writes the room's row without a session, unless it has one.
    /// The row is written first so that a store that cannot write fails here, before an OpenTok session exists that no
    /// room would remember.
    /// </summary>
    /// <returns>The room's session if it already has one (another process sharing the file made it), else null: create it, then <see cref="CompleteAsync"/>.</returns>
    public Task<string?> ClaimAsync(string apiKey, string room, CancellationToken cancellationToken) => WriteAsync("Claiming a new room", (connection, transaction) =>
    {
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT OR IGNORE INTO rooms (api_key, name, session_id, created_at) VALUES ($apiKey, $name, $pending, $createdAt)";
            insert.Parameters.AddWithValue("$apiKey", apiKey);
            insert.Parameters.AddWithValue("$name", room);
            insert.Parameters.AddWithValue("$pending", Pending);
            insert.Parameters.AddWithValue("$createdAt", Now());
            insert.ExecuteNonQuery();
        }

        var stored = SelectSession(connection, transaction, apiKey, room);
        return stored is Pending ? null : stored;
    }, cancellationToken);

    /// <summary>
    /// Stores the session of a room claimed with <see cref="ClaimAsync"/>, unless the room got one meanwhile, and
    /// returns the session the room has now. When another process sharing the file won the race, its session is the
    /// room's, and <paramref name="sessionId"/> is unused.
    /// </summary>
    public Task<string> CompleteAsync(string apiKey, string room, string sessionId, CancellationToken cancellationToken) => WriteAsync("Storing a new room's session", (connection, transaction) =>
    {
        using (var upsert = connection.CreateCommand())
        {
            // An upsert, not an update: the claimed row may have been deleted by hand in the meantime.
            upsert.Transaction = transaction;
            upsert.CommandText = """
                INSERT INTO rooms (api_key, name, session_id, created_at) VALUES ($apiKey, $name, $sessionId, $createdAt)
                ON CONFLICT (api_key, name) DO UPDATE SET session_id = excluded.session_id, created_at = excluded.created_at
                WHERE rooms.session_id = ''
                """;
            upsert.Parameters.AddWithValue("$apiKey", apiKey);
            upsert.Parameters.AddWithValue("$name", room);
            upsert.Parameters.AddWithValue("$sessionId", sessionId);
            upsert.Parameters.AddWithValue("$createdAt", Now());
            upsert.ExecuteNonQuery();
        }

        return SelectSession(connection, transaction, apiKey, room)!;
    }, cancellationToken);

    /// <summary>Releases the write lock's resources.</summary>
    public void Dispose() => _writeLock.Dispose();

    private static string? SelectSession(SqliteConnection connection, SqliteTransaction transaction, string apiKey, string room)
    {
        using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = "SELECT session_id FROM rooms WHERE api_key = $apiKey AND name = $name";
        select.Parameters.AddWithValue("$apiKey", apiKey);
        select.Parameters.AddWithValue("$name", room);
        return select.ExecuteScalar() as string;
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);

    private T Read<T>(string operation, Func<SqliteConnection, T> read)
    {
        using var connection = Open(operation);
        try
        {
            return read(connection);
        }
        catch (SqliteException e)
        {
            throw Failed(operation, connection, e);
        }
    }

    private async Task<T> WriteAsync<T>(string operation, Func<SqliteConnection, SqliteTransaction, T> write, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var connection = OpenForWriting(operation);
            try
            {
                // BEGIN IMMEDIATE: take SQLite's write lock at once, rather than upgrading a read lock mid-transaction,
                // which can fail with SQLITE_BUSY whatever the busy timeout when another process writes.
                using var transaction = connection.BeginTransaction(deferred: false);
                var result = write(connection, transaction);
                transaction.Commit();
                return result;
            }
            catch (SqliteException e)
            {
                throw Failed(operation, connection, e);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private SqliteConnection OpenForWriting(string operation)
    {
        var connection = Open(operation);
        if (raw.sqlite3_db_readonly(connection.Handle, "main") != 1)
        {
            return connection;
        }

        // Opened while the file was read-only, by a read that did not mind. The file may be writable again: start afresh.
        // If it is still read-only, the write fails on the new connection and is answered 503.
        SqliteConnection.ClearPool(connection);
        connection.Dispose();
        return Open(operation);
    }

    private SqliteConnection Open(string operation)
    {
        // A pooled connection keeps a deleted file open and would go on reading and writing it unseen.
        if (!File.Exists(DatabasePath))
        {
            using var unopened = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(unopened);
            throw new RoomStorageException(
                $"{operation} failed: the room database {DatabasePath} is missing (deleted or moved while the server ran). "
                + "Rooms are refused until it is restored, or the server restarts with a new, empty database.");
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch (SqliteException e)
        {
            var failure = Failed(operation, connection, e);
            connection.Dispose();
            throw failure;
        }
    }

    private RoomStorageException Failed(string operation, SqliteConnection connection, SqliteException e)
    {
        // Let no connection opened before the failure serve another request: it may be read-only, or on a file since replaced.
        SqliteConnection.ClearPool(connection);
        return new RoomStorageException($"{operation} failed on the room database {DatabasePath}: {e.Message}", e);
    }
}

/// <summary>The room database failed: the server answers 503, and the message (for the log, not the client) says why.</summary>
/// <param name="message">What failed, on which file, and SQLite's own words.</param>
/// <param name="innerException">SQLite's exception, if any.</param>
internal sealed class RoomStorageException(string message, Exception? innerException = null) : Exception(message, innerException);
