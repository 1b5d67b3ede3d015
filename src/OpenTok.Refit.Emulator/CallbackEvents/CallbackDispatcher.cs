using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace OpenTok.Refit.Emulator.CallbackEvents;

/// <summary>One event to POST to one URL, as made when it happened.</summary>
/// <param name="Family">The family, which chose the URL.</param>
/// <param name="Kind">The kind, as the SDK's parser names it.</param>
/// <param name="Status">The status or state it reports, if any, for the log.</param>
/// <param name="SessionId">The session: the unit of ordering.</param>
/// <param name="Url">Where to POST it.</param>
/// <param name="Body">The JSON body.</param>
/// <param name="SignatureSecret">The secret to sign it with, or <see langword="null"/> for unsigned.</param>
internal sealed record CallbackMessage(CallbackFamily Family, OpenTokEventKind Kind, string? Status, string SessionId, Uri Url, byte[] Body, string? SignatureSecret);

/// <summary>
/// Delivers callback events in the background: one FIFO lane per session, each worked by its own loop while it has
/// events, so a session's events are POSTed one at a time in the order they happened while other sessions go on.
/// A failed attempt (non-2xx, transport error, timeout) is retried after a delay that doubles each time, on the
/// emulator's clock, up to the configured attempts; a lane waits for its head event to finish, so a later event never
/// overtakes an earlier one. Keeps a bounded log of every delivery. <see cref="Enqueue"/> never waits (it is called
/// under the emulator's lock), so a slow or unreachable receiver never holds up a REST answer.
/// </summary>
internal sealed class CallbackDispatcher : IAsyncDisposable
{
    /// <summary>How many deliveries the log keeps; the oldest go first.</summary>
    public const int LogCapacity = 10_000;

    /// <summary>The longest wait between two attempts, however many doublings: a day (timers take no more than 49 days).</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromDays(1);

    private const int MaxErrorLength = 200;

    private readonly TimeProvider _clock;
    private readonly EmulatorCallbackOptions _settings;
    private readonly Func<FaultInjection> _faults;
    private readonly string _apiKey;
    private readonly string? _applicationId;
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Random _random;

    // Guards everything below; never held across an await.
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<Entry>> _lanes = new(StringComparer.Ordinal);
    private readonly Queue<Entry> _log = new();
    private readonly List<Task> _workers = [];
    private TaskCompletionSource? _idle;
    private long _lastId;
    private int _pending;
    private bool _stopped;

