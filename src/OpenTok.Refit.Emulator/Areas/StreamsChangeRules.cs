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

    /// <summary>Adds (or replaces) or removes the stream; <paramref name="owner"/> names the resource in the 404 message.</summary>
    /// <exception cref="ApiErrorException">404: the stream to remove is not in the composition.</exception>
    public static void Apply(StreamsChange change, List<ArchiveStream> streams, string owner)
    {
        if (change.AddStream is { } add)
        {
            // Every routed session is taken to have clients, so any stream id names a stream being published.
            streams.RemoveAll(s => s.StreamId == add);
            streams.Add(new ArchiveStream { StreamId = add, HasAudio = change.HasAudio ?? true, HasVideo = change.HasVideo ?? true });
        }
        else if (streams.RemoveAll(s => s.StreamId == change.RemoveStream) == 0)
        {
            throw ApiErrorException.NotFound($"Stream {Arguments.Quote(change.RemoveStream)} is not in {owner}.");
        }
    }
}
