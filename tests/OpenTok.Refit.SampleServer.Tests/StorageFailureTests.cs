using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using OpenTok.Refit.Emulator;
using static OpenTok.Refit.SampleServer.Tests.SampleServerHost;

namespace OpenTok.Refit.SampleServer.Tests;

/// <summary>
/// The room database failing for real (a read-only file, a deleted file, a write SQLite refuses): a 503 problem saying
/// storage is unavailable, no OpenTok session left without a room, and recovery on the first request after the cause goes.
/// </summary>
public sealed class StorageFailureTests() : SampleServerTestBase(seed: 5)
{
    [Fact]
    public async Task A_read_only_database_is_a_503_and_the_first_request_after_it_is_writable_again_succeeds()
    {
        var before = await Server.RoomAsync("before");

        await using (await ReadOnlyFile.MakeAsync(Database.Path))
        {
            // A connection the pool opened earlier stays read-write; one opened now opens read-only and, pooled, stays so
            // after the file is writable again. The pool opens new ones once it retires its idle connections; empty it
            // here so the server's next connection is opened now, while the file is read-only.
            SqliteConnection.ClearAllPools();

            using var refused = await Server.Http.GetAsync("room/during", Ct);
            var problem = await ProblemAsync(refused, 503);
            Assert.Contains("storage is unavailable", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal(1, Emulator.Statistics.SessionsCreated); // no session was created for the room it could not store

            // Reading still works: people can still join the rooms that exist.
            Assert.Equal(before.SessionId, (await Server.RoomAsync("before")).SessionId);
        }

        var after = await Server.RoomAsync("during"); // the very next request, not minutes later

        Assert.NotEqual(before.SessionId, after.SessionId);
        Assert.Equal(2, Emulator.Statistics.SessionsCreated);
        Assert.Contains(Logs.Lines, l => l.Level == LogLevel.Error && l.Message.Contains("readonly", StringComparison.Ordinal));
        Assert.DoesNotContain(Logs.Lines, l => l.Message.Contains("   at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deleted_database_is_a_503_not_a_room_written_into_the_deleted_file_and_a_restored_file_is_used_at_once()
    {
        var kept = await Server.RoomAsync("kept");
        var backup = Database.Path + ".backup";
        await using (var source = new SqliteConnection($"Data Source={Database.Path};Pooling=False"))
        await using (var target = new SqliteConnection($"Data Source={backup};Pooling=False"))
        {
            await source.OpenAsync(Ct);
            await target.OpenAsync(Ct);
            source.BackupDatabase(target);
        }

        File.Delete(Database.Path); // the server's pooled connections still have it open

        using (var create = await Server.Http.GetAsync("room/after-delete", Ct))
        {
            var problem = await ProblemAsync(create, 503);
            Assert.Contains("storage is unavailable", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using (var join = await Server.Http.GetAsync("room/kept", Ct))
        {
            await ProblemAsync(join, 503);
        }

        Assert.False(File.Exists(Database.Path), "the server must not recreate the database behind the operator's back");
        Assert.Equal(1, Emulator.Statistics.SessionsCreated);
        Assert.Contains(Logs.Lines, l => l.Level == LogLevel.Error && l.Message.Contains(Database.Path, StringComparison.Ordinal) && l.Message.Contains("missing", StringComparison.Ordinal));

        File.Copy(backup, Database.Path); // the operator restores it

        Assert.Equal(kept.SessionId, (await Server.RoomAsync("kept")).SessionId);
        await Server.RoomAsync("after-restore");
        Assert.Equal(2, Emulator.Statistics.SessionsCreated);
    }

    [Fact]
    public async Task A_room_whose_row_cannot_be_written_creates_no_OpenTok_session()
    {
        // A real failing write: SQLite itself refuses every new row.
        await ExecuteSqlAsync(Database.Path, "CREATE TRIGGER refuse_rooms BEFORE INSERT ON rooms BEGIN SELECT RAISE(ABORT, 'new rooms are refused by this test'); END;");

        for (var i = 0; i < 3; i++)
        {
            using var response = await Server.Http.GetAsync($"room/orphan-{i}", Ct);
            var problem = await ProblemAsync(response, 503);
            Assert.Contains("storage is unavailable", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(0, Emulator.Statistics.SessionsCreated);
        Assert.Empty(Emulator.Sessions);

        await ExecuteSqlAsync(Database.Path, "DROP TRIGGER refuse_rooms;");
        var room = await Server.RoomAsync("orphan-0");
        Assert.Equal(room.SessionId, Assert.Single(Emulator.Sessions).SessionId);
    }

    [Fact]
    public async Task A_session_whose_room_could_not_be_stored_goes_to_the_next_new_room_instead_of_being_orphaned()
    {
        // The room is claimed, the session created, and then storing the session fails.
        await ExecuteSqlAsync(Database.Path, "CREATE TRIGGER refuse_sessions BEFORE UPDATE ON rooms BEGIN SELECT RAISE(ABORT, 'sessions are refused by this test'); END;");

        using (var response = await Server.Http.GetAsync("room/first", Ct))
        {
            await ProblemAsync(response, 503);
        }

        Assert.Equal(1, Emulator.Statistics.SessionsCreated);

        await ExecuteSqlAsync(Database.Path, "DROP TRIGGER refuse_sessions;");
        var second = await Server.RoomAsync("second");
        Assert.Equal(Assert.Single(Emulator.Sessions).SessionId, second.SessionId);

        var first = await Server.RoomAsync("first");
        Assert.NotEqual(second.SessionId, first.SessionId);
        Assert.Equal([first.SessionId, second.SessionId], Emulator.Sessions.Select(s => s.SessionId).Order());
    }

    /// <summary>
    /// Makes a file read-only in a way SQLite feels even as root. The tests run as root, and root writes through a
    /// <c>chmod a-w</c>; it does not write through the immutable attribute (<c>chattr +i</c>), which makes
    /// <c>open(O_RDWR)</c> fail with EPERM, so SQLite opens the file read-only and refuses writes with SQLITE_READONLY:
    /// exactly what a read-only file does to any other user. Not root: <c>chmod</c> does it.
    /// </summary>
    private sealed class ReadOnlyFile : IAsyncDisposable
    {
        private readonly string _path;
        private readonly UnixFileMode? _mode;

        private ReadOnlyFile(string path, UnixFileMode? mode)
        {
            _path = path;
            _mode = mode;
        }

        public static async Task<ReadOnlyFile> MakeAsync(string path)
        {
            if (!Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows())
            {
                var mode = File.GetUnixFileMode(path);
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
                return new ReadOnlyFile(path, mode);
            }

            var (exitCode, output) = await ChattrAsync("+i", path);
            if (exitCode != 0)
            {
                Assert.Skip($"chattr +i is not available here (exit {exitCode}: {output.Trim()}), and root writes through chmod.");
            }

            return new ReadOnlyFile(path, null);
        }

        public async ValueTask DisposeAsync()
        {
            if (_mode is { } mode && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(_path, mode);
                return;
            }

            var (exitCode, output) = await ChattrAsync("-i", _path);
            Assert.True(exitCode == 0, $"chattr -i failed: {output}");
        }

        private static async Task<(int ExitCode, string Output)> ChattrAsync(string flag, string path)
        {
            try
            {
                using var process = Process.Start(new ProcessStartInfo("chattr", [flag, path]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                var error = await process.StandardError.ReadToEndAsync(timeout.Token);
                await process.WaitForExitAsync(timeout.Token);
                return (process.ExitCode, error);
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                return (-1, e.Message); // no chattr on this machine
            }
        }
    }
}
