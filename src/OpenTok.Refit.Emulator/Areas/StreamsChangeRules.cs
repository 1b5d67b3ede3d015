using OpenTok.Refit.Emulator.Areas.LiveSessions;
using OpenTok.Refit.Emulator.Pipeline;

namespace OpenTok.Refit.Emulator.Areas;

/// <summary>
/// The service's rules for <c>PATCH …/streams</c>, the same for archives and broadcasts: the body, then how the
/// change applies to a manual-mode composition's streams. Each area adds its own checks on the resource (stream
/// mode, status) between the two.
/// </summary>
internal static class StreamsChangeRules
{
    /// <summary>Checks the body alone.</summary>
    /// <exception cref="ApiErrorException">400: not exactly one of addStream and removeStream, an empty stream id, or audio and video flags that make no sense.</exception>
    public static void CheckBody(StreamsChange change)
    {
        if ((change.AddStream is null) == (change.RemoveStream is null))
        {
            throw ApiErrorException.BadRequest("Give exactly one of addStream and removeStream.");
        }

        if (string.IsNullOrWhiteSpace(change.AddStream ?? change.RemoveStream))
        {
            throw ApiErrorException.BadRequest("The stream id must not be empty.");
        }

        if (change.RemoveStream is not null && (change.HasAudio is not null || change.HasVideo is not null))
        {
            throw ApiErrorException.BadRequest("hasAudio and hasVideo go only with addStream.");
        }

        if (change.HasAudio == false && change.HasVideo == false)
        {
            throw ApiErrorException.BadRequest("hasAudio and hasVideo cannot both be false.");
        }
    }

    /// <summary>
    /// Adds (or replaces) or removes the stream; <paramref name="owner"/> names the resource in the 404 message. A
    /// stream to add must be published in the session (<see cref="LiveSessionStore.EnsureComposable"/>: any id in a
    /// session no emulated client has joined, whose clients the emulator cannot see).
    /// </summary>
    /// <exception cref="ApiErrorException">404: the stream to add is not published, or the stream to remove is not in the composition.</exception>
    public static void Apply(StreamsChange change, List<ArchiveStream> streams, string owner, LiveSessionStore live, string sessionId)
    {
        if (change.AddStream is { } add)
        {
            live.EnsureComposable(sessionId, add);
            streams.RemoveAll(s => s.StreamId == add);
            streams.Add(new ArchiveStream { StreamId = add, HasAudio = change.HasAudio ?? true, HasVideo = change.HasVideo ?? true });
        }
        else if (streams.RemoveAll(s => s.StreamId == change.RemoveStream) == 0)
        {
            throw ApiErrorException.NotFound($"Stream {Arguments.Quote(change.RemoveStream)} is not in {owner}.");
        }
    }

    /// <summary>Drops a stream that ended from a composition's streams (a manual-mode archive or broadcast records only published streams).</summary>
    public static void DropEnded(SessionActivity activity, string sessionId, List<ArchiveStream> streams)
    {
        if (activity is StreamDestroyedActivity destroyed && destroyed.SessionId == sessionId)
        {
            streams.RemoveAll(s => s.StreamId == destroyed.Stream.Id);
        }
    }
}
