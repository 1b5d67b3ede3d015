using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using OpenTok.Refit.Emulator.Areas.Projects;
using OpenTok.Refit.Emulator.State;
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
/// The project's secret and status are <see cref="ProjectStore"/>'s, read on every call: a refreshed secret works at
/// once and the old one stops working; a suspended or deleted project is refused. Project management's endpoints
/// (<see cref="RestAuthenticationEndpointExtensions.RequireAccountAuthentication{TBuilder}"/>) take the account's JWT
/// instead (<c>ist</c> = <c>account</c>, the account key and secret), and are refused in application mode.
/// </summary>
internal sealed class RestAuthentication
{
    private readonly OpenTokEmulatorOptions _options;
    private readonly TimeProvider _clock;
    private readonly RequestCounters _counters;
    private readonly System.Security.Cryptography.RSA? _applicationKey;
    private readonly ProjectStore _projects;

    /// <param name="state">The project's and the account's keys, the clock skew allowed, the emulated service's clock (which decides whether a JWT has expired), and the projects' secrets.</param>
    /// <param name="counters">Where refusals are counted.</param>
    /// <param name="applicationKey">In application mode, the application's key, whose public half checks bearer JWTs; else <see langword="null"/>.</param>
    public RestAuthentication(EmulatorState state, RequestCounters counters, System.Security.Cryptography.RSA? applicationKey)
    {
        _options = state.Options;
        _clock = state.Clock;
        _counters = counters;
        _applicationKey = applicationKey;
        _projects = state.Store<ProjectStore>();
    }

    /// <summary>The stage itself; it runs after routing, to see the endpoint's metadata and the path's <c>{apiKey}</c>.</summary>
    public Task AuthenticateAsync(HttpContext context, RequestDelegate next)
    {
        var metadata = context.GetEndpoint()?.Metadata;
        if (metadata?.Contains(RestAuthenticationEndpointExtensions.AccountMarker) == true)
        {
            AuthenticateAccount(context);
            return next(context);
        }

        if (metadata?.Contains(RestAuthenticationEndpointExtensions.Marker) != true)
        {
            return next(context);
        }

        if (context.Request.RouteValues.TryGetValue("apiKey", out var pathKey) && !string.Equals(pathKey as string, _options.ProjectId, StringComparison.Ordinal))
        {
            _counters.CountAuthenticationFailure();
            throw ApiErrorException.Forbidden(_applicationKey is null && pathKey is string otherProject && _projects.Credentials(otherProject) is not null
                ? $"Project {Arguments.Quote(otherProject)} belongs to this emulator's account, but the emulator serves REST calls for project {_options.ProjectId} only."
                : $"You are not authorized to access project {Arguments.Quote(pathKey as string)}: this emulator serves project {_options.ProjectId} only.");
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

        if (_projects.Credentials(_options.ApiKey) is not { } project)
        {
            _counters.CountAuthenticationFailure();
            throw ApiErrorException.Forbidden($"Authentication failed: project {_options.ApiKey} has been deleted from the account.");
        }

        var validation = RestJwt.Validate(header.ToString(), _options.ApiKey, project.Secret, RestJwtIssuerType.Project, _clock.GetUtcNow(), _options.AllowedClockSkew);
        if (!validation.IsValid)
        {
            _counters.CountAuthenticationFailure();
            throw ApiErrorException.Forbidden($"Authentication failed: {validation.Failure}");
        }

        if (project.Status == ProjectStatus.Suspended)
        {
            _counters.CountAuthenticationFailure();
            throw ApiErrorException.Forbidden($"Project {_options.ApiKey} is suspended; the account can make it active again.");
        }

        return next(context);
    }

    /// <summary>
    /// A project-management call: <c>X-OPENTOK-AUTH</c> must be an account JWT (<c>iss</c> = the account's key,
    /// <c>ist</c> = <c>account</c>, signed with its secret); 403 otherwise. A Vonage application has no OpenTok account:
    /// its calls are refused with 403 once its bearer JWT is checked (401 for a bad one, as on every endpoint).
    /// </summary>
    private void AuthenticateAccount(HttpContext context)
    {
        if (_applicationKey is not null)
        {
            AuthenticateApplication(context);
            throw ApiErrorException.Forbidden(
                "Project management is not available to a Vonage application: it exists only for OpenTok accounts, authenticated with the account's API key and secret (X-OPENTOK-AUTH with ist=account).");
        }

        var header = context.Request.Headers[OpenTokAuthHandler.AuthHeaderName];
        if (StringValues.IsNullOrEmpty(header))
        {
            _counters.CountAuthenticationFailure();
            throw ApiErrorException.Forbidden($"Authentication failed: the {OpenTokAuthHandler.AuthHeaderName} header is missing.");
        }

        var validation = RestJwt.Validate(header.ToString(), _options.AccountApiKey, _options.AccountApiSecret, RestJwtIssuerType.Account, _clock.GetUtcNow(), _options.AllowedClockSkew);
        if (!validation.IsValid)
        {
            _counters.CountAuthenticationFailure();
            throw ApiErrorException.Forbidden(
                $"Authentication failed: project management takes the account's JWT (iss = account API key {_options.AccountApiKey}, ist = account, signed with the account secret), not a project's. {validation.Failure}");
        }
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

    /// <summary>The endpoint metadata that asks for the account's authentication (project management).</summary>
    internal static readonly object AccountMarker = new();

    /// <summary>Marks an endpoint as part of the REST API, so that calls to it must carry a valid <c>X-OPENTOK-AUTH</c>.</summary>
    public static TBuilder RequireRestAuthentication<TBuilder>(this TBuilder endpoint)
        where TBuilder : IEndpointConventionBuilder => endpoint.WithMetadata(Marker);

    /// <summary>Marks an endpoint as part of the account's API (project management), so that calls to it must carry the account's <c>X-OPENTOK-AUTH</c> (<c>ist</c> = <c>account</c>).</summary>
    public static TBuilder RequireAccountAuthentication<TBuilder>(this TBuilder endpoint)
        where TBuilder : IEndpointConventionBuilder => endpoint.WithMetadata(AccountMarker);
}
