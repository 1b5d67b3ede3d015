using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using OpenTok.Refit.Http;
using OpenTok.Refit.Tokens;

namespace OpenTok.Refit.Emulator.Pipeline;

/// <summary>
/// Authenticates REST calls as the service does: the <c>{apiKey}</c> of the path must be the emulated project's,
/// and <c>X-OPENTOK-AUTH</c> must be a project JWT that <see cref="RestJwt.Validate"/> accepts now. Only endpoints
/// marked with <see cref="RestAuthenticationEndpointExtensions.RequireRestAuthentication{TBuilder}"/> are checked: the archive files are not, as their
/// urls carry a signature of their own. Refusals are 403 with the error body.
/// </summary>
internal sealed class RestAuthentication
{
    private readonly OpenTokEmulatorOptions _options;
    private readonly TimeProvider _clock;
    private readonly RequestCounters _counters;

    /// <param name="options">The project's key and secret, and the clock skew allowed.</param>
    /// <param name="clock">The emulated service's clock, which decides whether a JWT has expired.</param>
    /// <param name="counters">Where refusals are counted.</param>
    public RestAuthentication(OpenTokEmulatorOptions options, TimeProvider clock, RequestCounters counters)
    {
        _options = options;
        _clock = clock;
        _counters = counters;
    }

    /// <summary>The stage itself; it runs after routing, to see the endpoint's metadata and the path's <c>{apiKey}</c>.</summary>
    public Task AuthenticateAsync(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint()?.Metadata.Contains(RestAuthenticationEndpointExtensions.Marker) != true)
        {
            return next(context);
        }

        if (context.Request.RouteValues.TryGetValue("apiKey", out var pathKey) && !string.Equals(pathKey as string, _options.ApiKey, StringComparison.Ordinal))
        {
            _counters.CountAuthenticationFailure();
            throw ApiErrorException.Forbidden($"You are not authorized to access project {Arguments.Quote(pathKey as string)}: this emulator serves project {_options.ApiKey} only.");
        }

        var header = context.Request.Headers[OpenTokAuthHandler.AuthHeaderName];
        if (StringValues.IsNullOrEmpty(header))
        {
            _counters.CountAuthenticationFailure();
            throw ApiErrorException.Forbidden($"Authentication failed: the {OpenTokAuthHandler.AuthHeaderName} header is missing.");
        }

        var validation = RestJwt.Validate(header.ToString(), _options.ApiKey, _options.ApiSecret, RestJwtIssuerType.Project, _clock.GetUtcNow(), _options.AllowedClockSkew);
        if (!validation.IsValid)
        {
            _counters.CountAuthenticationFailure();
            throw ApiErrorException.Forbidden($"Authentication failed: {validation.Failure}");
        }

        return next(context);
    }
}

/// <summary>Lets an area mark its REST endpoints where it maps them: <c>endpoints.MapGet(…).RequireRestAuthentication()</c>.</summary>
internal static class RestAuthenticationEndpointExtensions
{
    /// <summary>The endpoint metadata that asks for authentication.</summary>
    internal static readonly object Marker = new();

    /// <summary>Marks an endpoint as part of the REST API, so that calls to it must carry a valid <c>X-OPENTOK-AUTH</c>.</summary>
    public static TBuilder RequireRestAuthentication<TBuilder>(this TBuilder endpoint)
        where TBuilder : IEndpointConventionBuilder => endpoint.WithMetadata(Marker);
}
