using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace OpenTok.Refit.SampleServer;

/// <summary>
/// Room name → session id, in a SQLite file so rooms survive restarts. Rooms are kept per API key: a database
/// reused with other credentials (or with the embedded emulator) never hands out another project's session.
/// </summary>
internal sealed class RoomStore
{
    private readonly string _connectionString;

    public RoomStore(string databasePath)
    {
        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string DatabasePath { get; }

    /// <summary>Creates the folder, the file and the table if they are not there yet.</summary>
    public void Initialize()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        using var connection = Open();
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
            """;
        command.ExecuteNonQuery();
    }

    public async Task<string?> FindSessionAsync(string apiKey, string room, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT session_id FROM rooms WHERE api_key = $apiKey AND name = $name";
        command.Parameters.AddWithValue("$apiKey", apiKey);
        command.Parameters.AddWithValue("$name", room);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<string?> FindRoomAsync(string apiKey, string sessionId, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM rooms WHERE api_key = $apiKey AND session_id = $sessionId";
        command.Parameters.AddWithValue("$apiKey", apiKey);
        command.Parameters.AddWithValue("$sessionId", sessionId);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>
    /// Stores the room's session unless the room already has one, and returns the session the room has now. Another
    /// process sharing the file may have won the race: then its session is the room's, and <paramref name="sessionId"/> is unused.
    /// </summary>
    public async Task<string> AddOrGetAsync(string apiKey, string room, string sessionId, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT OR IGNORE INTO rooms (api_key, name, session_id, created_at) VALUES ($apiKey, $name, $sessionId, $createdAt)";
            insert.Parameters.AddWithValue("$apiKey", apiKey);
            insert.Parameters.AddWithValue("$name", room);
            insert.Parameters.AddWithValue("$sessionId", sessionId);
            insert.Parameters.AddWithValue("$createdAt", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = "SELECT session_id FROM rooms WHERE api_key = $apiKey AND name = $name";
        select.Parameters.AddWithValue("$apiKey", apiKey);
        select.Parameters.AddWithValue("$name", room);
        var stored = (string)(await select.ExecuteScalarAsync(cancellationToken))!;
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}

/// <summary>
/// Gives each room exactly one session: the first request for a room creates it, later ones reuse it. Requests
/// for one room in this process queue behind a per-room lock, so simultaneous first requests make one
/// <c>CreateSessionAsync</c> call, not one each.
/// </summary>
internal sealed class RoomService(RoomStore store)
{
    // One gate per room ever asked for: a few dozen bytes each, fine for a sample's number of rooms.
    private readonly ConcurrentDictionary<(string ApiKey, string Room), SemaphoreSlim> _gates = new();

    public async Task<(string SessionId, bool Created)> GetOrCreateSessionAsync(OpenTokClient opentok, string room, CancellationToken cancellationToken)
    {
        if (await store.FindSessionAsync(opentok.ApiKey, room, cancellationToken) is { } existing)
        {
            return (existing, false);
        }

        var gate = _gates.GetOrAdd((opentok.ApiKey, room), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (await store.FindSessionAsync(opentok.ApiKey, room, cancellationToken) is { } created)
            {
                return (created, false);
            }

            var session = await opentok.CreateSessionAsync(new SessionOptions { MediaMode = MediaMode.Routed }, cancellationToken);
            var stored = await store.AddOrGetAsync(opentok.ApiKey, room, session.SessionId, cancellationToken);
            return (stored, stored == session.SessionId);
        }
        finally
        {
            gate.Release();
        }
    }
}