    /// <param name="clock">The emulator's clock: queue and attempt times, retry delays, the signature's <c>iat</c>.</param>
    /// <param name="settings">Attempts, delays, timeout.</param>
    /// <param name="faults">The faults now (drop and duplicate rates).</param>
    /// <param name="seed">Seeds which deliveries are dropped or duplicated, so a run can be repeated.</param>
    /// <param name="apiKey">The <c>api_key</c> claim of signatures.</param>
    /// <param name="applicationId">The <c>application_id</c> claim, in application mode.</param>
    public CallbackDispatcher(TimeProvider clock, EmulatorCallbackOptions settings, Func<FaultInjection> faults, int seed, string apiKey, string? applicationId)
    {
        _clock = clock;
        _settings = settings;
        _faults = faults;
        _random = new Random(seed);
        _apiKey = apiKey;
        _applicationId = applicationId;

        // Callbacks go to receivers on this machine or a tunnel the developer set up: no proxy, no redirects followed
        // (the service follows none), connections not kept long so a restarted receiver is found again.
        _http = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            ConnectTimeout = settings.AttemptTimeout,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(15),
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Deliveries queued, being sent or waiting for a retry.</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending;
            }
        }
    }

    /// <summary>Queues an event behind the earlier events of its session; rolls the drop and duplicate faults. Never waits.</summary>
    public void Enqueue(CallbackMessage message)
    {
        var now = _clock.GetUtcNow();
        var faults = _faults();
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            var roll = faults.CallbackDropRate + faults.CallbackDuplicateRate > 0 ? _random.NextDouble() : 1.0;
            if (roll < faults.CallbackDropRate)
            {
                var dropped = NewEntry(message, now, duplicate: false);
                dropped.State = CallbackDeliveryState.Dropped;
                dropped.CompletedAt = now;
                return;
            }

            Queue(NewEntry(message, now, duplicate: false));
            if (roll < faults.CallbackDropRate + faults.CallbackDuplicateRate)
            {
                Queue(NewEntry(message, now, duplicate: true));
            }
        }
    }

    /// <summary>A snapshot of the log, oldest first.</summary>
    public IReadOnlyList<CallbackDelivery> Snapshot()
    {
        lock (_gate)
        {
            return [.. _log.Select(e => e.Snapshot())];
        }
    }

    /// <summary>Completes once no delivery is pending (at once when none is).</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_pending == 0)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Forgets the finished deliveries of the log; pending ones go on.</summary>
    public void ClearFinished()
    {
        lock (_gate)
        {
            var pending = _log.Where(e => e.State == CallbackDeliveryState.Pending).ToList();
            _log.Clear();
            foreach (var entry in pending)
            {
                _log.Enqueue(entry);
            }
        }
    }

    /// <summary>Stops delivering: what is pending is abandoned (and logged so), attempts under way are cancelled.</summary>
    public async ValueTask DisposeAsync()
    {
        Task[] workers;
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            workers = [.. _workers];
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException)
        {
            // The workers end on cancellation; nothing is left to report.
        }

        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            foreach (var lane in _lanes.Values)
            {
                foreach (var entry in lane)
                {
                    Finish(entry, CallbackDeliveryState.Abandoned, now);
                }
            }

            _lanes.Clear();
            _pending = 0;
            _idle?.TrySetResult();
            _idle = null;
        }

        _http.Dispose();
        _stopping.Dispose();
    }

    private Entry NewEntry(CallbackMessage message, DateTimeOffset now, bool duplicate)
    {
        var entry = new Entry(++_lastId, message, Encoding.UTF8.GetString(message.Body), duplicate, now);
        _log.Enqueue(entry);
        while (_log.Count > LogCapacity)
        {
            _log.Dequeue();
        }

        return entry;
    }

    // Under _gate.
    private void Queue(Entry entry)
    {
        _pending++;
        var sessionId = entry.Message.SessionId;
        if (_lanes.TryGetValue(sessionId, out var lane))
        {
            lane.Enqueue(entry);
            return;
        }

        lane = new Queue<Entry>();
        lane.Enqueue(entry);
        _lanes.Add(sessionId, lane);
        _workers.RemoveAll(w => w.IsCompleted);
        _workers.Add(Task.Run(() => RunLaneAsync(sessionId, lane)));
    }

    /// <summary>Delivers a session's events one at a time, in order, until its lane is empty (then forgets the lane).</summary>
    private async Task RunLaneAsync(string sessionId, Queue<Entry> lane)
    {
        while (true)
        {
            Entry entry;
            lock (_gate)
            {
                if (_stopped)
                {
                    return;
                }

                if (lane.Count == 0)
                {
                    _lanes.Remove(sessionId);
                    return;
                }

                entry = lane.Peek();
            }

            CallbackDeliveryState state;
            try
            {
                state = await DeliverAsync(entry).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A lane must outlive any surprise, or its session's later events would wait forever.
            catch (Exception e)
#pragma warning restore CA1031
            {
                lock (_gate)
                {
                    entry.LastError = "The emulator could not send it: " + e.GetType().Name;
                }

                state = CallbackDeliveryState.Failed;
            }

            lock (_gate)
            {
                if (_stopped)
                {
                    // Disposal logs what is left in the lane; this one is finished here.
                    Finish(entry, state, _clock.GetUtcNow());
                    lane.Dequeue();
                    return;
                }

                Finish(entry, state, _clock.GetUtcNow());
                lane.Dequeue();
                if (--_pending == 0)
                {
                    _idle?.TrySetResult();
                    _idle = null;
                }
            }
        }
    }

    /// <summary>Tries an entry until it is delivered, out of attempts, or the dispatcher stops; returns how it ended.</summary>
    private async Task<CallbackDeliveryState> DeliverAsync(Entry entry)
    {
        var stopping = _stopping.Token;
        for (var attempt = 1; ; attempt++)
        {
            if (stopping.IsCancellationRequested)
            {
                return CallbackDeliveryState.Abandoned;
            }

            var at = _clock.GetUtcNow();
            var (statusCode, error) = await SendAsync(entry.Message, at, stopping).ConfigureAwait(false);
            if (error is not null && stopping.IsCancellationRequested)
            {
                // Cut short by the emulator stopping: not an attempt the receiver failed.
                return CallbackDeliveryState.Abandoned;
            }

            // The retry's timer is set before the attempt shows in the log, so a test that reads the log and then
            // moves a fake clock always moves it past the retry.
            var retry = error is not null && attempt < _settings.MaxAttempts ? Task.Delay(RetryDelay(attempt), _clock, stopping) : null;
            lock (_gate)
            {
                entry.Attempts = attempt;
                entry.LastAttemptAt = at;
                entry.LastStatusCode = statusCode;
                entry.LastError = error;
            }

            if (error is null)
            {
                return CallbackDeliveryState.Delivered;
            }

            if (retry is null)
            {
                return CallbackDeliveryState.Failed;
            }

            try
            {
                await retry.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return CallbackDeliveryState.Abandoned;
            }
        }
    }

    /// <summary>The wait after failed attempt <paramref name="attempt"/>: the base delay, doubled for each attempt before, at most <see cref="MaxRetryDelay"/>.</summary>
    private TimeSpan RetryDelay(int attempt)
    {
        var delay = _settings.RetryBaseDelay * Math.Pow(2, Math.Min(attempt - 1, 30));
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }

    /// <summary>One POST; the answer's status and, when it is not a success, why.</summary>
    private async Task<(int? StatusCode, string? Error)> SendAsync(CallbackMessage message, DateTimeOffset now, CancellationToken stopping)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        attempt.CancelAfter(_settings.AttemptTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, message.Url)
        {
            Content = new ByteArrayContent(message.Body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } },
        };
        if (message.SignatureSecret is { } secret)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + CallbackSigner.Sign(message.Body, secret, now, _apiKey, _applicationId));
        }

        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? (status, null)
                : (status, string.Create(CultureInfo.InvariantCulture, $"The receiver answered {status} {response.ReasonPhrase}."));
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return (null, $"No answer within {_settings.AttemptTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.");
        }
        catch (OperationCanceledException)
        {
            return (null, "The emulator stopped.");
        }
        catch (HttpRequestException e)
        {
            var why = e.InnerException?.Message ?? e.Message;
            return (null, why.Length <= MaxErrorLength ? why : why[..MaxErrorLength] + "…");
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or IOException)
        {
            // Whatever the transport throws is a failed attempt, never the end of the session's lane.
            return (null, e.Message.Length <= MaxErrorLength ? e.Message : e.Message[..MaxErrorLength] + "…");
        }
    }

    // Under _gate.
    private static void Finish(Entry entry, CallbackDeliveryState state, DateTimeOffset now)
    {
        if (entry.State == CallbackDeliveryState.Pending)
        {
            entry.State = state;
            entry.CompletedAt = now;
        }
    }

    /// <summary>A delivery as the dispatcher tracks it; changed under <see cref="_gate"/>.</summary>
    private sealed class Entry(long id, CallbackMessage message, string body, bool duplicate, DateTimeOffset queuedAt)
    {
        public CallbackMessage Message { get; } = message;

        public CallbackDeliveryState State { get; set; } = CallbackDeliveryState.Pending;

        public int Attempts { get; set; }

        public int? LastStatusCode { get; set; }

        public string? LastError { get; set; }

        public DateTimeOffset? LastAttemptAt { get; set; }

        public DateTimeOffset? CompletedAt { get; set; }

        public CallbackDelivery Snapshot() => new()
        {
            Id = id,
            Family = Message.Family,
            Kind = Message.Kind,
            Status = Message.Status,
            SessionId = Message.SessionId,
            Url = Message.Url,
            Body = body,
            IsSigned = Message.SignatureSecret is not null,
            IsDuplicate = duplicate,
            State = State,
            Attempts = Attempts,
            LastStatusCode = LastStatusCode,
            LastError = LastError,
            QueuedAt = queuedAt,
            LastAttemptAt = LastAttemptAt,
            CompletedAt = CompletedAt,
        };
    }
}
