using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace OpenTok.Refit.Emulator.Pipeline;

/// <summary>Route values and query parameters, parsed by the service's rules: a value that does not parse is a 400 naming it, never a 500.</summary>
internal static class RequestValues
{
    /// <summary>A route value that must be a UUID (<c>{archiveId}</c>, <c>{broadcastId}</c>, …).</summary>
    /// <param name="context">The request.</param>
    /// <param name="name">The route parameter, e.g. <c>archiveId</c>.</param>
    /// <param name="description">How the error message names it, e.g. <c>archive ID</c>.</param>
    /// <exception cref="ApiErrorException">400: the value is not a UUID.</exception>
    public static Guid RouteGuid(this HttpContext context, string name, string description) =>
        Guid.TryParseExact(context.Request.RouteValues[name] as string, "D", out var id)
            ? id
            : throw ApiErrorException.BadRequest($"Invalid {description}: {Arguments.Quote(context.Request.RouteValues[name] as string)} is not a UUID.");

    /// <summary>An optional integer query parameter within a range.</summary>
    /// <exception cref="ApiErrorException">400: present but not an integer from <paramref name="min"/> to <paramref name="max"/>.</exception>
    public static int QueryInt(this HttpContext context, string name, int defaultValue, int min, int max)
    {
        if (!context.Request.Query.TryGetValue(name, out var values) || StringValues.IsNullOrEmpty(values))
        {
            return defaultValue;
        }

        return int.TryParse(values.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw ApiErrorException.BadRequest($"{name} must be an integer from {min} to {max}; {Arguments.Quote(values.ToString())} is not.");
    }

    /// <summary>An optional string query parameter; <see langword="null"/> when absent or empty.</summary>
    public static string? QueryString(this HttpContext context, string name) =>
        context.Request.Query.TryGetValue(name, out var value) && !StringValues.IsNullOrEmpty(value) ? value.ToString() : null;
}
