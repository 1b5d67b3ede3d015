using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenTok.Refit.Emulator.Pipeline;

namespace OpenTok.Refit.Emulator.Control;

/// <summary>
/// The emulator's own control endpoints, under <see cref="Prefix"/>: what <see cref="OpenTokEmulator.Faults"/>,
/// <see cref="OpenTokEmulator.Statistics"/> and <see cref="OpenTokEmulator.Reset"/> do in process, over HTTP, for a
/// test in another process or language driving the standalone emulator.
/// </summary>
/// <remarks>
/// Not part of the OpenTok API, so outside its paths (<c>/v2</c>, <c>/session</c>): the fault stage never touches
/// them (a test can always turn faults off), and they are not authenticated with the OpenTok JWT, so any HTTP client
/// drives them without signing anything. That gives nothing away: the emulator listens on 127.0.0.1 only, so only
/// processes on this machine reach it, and the secret it runs with is printed at start and well known by default.
/// </remarks>
internal static class ControlEndpoints
{
    /// <summary>The control endpoints' common path; no OpenTok path starts with it.</summary>
    public const string Prefix = "/_emulator";

    /// <summary>Maps <c>GET</c>/<c>PUT {Prefix}/faults</c>, <c>GET {Prefix}/statistics</c> and <c>POST {Prefix}/reset</c>.</summary>
    public static IEndpointRouteBuilder MapControl(this IEndpointRouteBuilder endpoints, OpenTokEmulator emulator)
    {
        endpoints.MapGet(Prefix + "/faults", context => ControlJson.WriteAsync(context, json => ControlJson.WriteFaults(json, emulator.Faults)));

        endpoints.MapPut(Prefix + "/faults", async context =>
        {
            var faults = ControlJson.ReadFaults(await context.ReadJsonObjectAsync().ConfigureAwait(false));
            try
            {
                emulator.Faults = faults;
            }
            catch (ArgumentException e)
            {
                throw ApiErrorException.BadRequest(e.Message);
            }

            await ControlJson.WriteAsync(context, json => ControlJson.WriteFaults(json, emulator.Faults)).ConfigureAwait(false);
        });

        endpoints.MapGet(Prefix + "/statistics", context => ControlJson.WriteAsync(context, json => ControlJson.WriteStatistics(json, emulator.Statistics)));

        endpoints.MapPost(Prefix + "/reset", context =>
        {
            emulator.Reset();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });

        return endpoints;
    }
}
