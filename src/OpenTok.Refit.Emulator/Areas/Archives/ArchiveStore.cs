using OpenTok.Refit.Emulator.Areas.LiveSessions;
using OpenTok.Refit.Emulator.Pipeline;
using OpenTok.Refit.Emulator.State;
using OpenTok.Refit.Tokens;

namespace OpenTok.Refit.Emulator.Areas.Archives;

/// <summary>
/// The project's archives and archive storage, with the service's rules: archives only of routed, not
/// end-to-end encrypted sessions; one running archive per session and <c>multiArchiveTag</c>; <c>started</c> ▸
/// <c>stopped</c> ▸ <c>available</c> (or <c>uploaded</c>) as <see cref="ArchiveAvailability"/> says, on the
/// emulator's clock; delete only when done. Rule violations throw <see cref="ApiErrorException"/> (or the SDK's own
/// <see cref="OpenTokArgumentException"/> from a model's <c>Validate()</c>), which the pipeline turns into the error body.
/// </summary>
internal sealed class ArchiveStore : IAreaStore<ArchiveStore>
{
    private readonly EmulatorState _state;
    private readonly LiveSessionStore _live;
    private readonly Dictionary<Guid, ArchiveRecord> _archives = [];
    private ArchiveStorage? _storage;
    private ArchiveAvailability _availability;
    private long _started;

    private ArchiveStore(EmulatorState state)
    {
        _state = state;
        _availability = state.Options.ArchiveAvailability;
        Links = new ArchiveMediaLinks(state.Options.ApiSecret);
        state.Sessions.AddCreatedListener(RecordIfAlwaysArchived);
        _live = state.Store<LiveSessionStore>();
        _live.AddObserver(DropEndedStreams);
    }

    /// <summary>Signs and checks the urls of the archives' files.</summary>
    public ArchiveMediaLinks Links { get; }

    /// <summary>When archives stopped from now on become available.</summary>
    public ArchiveAvailability Availability
    {
        get { lock (_state.Lock) { return _availability; } }
        set { lock (_state.Lock) { _availability = value; } }
    }

    /// <summary>Archives started since the start or the last reset (automatic ones included); read it under <see cref="EmulatorState.Lock"/> with other counters for a consistent snapshot.</summary>
    public long StartedCount
    {
        get
        {
            lock (_state.Lock)
            {
                return _started;
            }
        }
    }

    public static ArchiveStore Create(EmulatorState state) => new(state);

