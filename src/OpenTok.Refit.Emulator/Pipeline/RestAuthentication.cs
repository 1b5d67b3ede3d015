using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using OpenTok.Refit.Http;
using OpenTok.Refit.Tokens;

namespace OpenTok.Refit.Emulator.Pipeline;

/// <summary>
/// Authenticates REST calls as the service does: the <c>{apiKey}</c> of the path must be the emulated project's,
/// and <c>X-OPENTOK-AUTH</c> must be a project JWT that <see cref="RestJwt.Validate"/> accepts now (403 otherwise) —
/// or, for an emulated Vonage application, <c>Authorization: Bearer</c> an RS256 JWT that
/// <see cref="ApplicationTokens.ValidateRestJwt"/> accepts (401 otherwise). Only endpoints
/// marked with <see cref="RestAuthenticationEndpointExtensions.RequireRestAuthentication{TBuilder}"/> are checked: the archive files are not, as their
/// urls carry a signature of their own. Refusals are 403 with the error body.
/// </summary>
internal sealed class RestAuthentication
{
    private readonly OpenTokEmulatorOptions _options;
    private readonly TimeProvider _clock;
    private readonly RequestCounters _counters;
    private readonly System.Security.Cryptography.RSA? _applicationKey;

    /// <param name="options">The project's key and secret, and the clock skew allowed.</param>
    /// <param name="clock">The emulated service's clock, which decides whether a JWT has expired.</param>
    /// <param name="counters">Where refusals are counted.</param>
    /// <param name="applicationKey">In application mode, the application's key, whose public half checks bearer JWTs; else <see langword="null"/>.</param>
    public RestAuthentication(OpenTokEmulatorOptions options, TimeProvider clock, RequestCounters counters, System.Security.Cryptography.RSA? applicationKey)
    {
        _options = options;
        _clock = clock;
        _counters = counters;
        _applicationKey = applicationKey;
    }

    /// <summary>The stage itself; it runs after routing, to see the endpoint's metadata and the path's <c>{apiKey}</c>.</summary>
    public Task AuthenticateAsync(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint()?.Metadata.Contains(RestAuthenticationEndpointExtensions.Marker) != true)
        {
            return next(context);
        }

        if (context.Request.RouteValues.TryGetValue("apiKey", out var pathKey) && !string.Equals(pathKey as string, _options.ProjectId, StringComparison.Ordinal))
        {
            _counters.CountAuthenticationFailure();
            throw ApiErrorException.Forbidden($"You are not authorized to access project {Arguments.Quote(pathKey as string)}: this emulator serves project {_options.ProjectId} only.");
        }

        if (_applicationKey is not null)
        {
            AuthenticateApplication(context);
            return next(context);
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

    /// <summary>A Vonage application's call: <c>Authorization: Bearer</c> with an RS256 JWT signed by the application's key; 401 otherwise, as Vonage's APIs answer.</summary>
    private void AuthenticateApplication(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            _counters.CountAuthenticationFailure();
            throw ApiErrorException.Unauthorized(context.Request.Headers.ContainsKey(OpenTokAuthHandler.AuthHeaderName)
                ? "Authentication failed: this is a Vonage application; send Authorization: Bearer <RS256 JWT>, not X-OPENTOK-AUTH."
                : "Authentication failed: the Authorization: Bearer header is missing.");
        }

        var validation = ApplicationTokens.ValidateRestJwt(authorization["Bearer ".Length..], _options.ProjectId, _applicationKey!, _clock.GetUtcNow(), _options.AllowedClockSkew);
        if (!validation.IsValid)
        {
            _counters.CountAuthenticationFailure();
            throw ApiErrorException.Unauthorized($"Authentication failed: {validation.Failure}");
        }
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
