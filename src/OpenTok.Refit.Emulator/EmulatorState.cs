using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OpenTok.Refit.Emulator.Pipeline;
using OpenTok.Refit.Tokens;

namespace OpenTok.Refit.Emulator;

/// <summary>
/// The emulated project: its sessions, archives and archive storage, and the rules of reference §3 and §5. One lock
/// guards everything: every operation is a few dictionary look-ups, so many clients at once never corrupt it and
/// never wait long. Rule violations throw <see cref="ApiErrorException"/> (or the SDK's own
/// <see cref="OpenTokArgumentException"/> from a model's <c>Validate()</c>), which the host turns into the error body.
/// </summary>
internal sealed class EmulatorState
{
    private readonly Lock _lock = new();
    private readonly string _apiKey;
    private readonly byte[] _secretUtf8;
    private readonly bool _acceptUnknownSessions;
    private readonly Random _random;
    private readonly Dictionary<string, EmulatedSession> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, ArchiveRecord> _archives = [];
    private long _sequence;
    private ArchiveStorage? _storage;
    private ArchiveAvailability _availability;

    public EmulatorState(OpenTokEmulatorOptions options, int seed)
    {
        _apiKey = options.ApiKey;
        _secretUtf8 = Encoding.UTF8.GetBytes(options.ApiSecret);
        _acceptUnknownSessions = options.AcceptUnknownSessions;
        _availability = options.ArchiveAvailability;
        _random = new Random(seed);
    }

    /// <summary>How long an archive's url stays valid, as on the real service.</summary>
    public static readonly TimeSpan UrlLifetime = TimeSpan.FromMinutes(10);

    public ArchiveAvailability Availability
    {
        get { lock (_lock) { return _availability; } }
        set { lock (_lock) { _availability = value; } }
    }

    private long SessionsCreated { get; set; }

    private long ArchivesStarted { get; set; }

    /// <summary>Sessions created and archives started, read together under the lock.</summary>
    public (long SessionsCreated, long ArchivesStarted) Counts()
    {
        lock (_lock)
        {
            return (SessionsCreated, ArchivesStarted);
        }
    }

    public EmulatedSession CreateSession(SessionOptions options, DateTimeOffset now)
    {
        lock (_lock)
        {
            string id;
            do
            {
                id = SessionId.Create(_apiKey, options.Location ?? "", now, _random.NextDouble());
            }
            while (_sessions.ContainsKey(id));

            var session = new EmulatedSession(id, options.MediaMode, options.ArchiveMode, options.Location ?? "", options.EndToEndEncryption, now);
            _sessions.Add(id, session);
            SessionsCreated++;

            // Every routed session is taken to have publishing clients (the emulator cannot see clients), so an
            // always-archived session is being recorded from the start, as the real one is once someone publishes.
            if (options.ArchiveMode == ArchiveMode.Always)
            {
                AddArchive(new StartArchiveRequest(id, new ArchiveOptions { Name = options.ArchiveName, Resolution = options.ArchiveResolution }), now);
            }

            return session;
        }
    }

    public Archive StartArchive(StartArchiveRequest request, DateTimeOffset now, Uri baseAddress)
    {
        if (string.IsNullOrEmpty(request.SessionId))
        {
            throw ApiErrorException.BadRequest("sessionId is required.");
        }

        if (SessionId.Decode(request.SessionId) is null)
        {
            throw ApiErrorException.BadRequest($"Invalid session ID: '{request.SessionId}' is not an OpenTok session id.");
        }

        // The SDK's own rules for archive options (reference §5.1, §12.1): each fact once.
        request.Validate();

        lock (_lock)
        {
            var session = FindSession(request.SessionId)
                ?? throw ApiErrorException.NotFound($"Session not found: {request.SessionId}.");
            if (session.MediaMode != MediaMode.Routed)
            {
                throw ApiErrorException.Conflict("The session is relayed (peer-to-peer); only routed sessions can be archived.");
            }

            if (session.EndToEndEncryption)
            {
                throw ApiErrorException.Conflict("The session is end-to-end encrypted and cannot be archived.");
            }

            foreach (var running in _archives.Values)
            {
                if (running.SessionId == request.SessionId && running.Phase == ArchivePhase.Started && running.MultiArchiveTag == request.MultiArchiveTag)
                {
                    throw ApiErrorException.Conflict(request.MultiArchiveTag is null
                        ? $"The session is already being recorded (archive {running.Id:D}); start another archive with a distinct multiArchiveTag."
                        : $"The session is already being recorded with multiArchiveTag '{request.MultiArchiveTag}' (archive {running.Id:D}).");
                }
            }

            return Project(AddArchive(request, now), now, baseAddress, includeTag: true);
        }
    }

