using System.Globalization;
using System.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;
using OpenTok.Refit.Api;
using OpenTok.Refit.Emulator.Pipeline;
using OpenTok.Refit.Emulator.State;
using OpenTok.Refit.Tokens;

namespace OpenTok.Refit.Emulator.Areas.Sessions;

/// <summary>The Sessions area's endpoint, <c>POST /session/create</c>: a form body in, JSON (or the deprecated XML) out.</summary>
internal static class SessionEndpoints
{
    /// <summary>Maps the Sessions area.</summary>
    public static IEndpointRouteBuilder MapSessions(this IEndpointRouteBuilder endpoints, EmulatorState state)
    {
        var sessions = state.Store<SessionStore>();
        endpoints.MapPost(ApiRoutes.SessionCreate, context => CreateSessionAsync(context, sessions)).RequireRestAuthentication();
        return endpoints;
    }

    private static async Task CreateSessionAsync(HttpContext context, SessionStore sessions)
    {
        var form = await context.ReadUrlEncodedFormAsync().ConfigureAwait(false);

        var options = new SessionOptions
        {
            // The wire names come from the SDK's enums ([WireValue]); only the service's defaults for a missing
            // field are the emulator's own: routed (the SDKs send p2p.preference explicitly) and manual.
            MediaMode = Field(form, "p2p.preference") is not { } preference ? MediaMode.Routed
                : MediaModeWireValues.FromWireValue(preference)
                    ?? throw ApiErrorException.BadRequest($"p2p.preference must be 'enabled' or 'disabled'; {Arguments.Quote(preference)} is not."),
            ArchiveMode = Field(form, "archiveMode") is not { } archiveMode ? ArchiveMode.Manual
                : ArchiveModeWireValues.FromWireValue(archiveMode)
                    ?? throw ApiErrorException.BadRequest($"archiveMode must be 'manual' or 'always'; {Arguments.Quote(archiveMode)} is not."),
            Location = Field(form, "location"),
            EndToEndEncryption = Field(form, "e2ee")?.ToUpperInvariant() switch
            {
                null or "FALSE" => false,
                "TRUE" => true,
                _ => throw ApiErrorException.BadRequest($"e2ee must be 'true' or 'false'; {Arguments.Quote(Field(form, "e2ee"))} is not."),
            },
            ArchiveName = Field(form, "archiveName"),
            ArchiveResolution = Field(form, "archiveResolution") is { } resolution ? new Resolution(resolution) : null,
        };

        // The SDK's own rules for session options: each fact once.
        options.Validate();
        var session = sessions.CreateSession(options);
        var apiKey = SessionId.Decode(session.SessionId)!.ApiKey;
        var createdAt = session.CreatedAt.UtcDateTime.ToString("ddd MMM dd HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture);

        if (AcceptsJson(context.Request))
        {
            CreatedSession[] body = [new CreatedSession { SessionId = session.SessionId, ProjectId = apiKey, PartnerId = apiKey, CreateDate = createdAt }];
            await context.WriteJsonAsync(200, body, OpenTokJsonContext.Default.CreatedSessionArray).ConfigureAwait(false);
            return;
        }

        // Without Accept: application/json the service still answers in its deprecated XML.
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/xml; charset=utf-8";
        await context.Response.WriteAsync(
            $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><sessions><Session><session_id>{SecurityElement.Escape(session.SessionId)}</session_id>"
            + $"<partner_id>{SecurityElement.Escape(apiKey)}</partner_id><create_dt>{createdAt}</create_dt></Session></sessions>",
            context.RequestAborted).ConfigureAwait(false);
    }

    // Older SDKs send empty fields (location=&archiveName=) for "not set".
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
}