    public Archive StartArchive(StartArchiveRequest request)
    {
        if (string.IsNullOrEmpty(request.SessionId))
        {
            throw ApiErrorException.BadRequest("sessionId is required.");
        }

        if (SessionId.Decode(request.SessionId) is null)
        {
            throw ApiErrorException.BadRequest($"Invalid session ID: {Arguments.Quote(request.SessionId)} is not an OpenTok session id.");
        }

        // The SDK's own rules for archive options and layouts: each fact once.
        request.Validate();

        lock (_state.Lock)
        {
            var session = _state.Sessions.Find(request.SessionId)
                ?? throw ApiErrorException.NotFound($"Session not found: {Arguments.Quote(request.SessionId)}.");
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
                        : $"The session is already being recorded with multiArchiveTag {Arguments.Quote(request.MultiArchiveTag)} (archive {running.Id:D}).");
                }
            }

            var now = _state.Now;
            return Project(AddArchive(request, now), now, includeTag: true);
        }
    }

    public Archive StopArchive(Guid id)
    {
        lock (_state.Lock)
        {
            var now = _state.Now;
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
            return Project(archive, now, includeTag: false) with { Status = ArchiveStatus.Stopped, Url = null };
        }
    }

    public Archive GetArchive(Guid id)
    {
        lock (_state.Lock)
        {
            return Project(Find(id), _state.Now, includeTag: false);
        }
    }

    public void DeleteArchive(Guid id)
    {
        lock (_state.Lock)
        {
            var archive = Find(id);
            var status = archive.StatusAt(_state.Now);
            if (status != ArchiveStatus.Available && status != ArchiveStatus.Uploaded && status != ArchiveStatus.Deleted)
            {
                throw ApiErrorException.Conflict($"Archive {id:D} cannot be deleted while its status is {status}; only available, uploaded or deleted archives can.");
            }

            archive.Phase = ArchivePhase.Deleted;
            archive.Media = null;
        }
    }

    public ArchiveList ListArchives(int offset, int count, string? sessionId)
    {
        lock (_state.Lock)
        {
            var now = _state.Now;

            // Newest first; the sequence breaks ties between archives started in the same millisecond.
            var matching = _archives.Values
                .Where(a => a.Phase != ArchivePhase.Deleted && (sessionId is null || a.SessionId == sessionId))
                .OrderByDescending(a => a.Sequence)
                .ToList();
            return new ArchiveList
            {
                Count = matching.Count,
                Items = [.. matching.Skip(offset).Take(count).Select(a => Project(a, now, includeTag: false))],
            };
        }
    }

    public void SetLayout(Guid id, Layout layout)
    {
        layout.Validate();
        lock (_state.Lock)
        {
            var archive = Find(id);
            if (archive.OutputMode != OutputMode.Composed)
            {
                throw ApiErrorException.BadRequest($"Archive {id:D} is individual; only composed archives have a layout.");
            }

            if (archive.Phase != ArchivePhase.Started)
            {
                throw ApiErrorException.Conflict($"Archive {id:D} is not being recorded; its status is {archive.StatusAt(_state.Now)}.");
            }

            archive.Layout = layout;
        }
    }

    public void ChangeStreams(Guid id, StreamsChange change)
    {
        StreamsChangeRules.CheckBody(change);
        lock (_state.Lock)
        {
            var archive = Find(id);
            if (archive.StreamMode != StreamMode.Manual)
            {
                throw ApiErrorException.MethodNotAllowed($"Archive {id:D} has stream mode {Arguments.Quote(archive.StreamMode.ToString())}; streams can be added or removed only in manual stream mode.");
            }

            if (archive.Phase != ArchivePhase.Started)
            {
                throw ApiErrorException.Conflict($"Archive {id:D} is not being recorded; its status is {archive.StatusAt(_state.Now)}.");
            }

            StreamsChangeRules.Apply(change, archive.Streams, $"archive {id:D}", _live, archive.SessionId);
        }
    }

    public ArchiveStorage SetStorage(ArchiveStorage storage)
    {
        storage.Validate();
        lock (_state.Lock)
        {
            _storage = storage;
            return storage;
        }
    }

    public void DeleteStorage()
    {
        lock (_state.Lock)
        {
            _storage = null;
        }
    }

    /// <summary>Ends processing of a stopped archive now; <see langword="false"/> when it does not exist or is not stopped.</summary>
    public bool CompleteArchive(Guid id)
    {
        lock (_state.Lock)
        {
            if (!_archives.TryGetValue(id, out var archive) || archive.Phase != ArchivePhase.Stopped)
            {
                return false;
            }

            var now = _state.Now;
            if (archive.AvailableAt is null || archive.AvailableAt > now)
            {
                archive.AvailableAt = now;
            }

            return true;
        }
    }

    /// <summary>An available archive's file, or <see langword="null"/>.</summary>
    public (byte[] Content, bool Individual)? Media(Guid id)
    {
        lock (_state.Lock)
        {
            return _archives.TryGetValue(id, out var archive) && archive.StatusAt(_state.Now) == ArchiveStatus.Available && archive.Media is { } media
                ? (media, archive.OutputMode == OutputMode.Individual)
                : null;
        }
    }

    /// <summary>Every archive, deleted ones included, newest first, as <c>GET …/archive/{id}</c> would answer now.</summary>
    public IReadOnlyList<Archive> Snapshot()
    {
        lock (_state.Lock)
        {
            var now = _state.Now;
            return [.. _archives.Values.OrderByDescending(a => a.Sequence).Select(a => Project(a, now, includeTag: false))];
        }
    }

    /// <summary>
    /// Every archive as kept, deleted ones included: what callback events compare with what they last reported,
    /// since an archive's status also changes by itself as the clock passes <see cref="ArchiveRecord.AvailableAt"/>.
    /// Read it under <see cref="EmulatorState.Lock"/>, and change nothing through it.
    /// </summary>
    public IEnumerable<ArchiveRecord> Records => _archives.Values;

    public void Clear()
    {
        _archives.Clear();
        _storage = null;
        _started = 0;
    }

    // A recording archive records streams only while they are published.
    private void DropEndedStreams(SessionActivity activity)
    {
        foreach (var archive in _archives.Values)
        {
            if (archive.Phase == ArchivePhase.Started)
            {
                StreamsChangeRules.DropEnded(activity, archive.SessionId, archive.Streams);
            }
        }
    }

    // Every routed session is taken to have publishing clients (the emulator cannot see clients), so an
    // always-archived session is being recorded from the start, as the real one is once someone publishes.
    private void RecordIfAlwaysArchived(EmulatedSession session, SessionOptions options)
    {
        if (options.ArchiveMode == ArchiveMode.Always)
        {
            AddArchive(new StartArchiveRequest(session.SessionId, new ArchiveOptions { Name = options.ArchiveName, Resolution = options.ArchiveResolution }), session.CreatedAt);
        }
    }

    private Archive Project(ArchiveRecord archive, DateTimeOffset now, bool includeTag)
    {
        var status = archive.StatusAt(now);
        var url = status == ArchiveStatus.Available
            ? Links.Create(_state.BaseAddress, archive.Id, PlaceholderMedia.FileName(archive.OutputMode == OutputMode.Individual), now)
            : null;

        return new Archive
        {
            Id = archive.Id.ToString("D"),
            Status = status,
            Name = archive.Name,
            Reason = archive.Reason,
            SessionId = archive.SessionId,
            ProjectId = _state.ApiKey,
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
            Id = IdGenerator.NewResourceId(),
            Sequence = _state.Ids.NextSequence(),
            SessionId = request.SessionId,
            Name = string.IsNullOrEmpty(request.Name) ? null : request.Name,

            // The wire carries milliseconds: keep no finer time, so that what was sent is what is read back.
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
        _started++;
        return archive;
    }

    private ArchiveRecord Find(Guid id) =>
        _archives.TryGetValue(id, out var archive) ? archive : throw ApiErrorException.NotFound($"Archive not found: {id:D}.");
}