    public Archive StopArchive(Guid id, DateTimeOffset now, Uri baseAddress)
    {
        lock (_lock)
        {
            var archive = Find(id);
            if (archive.Phase != ArchivePhase.Started)
            {
                throw ApiErrorException.Conflict($"Archive {id:D} is not being recorded; its status is {archive.StatusAt(now)}.");
            }

            archive.Phase = ArchivePhase.Stopped;
            archive.Reason = "user initiated";
            archive.StoppedAt = now;
            archive.Duration = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling((now - archive.CreatedAt).TotalSeconds)));
            archive.Uploaded = _storage is not null;
            archive.AvailableAt = _availability.Mode switch
            {
                ArchiveAvailabilityMode.Immediate => now,
                ArchiveAvailabilityMode.AfterDelay => now + _availability.Delay,
                _ => null,
            };
            archive.Media = PlaceholderMedia.Create(archive.Id, archive.SessionId, archive.Name, archive.CreatedAt, archive.Duration,
                archive.OutputMode == OutputMode.Individual, [.. archive.Streams.Select(s => s.StreamId)]);
            archive.Size = archive.Media.LongLength;

            // The stop answer says "stopped" even when processing is instant, as the real service does.
            return Project(archive, now, baseAddress, includeTag: false) with { Status = ArchiveStatus.Stopped, Url = null };
        }
    }

    public Archive GetArchive(Guid id, DateTimeOffset now, Uri baseAddress)
    {
        lock (_lock)
        {
            return Project(Find(id), now, baseAddress, includeTag: false);
        }
    }

    public void DeleteArchive(Guid id, DateTimeOffset now)
    {
        lock (_lock)
        {
            var archive = Find(id);
            var status = archive.StatusAt(now);
            if (status != ArchiveStatus.Available && status != ArchiveStatus.Uploaded && status != ArchiveStatus.Deleted)
            {
                throw ApiErrorException.Conflict($"Archive {id:D} cannot be deleted while its status is {status}; only available, uploaded or deleted archives can.");
            }

            archive.Phase = ArchivePhase.Deleted;
            archive.Media = null;
        }
    }

    public ArchiveList ListArchives(int offset, int count, string? sessionId, DateTimeOffset now, Uri baseAddress)
    {
        lock (_lock)
        {
            // Newest first; the sequence breaks ties between archives started in the same millisecond.
            var matching = _archives.Values
                .Where(a => a.Phase != ArchivePhase.Deleted && (sessionId is null || a.SessionId == sessionId))
                .OrderByDescending(a => a.Sequence)
                .ToList();
            return new ArchiveList
            {
                Count = matching.Count,
                Items = [.. matching.Skip(offset).Take(count).Select(a => Project(a, now, baseAddress, includeTag: false))],
            };
        }
    }

    public void SetLayout(Guid id, Layout layout, DateTimeOffset now)
    {
        layout.Validate();
        lock (_lock)
        {
            var archive = Find(id);
            if (archive.OutputMode != OutputMode.Composed)
            {
                throw ApiErrorException.BadRequest($"Archive {id:D} is individual; only composed archives have a layout.");
            }

            if (archive.Phase != ArchivePhase.Started)
            {
                throw ApiErrorException.Conflict($"Archive {id:D} is not being recorded; its status is {archive.StatusAt(now)}.");
            }

            archive.Layout = layout;
        }
    }

    public void ChangeStreams(Guid id, StreamsChange change, DateTimeOffset now)
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

        lock (_lock)
        {
            var archive = Find(id);
            if (archive.StreamMode != StreamMode.Manual)
            {
                throw ApiErrorException.MethodNotAllowed($"Archive {id:D} has stream mode '{archive.StreamMode}'; streams can be added or removed only in manual stream mode.");
            }

            if (archive.Phase != ArchivePhase.Started)
            {
                throw ApiErrorException.Conflict($"Archive {id:D} is not being recorded; its status is {archive.StatusAt(now)}.");
            }

            if (change.AddStream is { } add)
            {
                // Every routed session is taken to have clients, so any stream id names a stream being published.
                archive.Streams.RemoveAll(s => s.StreamId == add);
                archive.Streams.Add(new ArchiveStream { StreamId = add, HasAudio = change.HasAudio ?? true, HasVideo = change.HasVideo ?? true });
            }
            else if (archive.Streams.RemoveAll(s => s.StreamId == change.RemoveStream) == 0)
            {
                throw ApiErrorException.NotFound($"Stream {change.RemoveStream} is not in archive {id:D}.");
            }
        }
    }

    public ArchiveStorage SetStorage(ArchiveStorage storage)
    {
        storage.Validate();
        lock (_lock)
        {
            _storage = storage;
            return storage;
        }
    }

    public void DeleteStorage()
    {
        lock (_lock)
        {
            _storage = null;
        }
    }

    public bool CompleteArchive(Guid id, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (!_archives.TryGetValue(id, out var archive) || archive.Phase != ArchivePhase.Stopped)
            {
                return false;
            }

            if (archive.AvailableAt is null || archive.AvailableAt > now)
            {
                archive.AvailableAt = now;
            }

            return true;
        }
    }

    public (byte[] Content, bool Individual)? Media(Guid id, DateTimeOffset now)
    {
        lock (_lock)
        {
            return _archives.TryGetValue(id, out var archive) && archive.StatusAt(now) == ArchiveStatus.Available && archive.Media is { } media
                ? (media, archive.OutputMode == OutputMode.Individual)
                : null;
        }
    }

    public bool HasSession(string sessionId)
    {
        lock (_lock)
        {
            return FindSession(sessionId) is not null;
        }
    }

    public IReadOnlyList<EmulatedSession> Sessions()
    {
        lock (_lock)
        {
            return [.. _sessions.Values.OrderBy(s => s.CreatedAt)];
        }
    }

    public IReadOnlyList<Archive> Archives(DateTimeOffset now, Uri baseAddress)
    {
        lock (_lock)
        {
            return [.. _archives.Values.OrderByDescending(a => a.Sequence).Select(a => Project(a, now, baseAddress, includeTag: false))];
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _sessions.Clear();
            _archives.Clear();
            _storage = null;
            SessionsCreated = 0;
            ArchivesStarted = 0;
        }
    }

    public string Sign(Guid archiveId, long expires)
    {
        var hash = HMACSHA256.HashData(_secretUtf8, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{archiveId:D}\n{expires}")));
        return Convert.ToHexStringLower(hash);
    }

    private Archive Project(ArchiveRecord archive, DateTimeOffset now, Uri baseAddress, bool includeTag)
    {
        var status = archive.StatusAt(now);
        string? url = null;
        if (status == ArchiveStatus.Available)
        {
            var expires = (now + UrlLifetime).ToUnixTimeSeconds();
            var file = PlaceholderMedia.FileName(archive.OutputMode == OutputMode.Individual);
            url = string.Create(CultureInfo.InvariantCulture, $"{baseAddress.AbsoluteUri}media/{archive.Id:D}/{file}?expires={expires}&signature={Sign(archive.Id, expires)}");
        }

        return new Archive
        {
            Id = archive.Id.ToString("D"),
            Status = status,
            Name = archive.Name,
            Reason = archive.Reason,
            SessionId = archive.SessionId,
            ProjectId = _apiKey,
            CreatedAt = archive.CreatedAt,
            Size = archive.Phase == ArchivePhase.Started ? 0 : archive.Size,
            Duration = archive.Duration,
            OutputMode = archive.OutputMode,
            StreamMode = archive.StreamMode,
            HasAudio = archive.HasAudio,
            HasVideo = archive.HasVideo,
            Url = url,
            Resolution = archive.Resolution,
            Streams = archive.StreamMode == StreamMode.Manual ? [.. archive.Streams] : [],
            MultiArchiveTag = includeTag ? archive.MultiArchiveTag : null,
            MaxBitrate = archive.MaxBitrate,
            QuantizationParameter = archive.QuantizationParameter,
            HasTranscription = archive.HasTranscription,
            Transcription = archive.HasTranscription == true
                ? new Transcription
                {
                    Status = "requested",
                    PrimaryLanguageCode = archive.TranscriptionProperties?.PrimaryLanguageCode ?? "en-US",
                    HasSummary = archive.TranscriptionProperties?.HasSummary ?? false,
                }
                : null,
        };
    }

    private ArchiveRecord AddArchive(StartArchiveRequest request, DateTimeOffset now)
    {
        var composed = request.OutputMode == OutputMode.Composed;
        var archive = new ArchiveRecord
        {
            Id = Guid.NewGuid(),
            Sequence = ++_sequence,
            SessionId = request.SessionId,
            Name = string.IsNullOrEmpty(request.Name) ? null : request.Name,
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()),
            OutputMode = request.OutputMode,
            StreamMode = request.StreamMode,
            HasAudio = request.HasAudio,
            HasVideo = request.HasVideo,
            Resolution = composed ? request.Resolution ?? Resolution.Sd : null,
            Layout = composed ? request.Layout ?? new Layout() : null,
            MultiArchiveTag = request.MultiArchiveTag,
            MaxBitrate = request.MaxBitrate,
            QuantizationParameter = request.QuantizationParameter,
            HasTranscription = request.HasTranscription,
            TranscriptionProperties = request.TranscriptionProperties,
        };
        _archives.Add(archive.Id, archive);
        ArchivesStarted++;
        return archive;
    }

    private EmulatedSession? FindSession(string sessionId)
    {
        if (_sessions.TryGetValue(sessionId, out var session))
        {
            return session;
        }

        if (_acceptUnknownSessions && SessionId.BelongsTo(sessionId, _apiKey))
        {
            var decoded = SessionId.Decode(sessionId)!;
            session = new EmulatedSession(sessionId, MediaMode.Routed, ArchiveMode.Manual, decoded.Location, false, DateTimeOffset.UnixEpoch);
            _sessions.Add(sessionId, session);
            return session;
        }

        return null;
    }

    private ArchiveRecord Find(Guid id) =>
        _archives.TryGetValue(id, out var archive) ? archive : throw ApiErrorException.NotFound($"Archive not found: {id:D}.");
}

