using System.Net;
using OpenTok.Refit.Emulator;
using static OpenTok.Refit.SampleServer.Tests.SampleServerHost;

namespace OpenTok.Refit.SampleServer.Tests;

/// <summary>
/// Simultaneous new rooms wait for the database in a queue of this process, not in SQLite's busy retries (which sleep in
/// steps and give up at the busy timeout). No timing is asserted: the test makes each write slow and the busy timeout
/// short, so writers that met on SQLite's lock would fail, and checks that none does.
/// </summary>
public sealed class RoomCreationConcurrencyTests() : SampleServerTestBase(seed: 11, "--SampleServer:DatabaseBusyTimeout=00:00:01")
{
    private const int Rooms = 16;

    [Fact]
    public async Task Simultaneous_new_rooms_queue_for_the_database_instead_of_failing_on_its_lock()
    {
        // Every new row makes SQLite count a 2000 x 2000 cross join (a tenth of a second or more) while it holds the
        // write lock: sixteen such writes take longer than the one-second busy timeout, so any that waited on
        // SQLite's lock instead of in the server's queue would time out.
        await ExecuteSqlAsync(Database.Path, """
            CREATE TABLE slow (x INTEGER);
            WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 2000) INSERT INTO slow (x) SELECT x FROM n;
            CREATE TRIGGER slow_rooms AFTER INSERT ON rooms BEGIN SELECT count(*) FROM slow a, slow b WHERE a.x + b.x > 0; END;
            """);

        var responses = await Task.WhenAll(Enumerable.Range(0, Rooms).Select(i => Server.Http.GetAsync($"room/busy-{i}", Ct)));

        foreach (var response in responses)
        {
            using (response)
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
            }
        }

        Assert.Equal(Rooms, Emulator.Statistics.SessionsCreated);
    }
}
