using Microsoft.AspNetCore.Routing;
using OpenTok.Refit.Emulator.Areas.Archives;
using OpenTok.Refit.Emulator.Areas.Broadcasts;
using OpenTok.Refit.Emulator.Areas.Callbacks;
using OpenTok.Refit.Emulator.Areas.ExperienceComposer;
using OpenTok.Refit.Emulator.Areas.Projects;
using OpenTok.Refit.Emulator.Areas.Captions;
using OpenTok.Refit.Emulator.Areas.LiveSessions;
using OpenTok.Refit.Emulator.Areas.Sessions;
using OpenTok.Refit.Emulator.Areas.Sip;
using OpenTok.Refit.Emulator.Areas.AudioConnector;
using OpenTok.Refit.Emulator.State;

namespace OpenTok.Refit.Emulator.Areas;

/// <summary>
/// Every API area the emulator serves, one line each. An area is a folder beside this file holding its endpoints
/// (a <c>MapX</c> extension) and its store (an <see cref="IAreaStore{TSelf}"/>); adding one is adding its folder
/// and its line here.
/// </summary>
internal static class EmulatorAreas
{
    /// <summary>Maps every area's endpoints, after the pipeline's stages and before the catch-all 404.</summary>
    public static IEndpointRouteBuilder MapAreas(this IEndpointRouteBuilder endpoints, EmulatorState state)
    {
        endpoints.MapSessions(state);
        endpoints.MapArchives(state);
        endpoints.MapBroadcasts(state);
        endpoints.MapExperienceComposer(state);
        endpoints.MapCallbacks(state);
        endpoints.MapProjects(state);
        endpoints.MapCaptions(state);
        endpoints.MapLiveSessions(state);
        endpoints.MapSip(state);
        endpoints.MapAudioConnector(state);
        return endpoints;
    }
}
