using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenTok.Refit.Emulator.Pipeline;
using OpenTok.Refit.Emulator.State;

namespace OpenTok.Refit.Emulator.Areas.Archives;

/// <summary>Serves an available archive's placeholder file at its signed url (<see cref="ArchiveMediaLinks"/>): 403 when the url is forged or expired, 404 when there is no file.</summary>
internal static class ArchiveMediaEndpoint
{
    /// <summary>Maps the file route; no REST authentication, as the url's signature is the credential.</summary>
    public static IEndpointRouteBuilder MapArchiveMedia(this IEndpointRouteBuilder endpoints, EmulatorState state)
    {
        var archives = state.Store<ArchiveStore>();
        endpoints.MapGet(ArchiveMediaLinks.Route, context => ServeMediaAsync(context, state, archives));
        return endpoints;
    }

    private static async Task ServeMediaAsync(HttpContext context, EmulatorState state, ArchiveStore archives)
    {
        var query = context.Request.Query;
        if (!Guid.TryParseExact(context.Request.RouteValues["archiveId"] as string, "D", out var id)
            || !long.TryParse(query["expires"], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || !archives.Links.IsSigned(id, expires, query["signature"].ToString()))
        {
            throw ApiErrorException.Forbidden("The archive url is not valid: its signature does not match.");
        }

        if (DateTimeOffset.FromUnixTimeSeconds(expires) < state.Now)
        {
            throw ApiErrorException.Forbidden("The archive url has expired: urls are valid for 10 minutes; get the archive again for a fresh one.");
        }

        if (archives.Media(id) is not var (content, individual))
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
}
