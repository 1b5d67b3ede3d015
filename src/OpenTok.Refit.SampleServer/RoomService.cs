using System.Collections.Concurrent;

namespace OpenTok.Refit.SampleServer;

/// <summary>
/// Gives each room exactly one session: the first request for a room creates it, later ones reuse it. Requests
/// for one room in this process queue behind a per-room lock, so simultaneous first requests make one
/// <c>CreateSessionAsync</c> call, not one each.
/// </summary>
/// <remarks>
/// A new room is claimed in the database before its session is created, so a database that cannot be written creates no
/// session. If storing the session fails after all (or another process sharing the file stored one first), the session
/// was never handed to anyone: it is kept and given to the next new room instead of being left behind unused.
/// OpenTok has no call to delete a session, and any routed session serves any room.
/// </remarks>
internal sealed class RoomService(RoomStore store, OpenTokClient opentok)
{
    // One gate per room ever asked for: a few dozen bytes each, fine for a sample's number of rooms.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _unusedSessions = new();

    /// <summary>The room's session, created (and the room stored) if the room is new.</summary>
    /// <param name="room">A room name already checked by <see cref="RoomNames.TryNormalize"/>.</param>
    /// <param name="cancellationToken">Cancels the wait and the OpenTok call.</param>
    /// <exception cref="RoomStorageException">The database failed.</exception>
    public async Task<string> GetOrCreateSessionAsync(string room, CancellationToken cancellationToken)
    {
        if (store.FindSession(opentok.ApiKey, room) is { } existing)
        {
            return existing;
        }

        var gate = _gates.GetOrAdd(room, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (store.FindSession(opentok.ApiKey, room) is { } created)
            {
                return created;
            }

            if (await store.ClaimAsync(opentok.ApiKey, room, cancellationToken) is { } claimedElsewhere)
            {
                return claimedElsewhere;
            }

            var sessionId = _unusedSessions.TryDequeue(out var unused)
                ? unused
                : (await opentok.CreateSessionAsync(new SessionOptions { MediaMode = MediaMode.Routed }, cancellationToken)).SessionId;
            string stored;
            try
            {
                stored = await store.CompleteAsync(opentok.ApiKey, room, sessionId, cancellationToken);
            }
            catch
            {
                _unusedSessions.Enqueue(sessionId);
                throw;
            }

            if (stored != sessionId)
            {
                _unusedSessions.Enqueue(sessionId);
            }

            return stored;
        }
        finally
        {
            gate.Release();
        }
    }
}
