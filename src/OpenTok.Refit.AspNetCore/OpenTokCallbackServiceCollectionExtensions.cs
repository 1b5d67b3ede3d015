using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OpenTok.Refit;

/// <summary>
/// Registers what <c>MapOpenTokCallbacks</c> needs: <see cref="OpenTokCallbackOptions"/> (bound and validated when
/// the app starts) and the <see cref="IOpenTokEventHandler"/>s that receive the events.
/// </summary>
public static class OpenTokCallbackServiceCollectionExtensions
{
    /// <summary>Binds the callback options from configuration (e.g. the <c>OpenTok:Callbacks</c> section).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section holding <c>MaxBodySize</c> and <c>SignatureSecret</c>.</param>
    /// <returns>The services, to chain.</returns>
    public static IServiceCollection AddOpenTokCallbacks(this IServiceCollection services, IConfiguration configuration) =>
        services.AddOpenTokCallbacks(Options.DefaultName, configuration);

    /// <summary>Sets the callback options in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The services, to chain.</returns>
    public static IServiceCollection AddOpenTokCallbacks(this IServiceCollection services, Action<OpenTokCallbackOptions> configure) =>
        services.AddOpenTokCallbacks(Options.DefaultName, configure);

    /// <summary>
    /// Binds the options of one of several callback endpoints under a name, for callback types signed with different
    /// secrets; pass the same name to <c>MapOpenTokCallbacks(pattern, optionsName: name)</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The options' name.</param>
    /// <param name="configuration">The section holding <c>MaxBodySize</c> and <c>SignatureSecret</c>.</param>
    /// <returns>The services, to chain.</returns>
    public static IServiceCollection AddOpenTokCallbacks(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        AddValidatedOptions(services, name).Bind(configuration);
        return services;
    }

    /// <summary>Sets the options of one of several callback endpoints, under a name, in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The options' name.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The services, to chain.</returns>
    public static IServiceCollection AddOpenTokCallbacks(this IServiceCollection services, string name, Action<OpenTokCallbackOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        AddValidatedOptions(services, name).Configure(configure);
        return services;
    }

    /// <summary>Registers a handler for every callback event (scoped: one instance per request).</summary>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <param name="services">The services.</param>
    /// <returns>The services, to chain.</returns>
    public static IServiceCollection AddOpenTokEventHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this IServiceCollection services)
        where THandler : class, IOpenTokEventHandler
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IOpenTokEventHandler, THandler>());
        return services;
    }

    private static OptionsBuilder<OpenTokCallbackOptions> AddValidatedOptions(IServiceCollection services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpenTokCallbackOptions>, OpenTokCallbackOptionsValidator>());
        return services.AddOptions<OpenTokCallbackOptions>(name).ValidateOnStart();
    }

    /// <summary>Runs <see cref="OpenTokCallbackOptions.Validate"/> for every named registration and reports its message.</summary>
    private sealed class OpenTokCallbackOptionsValidator : IValidateOptions<OpenTokCallbackOptions>
    {
        public ValidateOptionsResult Validate(string? name, OpenTokCallbackOptions options)
        {
            try
            {
                options.Validate();
                return ValidateOptionsResult.Success;
            }
            catch (OpenTokArgumentException e)
            {
                return ValidateOptionsResult.Fail($"OpenTok callback options{(string.IsNullOrEmpty(name) ? "" : $" '{name}'")}: {e.Message}");
            }
        }
    }
}
