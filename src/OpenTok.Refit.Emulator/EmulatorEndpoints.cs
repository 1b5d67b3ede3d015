using System.Diagnostics;
using System.Globalization;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;
using OpenTok.Refit.Tokens;
using OpenTok.Refit.Http;

namespace OpenTok.Refit.Emulator;

/// <summary>
/// The emulator's HTTP surface: the pipeline (request log ▸ faults ▸ error bodies ▸ routing ▸ authentication) and
/// one handler per endpoint. The paths are the ones declared on <c>ISessionsApi</c>/<c>IArchivesApi</c>; bodies are
/// read and written through <see cref="OpenTokJsonContext"/>, so the emulator and the SDK share every wire name.
/// Handlers are plain <see cref="RequestDelegate"/>s: no reflection-based binding or serialization.
/// </summary>
internal static class EmulatorEndpoints
{
    private const string ProjectPrefix = "/v2/project/{apiKey}";

    /// <summary>Marks the endpoints that need <c>X-OPENTOK-AUTH</c>.</summary>
    private static readonly object RequiresAuthentication = new();

    public static void Map(WebApplication app, OpenTokEmulator emulator, TextWriter? requestLog)
    {
        if (requestLog is not null)
        {
            app.Use((context, next) => LogRequestAsync(context, next, requestLog));
        }

        app.Use((context, next) => InjectFaultsAsync(context, next, emulator));
        app.Use(WriteErrorsAsync);
        app.UseRouting();
        app.Use((context, next) => AuthenticateAsync(context, next, emulator));

        var state = emulator.State;
        app.MapPost("/session/create", context => CreateSessionAsync(context, state)).WithMetadata(RequiresAuthentication);

        var project = app.MapGroup(ProjectPrefix).WithMetadata(RequiresAuthentication);
        project.MapPost("/archive", async context =>
        {
            var (request, body) = await ReadJsonAsync(context, OpenTokJsonContext.Default.StartArchiveRequest).ConfigureAwait(false);
            var archive = state.StartArchive(WithServerDefaults(request, body), Now, emulator.BaseAddress);
            await WriteJsonAsync(context, 200, archive, OpenTokJsonContext.Default.Archive).ConfigureAwait(false);
        });
        project.MapPost("/archive/{archiveId}/stop", context =>
            WriteJsonAsync(context, 200, state.StopArchive(ArchiveId(context), Now, emulator.BaseAddress), OpenTokJsonContext.Default.Archive));
        project.MapGet("/archive/{archiveId}", context =>
            WriteJsonAsync(context, 200, state.GetArchive(ArchiveId(context), Now, emulator.BaseAddress), OpenTokJsonContext.Default.Archive));
        project.MapDelete("/archive/{archiveId}", context =>
        {
            state.DeleteArchive(ArchiveId(context), Now);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
        project.MapGet("/archive", context =>
        {
            var query = context.Request.Query;
            var offset = QueryInt(query, "offset", 0, 0, int.MaxValue);
            var count = QueryInt(query, "count", 50, 1, ArchivesClient.MaxPageSize);
            var sessionId = query.TryGetValue("sessionId", out var s) && !StringValues.IsNullOrEmpty(s) ? s.ToString() : null;
            return WriteJsonAsync(context, 200, state.ListArchives(offset, count, sessionId, Now, emulator.BaseAddress), OpenTokJsonContext.Default.ArchiveList);
        });
        project.MapPut("/archive/{archiveId}/layout", async context =>
        {
            var id = ArchiveId(context);
            var (layout, body) = await ReadJsonAsync(context, OpenTokJsonContext.Default.Layout).ConfigureAwait(false);
            state.SetLayout(id, WithServerDefaults(layout, body), Now);
            context.Response.StatusCode = StatusCodes.Status200OK;
        });
        project.MapPatch("/archive/{archiveId}/streams", async context =>
        {
            var id = ArchiveId(context);
            var (change, _) = await ReadJsonAsync(context, OpenTokJsonContext.Default.StreamsChange).ConfigureAwait(false);
            state.ChangeStreams(id, change, Now);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        });
        project.MapPut("/archive/storage", async context =>
        {
            var (storage, _) = await ReadJsonAsync(context, OpenTokJsonContext.Default.ArchiveStorage).ConfigureAwait(false);
            await WriteJsonAsync(context, 200, state.SetStorage(storage), OpenTokJsonContext.Default.ArchiveStorage).ConfigureAwait(false);
        });
        project.MapDelete("/archive/storage", context =>
        {
            state.DeleteStorage();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });

        // Not part of the REST API: the archive files, behind signed, expiring urls like the real service's.
        app.MapGet("/media/{archiveId}/{fileName}", context => ServeMediaAsync(context, state));

        app.MapFallback(context => throw ApiErrorException.NotFound($"No OpenTok endpoint is {context.Request.Method} {context.Request.Path}."));
    }

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    private static bool IsRestCall(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/v2", StringComparison.Ordinal) || context.Request.Path.StartsWithSegments("/session", StringComparison.Ordinal);

    private static async Task LogRequestAsync(HttpContext context, RequestDelegate next, TextWriter log)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            var status = context.RequestAborted.IsCancellationRequested ? "dropped" : context.Response.StatusCode.ToString(CultureInfo.InvariantCulture);
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{context.Request.Method} {context.Request.Path}{context.Request.QueryString} -> {status} ({Stopwatch.GetElapsedTime(started).TotalMilliseconds:0.0} ms)")).ConfigureAwait(false);
        }
    }

    private static async Task InjectFaultsAsync(HttpContext context, RequestDelegate next, OpenTokEmulator emulator)
    {
        if (!IsRestCall(context))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var faults = emulator.Faults;
        if (faults.Latency > TimeSpan.Zero)
        {
            await Task.Delay(faults.Latency, context.RequestAborted).ConfigureAwait(false);
        }

        switch (emulator.RollFault(faults))
        {
            case FaultKind.DropConnection:
                context.Abort();
                return;
            case FaultKind.ServerError:
                await WriteErrorAsync(context, faults.ServerErrorStatusCode, "The service is temporarily unavailable (fault injected by the emulator).").ConfigureAwait(false);
                return;
            case FaultKind.RateLimit:
                if (faults.RetryAfter is { } retryAfter)
                {
                    context.Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                await WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests (fault injected by the emulator).").ConfigureAwait(false);
                return;
            default:
                await next(context).ConfigureAwait(false);
                return;
        }
    }

    private static async Task WriteErrorsAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (ApiErrorException e) when (!context.Response.HasStarted)
        {
            await WriteErrorAsync(context, e.StatusCode, e.Message).ConfigureAwait(false);
        }
        catch (OpenTokArgumentException e) when (!context.Response.HasStarted)
        {
            // A model's own Validate() refused the body: the SDK's rule, worded by the SDK.
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, e.Message).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, e.Message).ConfigureAwait(false);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested && e is not OperationCanceledException)
        {
            await WriteErrorAsync(context, StatusCodes.Status500InternalServerError, $"The emulator failed: {e.GetType().Name}: {e.Message}").ConfigureAwait(false);
        }
    }

    private static Task AuthenticateAsync(HttpContext context, RequestDelegate next, OpenTokEmulator emulator)
    {
        if (context.GetEndpoint()?.Metadata.Contains(RequiresAuthentication) != true)
        {
            return next(context);
        }

        if (context.Request.RouteValues.TryGetValue("apiKey", out var pathKey) && !string.Equals(pathKey as string, emulator.ApiKey, StringComparison.Ordinal))
        {
            emulator.CountAuthenticationFailure();
            throw ApiErrorException.Forbidden($"You are not authorized to access project {pathKey}: this emulator serves project {emulator.ApiKey} only.");
        }

        var header = context.Request.Headers[OpenTokAuthHandler.AuthHeaderName];
        if (StringValues.IsNullOrEmpty(header))
        {
            emulator.CountAuthenticationFailure();
            throw ApiErrorException.Forbidden($"Authentication failed: the {OpenTokAuthHandler.AuthHeaderName} header is missing.");
        }

        var validation = RestJwt.Validate(header.ToString(), emulator.ApiKey, emulator.ApiSecret, RestJwtIssuerType.Project, Now, emulator.Options.AllowedClockSkew);
        if (!validation.IsValid)
        {
            emulator.CountAuthenticationFailure();
            throw ApiErrorException.Forbidden($"Authentication failed: {validation.Failure}");
        }

        return next(context);
    }

    private static async Task CreateSessionAsync(HttpContext context, EmulatorState state)
    {
        IFormCollection form = FormCollection.Empty;
        if (context.Request.HasFormContentType)
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        }
        else if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            throw ApiErrorException.BadRequest("session/create takes an application/x-www-form-urlencoded body.");
        }

        var options = new SessionOptions
        {
            // The service's default is routed; the SDKs send p2p.preference explicitly.
            MediaMode = Field(form, "p2p.preference") switch
            {
                null or "disabled" => MediaMode.Routed,
                "enabled" => MediaMode.Relayed,
                var other => throw ApiErrorException.BadRequest($"p2p.preference must be 'enabled' or 'disabled'; '{other}' is not."),
            },
            ArchiveMode = Field(form, "archiveMode") switch
            {
                null or "manual" => ArchiveMode.Manual,
                "always" => ArchiveMode.Always,
                var other => throw ApiErrorException.BadRequest($"archiveMode must be 'manual' or 'always'; '{other}' is not."),
            },
            Location = Field(form, "location"),
            EndToEndEncryption = Field(form, "e2ee")?.ToUpperInvariant() switch
            {
                null or "FALSE" => false,
                "TRUE" => true,
                _ => throw ApiErrorException.BadRequest($"e2ee must be 'true' or 'false'; '{Field(form, "e2ee")}' is not."),
            },
            ArchiveName = Field(form, "archiveName"),
            ArchiveResolution = Field(form, "archiveResolution") is { } resolution ? new Resolution(resolution) : null,
        };

        // The SDK's own rules for session options (reference §3.1): each fact once.
        options.Validate();
        var session = state.CreateSession(options, Now);
        var apiKey = SessionId.Decode(session.SessionId)!.ApiKey;
        var createdAt = session.CreatedAt.UtcDateTime.ToString("ddd MMM dd HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture);

        if (AcceptsJson(context.Request))
        {
            CreatedSession[] body = [new CreatedSession { SessionId = session.SessionId, ProjectId = apiKey, PartnerId = apiKey, CreateDate = createdAt }];
            await WriteJsonAsync(context, 200, body, OpenTokJsonContext.Default.CreatedSessionArray).ConfigureAwait(false);
            return;
        }

        // Without Accept: application/json the service still answers in its deprecated XML (reference §3.1).
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/xml; charset=utf-8";
        await context.Response.WriteAsync(
            $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><sessions><Session><session_id>{SecurityElement.Escape(session.SessionId)}</session_id>"
            + $"<partner_id>{SecurityElement.Escape(apiKey)}</partner_id><create_dt>{createdAt}</create_dt></Session></sessions>",
            context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task ServeMediaAsync(HttpContext context, EmulatorState state)
    {
        var query = context.Request.Query;
        if (!Guid.TryParseExact(context.Request.RouteValues["archiveId"] as string, "D", out var id)
            || !long.TryParse(query["expires"], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(query["signature"].ToString()), Encoding.ASCII.GetBytes(state.Sign(id, expires))))
        {
            throw ApiErrorException.Forbidden("The archive url is not valid: its signature does not match.");
        }

        if (DateTimeOffset.FromUnixTimeSeconds(expires) < Now)
        {
            throw ApiErrorException.Forbidden("The archive url has expired: urls are valid for 10 minutes; get the archive again for a fresh one.");
        }

        if (state.Media(id, Now) is not var (content, individual))
        {
            throw ApiErrorException.NotFound($"Archive {id:D} has no file to download (it is not available, or was deleted).");
        }

        if (!string.Equals(context.Request.RouteValues["fileName"] as string, PlaceholderMedia.FileName(individual), StringComparison.Ordinal))
        {
            throw ApiErrorException.NotFound($"Archive {id:D} has no file of that name.");
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = PlaceholderMedia.ContentType(individual);
        context.Response.ContentLength = content.Length;
        await context.Response.Body.WriteAsync(content, context.RequestAborted).ConfigureAwait(false);
    }

    private static Guid ArchiveId(HttpContext context) =>
        Guid.TryParseExact(context.Request.RouteValues["archiveId"] as string, "D", out var id)
            ? id
            : throw ApiErrorException.BadRequest($"Invalid archive ID: '{context.Request.RouteValues["archiveId"]}' is not a UUID.");

    private static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) && !StringValues.IsNullOrEmpty(value) ? value.ToString() : null;

    private static bool AcceptsJson(HttpRequest request)
    {
        foreach (var accept in request.GetTypedHeaders().Accept)
        {
            if (accept.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static int QueryInt(IQueryCollection query, string name, int defaultValue, int min, int max)
    {
        if (!query.TryGetValue(name, out var values) || StringValues.IsNullOrEmpty(values))
        {
            return defaultValue;
        }

        return int.TryParse(values.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw ApiErrorException.BadRequest($"{name} must be an integer from {min} to {max}; '{values}' is not.");
    }

    /// <summary>Reads a JSON object body into a wire model, keeping the parsed object to tell absent fields from defaults.</summary>
    private static async Task<(T Value, JsonElement Body)> ReadJsonAsync<T>(HttpContext context, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (context.Request.HasJsonContentType() is false && context.Request.ContentType is not null)
        {
            throw ApiErrorException.BadRequest($"The body must be application/json, not {context.Request.ContentType}.");
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw ApiErrorException.BadRequest($"The body must be a JSON object, not {document.RootElement.ValueKind}.");
            }

            var body = document.RootElement.Clone();
            return (body.Deserialize(typeInfo)!, body);
        }
        catch (JsonException e)
        {
            throw ApiErrorException.BadRequest($"The body is not valid JSON for this call: {e.Message}");
        }
    }

    /// <summary>
    /// The service's defaults for fields a start request left out. The source-generated reader sets absent init-only
    /// fields to default(T) (false, ""), not to the record's initializers; the defaults themselves come from the SDK's
    /// <see cref="ArchiveOptions"/>, where they are stated once.
    /// </summary>
    private static StartArchiveRequest WithServerDefaults(StartArchiveRequest request, JsonElement body)
    {
        var defaults = new ArchiveOptions();
        return request with
        {
            HasAudio = Has(body, "hasAudio") ? request.HasAudio : defaults.HasAudio,
            HasVideo = Has(body, "hasVideo") ? request.HasVideo : defaults.HasVideo,
            OutputMode = Has(body, "outputMode") ? request.OutputMode : defaults.OutputMode,
            StreamMode = Has(body, "streamMode") ? request.StreamMode : defaults.StreamMode,
            Layout = request.Layout is { } layout && TryGet(body, "layout", out var layoutBody) ? WithServerDefaults(layout, layoutBody) : request.Layout,
        };
    }

    private static Layout WithServerDefaults(Layout layout, JsonElement body) =>
        Has(body, "type") ? layout : layout with { Type = new Layout().Type };

    private static bool Has(JsonElement body, string name) => TryGet(body, name, out _);

    // The SDK's JSON options match names case-insensitively (JsonSerializerDefaults.Web), so presence is checked the same way.
    private static bool TryGet(JsonElement body, string name, out JsonElement value)
    {
        foreach (var property in body.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind != JsonValueKind.Null)
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static Task WriteJsonAsync<T>(HttpContext context, int statusCode, T value, JsonTypeInfo<T> typeInfo)
    {
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(value, typeInfo, contentType: "application/json; charset=utf-8", context.RequestAborted);
    }

    private static Task WriteErrorAsync(HttpContext context, int statusCode, string message) =>
        WriteJsonAsync(context, statusCode, new ErrorBody(statusCode, message), OpenTokJsonContext.Default.ErrorBody);
}
