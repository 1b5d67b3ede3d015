using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace OpenTok.Refit.SampleServer;

/// <summary>How many new rooms one client may create per window (<c>SampleServer:RoomCreation:PermitLimit</c> and <c>:Window</c>).</summary>
/// <param name="PermitLimit">New rooms per window and client address.</param>
/// <param name="Window">The fixed window the limit counts in.</param>
internal sealed record RoomCreationLimit(int PermitLimit, TimeSpan Window);

/// <summary>
/// ASP.NET Core's rate limiter on <c>GET /room/{name}</c>, counting only requests that would create a room: a fixed
/// window per client address. Joining a room that exists, and a name the route will refuse, are never limited.
/// </summary>
/// <remarks>
/// The limiter runs before the endpoint, so it looks the room up itself (a read of a local SQLite file). Simultaneous
/// first requests for one new room each spend a permit, although the room is created once; a client hitting the
/// limit that way was creating rooms quickly anyway. Behind a reverse proxy every client has the proxy's address:
/// add the forwarded-headers middleware there.
/// </remarks>
internal sealed class RoomCreationRateLimiterPolicy(RoomStore store, OpenTokClient opentok, RoomCreationLimit limit) : IRateLimiterPolicy<string>
{
    /// <summary>The policy's name, for <c>RequireRateLimiting</c>.</summary>
    public const string Name = "room-creation";

    /// <inheritdoc />
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    /// <inheritdoc />
    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        if (httpContext.Request.RouteValues["name"] is not string raw || !RoomNames.TryNormalize(raw, out var room, out _))
        {
            return RateLimitPartition.GetNoLimiter("refused name"); // the endpoint answers 400
        }

        try
        {
            if (store.FindSession(opentok.ApiKey, room) is not null)
            {
                return RateLimitPartition.GetNoLimiter("existing room");
            }
        }
        catch (RoomStorageException)
        {
            return RateLimitPartition.GetNoLimiter("storage failing"); // the endpoint answers 503, creating nothing
        }

        return RateLimitPartition.GetFixedWindowLimiter(
            httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit.PermitLimit, Window = limit.Window, QueueLimit = 0, AutoReplenishment = true });
    }

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : limit.Window;
        var seconds = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many new rooms",
            detail: string.Create(CultureInfo.InvariantCulture,
                $"This client may create {limit.PermitLimit} new rooms every {limit.Window}; try again in {seconds} s. Joining rooms that exist is not limited."))
            .ExecuteAsync(context.HttpContext);
    }
}
