using System.Globalization;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;
using OpenTok.Refit.Tokens;
using OpenTok.Refit.Emulator.Pipeline;

namespace OpenTok.Refit.Emulator;

/// <summary>
/// The emulator's REST endpoints, one handler per endpoint. The paths are the ones declared on
/// <c>ISessionsApi</c>/<c>IArchivesApi</c>; bodies are read and written through <see cref="OpenTokJsonContext"/>, so
/// the emulator and the SDK share every wire name. Handlers are plain <see cref="RequestDelegate"/>s: no
/// reflection-based binding or serialization.
/// </summary>
internal static class EmulatorEndpoints
{
    private const string ProjectPrefix = "/v2/project/{apiKey}";

    public static void Map(WebApplication app, OpenTokEmulator emulator)
    {
        var state = emulator.State;
        app.MapPost("/session/create", context => CreateSessionAsync(context, state)).RequireRestAuthentication();

        var project = app.MapGroup(ProjectPrefix).RequireRestAuthentication();
        project.MapPost("/archive", async context =>
        {
            var (request, body) = await context.ReadJsonAsync(OpenTokJsonContext.Default.StartArchiveRequest).ConfigureAwait(false);
            var archive = state.StartArchive(WithServerDefaults(request, body), Now, emulator.BaseAddress);
            await context.WriteJsonAsync(200, archive, OpenTokJsonContext.Default.Archive).ConfigureAwait(false);
        });
        project.MapPost("/archive/{archiveId}/stop", context =>
            context.WriteJsonAsync(200, state.StopArchive(ArchiveId(context), Now, emulator.BaseAddress), OpenTokJsonContext.Default.Archive));
        project.MapGet("/archive/{archiveId}", context =>
            context.WriteJsonAsync(200, state.GetArchive(ArchiveId(context), Now, emulator.BaseAddress), OpenTokJsonContext.Default.Archive));
        project.MapDelete("/archive/{archiveId}", context =>
        {
            state.DeleteArchive(ArchiveId(context), Now);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
        project.MapGet("/archive", context =>
        {
            var offset = context.QueryInt("offset", 0, 0, int.MaxValue);
            var count = context.QueryInt("count", 50, 1, OpenTokClient.MaxArchivePageSize);
            var sessionId = context.QueryString("sessionId");
            return context.WriteJsonAsync(200, state.ListArchives(offset, count, sessionId, Now, emulator.BaseAddress), OpenTokJsonContext.Default.ArchiveList);
        });
        project.MapPut("/archive/{archiveId}/layout", async context =>
        {
            var id = ArchiveId(context);
            var (layout, body) = await context.ReadJsonAsync(OpenTokJsonContext.Default.Layout).ConfigureAwait(false);
            state.SetLayout(id, WithServerDefaults(layout, body), Now);
            context.Response.StatusCode = StatusCodes.Status200OK;
        });
        project.MapPatch("/archive/{archiveId}/streams", async context =>
        {
            var id = ArchiveId(context);
            var (change, _) = await context.ReadJsonAsync(OpenTokJsonContext.Default.StreamsChange).ConfigureAwait(false);
            state.ChangeStreams(id, change, Now);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        });
        project.MapPut("/archive/storage", async context =>
        {
            var (storage, _) = await context.ReadJsonAsync(OpenTokJsonContext.Default.ArchiveStorage).ConfigureAwait(false);
            await context.WriteJsonAsync(200, state.SetStorage(storage), OpenTokJsonContext.Default.ArchiveStorage).ConfigureAwait(false);
        });
        project.MapDelete("/archive/storage", context =>
        {
            state.DeleteStorage();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });

        // Not part of the REST API: the archive files, behind signed, expiring urls like the real service's.
        app.MapGet("/media/{archiveId}/{fileName}", context => ServeMediaAsync(context, state));
    }

    private static Guid ArchiveId(HttpContext context) => context.RouteGuid("archiveId", "archive ID");

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

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
            await context.WriteJsonAsync(200, body, OpenTokJsonContext.Default.CreatedSessionArray).ConfigureAwait(false);
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
            HasAudio = body.HasField("hasAudio") ? request.HasAudio : defaults.HasAudio,
            HasVideo = body.HasField("hasVideo") ? request.HasVideo : defaults.HasVideo,
            OutputMode = body.HasField("outputMode") ? request.OutputMode : defaults.OutputMode,
            StreamMode = body.HasField("streamMode") ? request.StreamMode : defaults.StreamMode,
            Layout = request.Layout is { } layout && body.TryGetField("layout", out var layoutBody) ? WithServerDefaults(layout, layoutBody) : request.Layout,
        };
    }

    private static Layout WithServerDefaults(Layout layout, JsonElement body) =>
        body.HasField("type") ? layout : layout with { Type = new Layout().Type };
}