/// <summary>Where an archive is in its life; the wire status follows from it and the clock.</summary>
internal enum ArchivePhase
{
    Started,
    Stopped,
    Deleted,
}

/// <summary>An archive as the emulator keeps it; changed only under <see cref="EmulatorState"/>'s lock.</summary>
internal sealed class ArchiveRecord
{
    public Guid Id { get; init; }

    public long Sequence { get; init; }

    public required string SessionId { get; init; }

    public string? Name { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public OutputMode OutputMode { get; init; }

    public StreamMode StreamMode { get; init; }

    public bool HasAudio { get; init; }

    public bool HasVideo { get; init; }

    public Resolution? Resolution { get; init; }

    public Layout? Layout { get; set; }

    public string? MultiArchiveTag { get; init; }

    public int? MaxBitrate { get; init; }

    public int? QuantizationParameter { get; init; }

    public bool? HasTranscription { get; init; }

    public TranscriptionProperties? TranscriptionProperties { get; init; }

    public List<ArchiveStream> Streams { get; } = [];

    public ArchivePhase Phase { get; set; }

    public string Reason { get; set; } = "";

    public DateTimeOffset? StoppedAt { get; set; }

    public TimeSpan Duration { get; set; }

    /// <summary>When processing ends; <see langword="null"/> while waiting for <see cref="OpenTokEmulator.CompleteArchive"/>.</summary>
    public DateTimeOffset? AvailableAt { get; set; }

    /// <summary>Whether archive storage was set when the archive stopped, so that it ends <c>uploaded</c> rather than <c>available</c>.</summary>
    public bool Uploaded { get; set; }

    public byte[]? Media { get; set; }

    public long Size { get; set; }

    public ArchiveStatus StatusAt(DateTimeOffset now) => Phase switch
    {
        ArchivePhase.Started => ArchiveStatus.Started,
        ArchivePhase.Deleted => ArchiveStatus.Deleted,
        _ when AvailableAt is { } at && at <= now => Uploaded ? ArchiveStatus.Uploaded : ArchiveStatus.Available,
        _ => ArchiveStatus.Stopped,
    };
}
