using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Http.Resilience;
using OpenTok.Refit.Http;
using Polly;

namespace OpenTok.Refit;

/// <summary>
/// Registers OpenTok with dependency injection: options bound and validated at start, an <see cref="HttpClient"/>
/// from <see cref="IHttpClientFactory"/> with the resilience, telemetry and auth handlers, and
/// <see cref="OpenTokClient"/> with its area clients (<see cref="IArchivesClient"/>, <see cref="IBroadcastsClient"/>, <see cref="ISessionsClient"/>, <see cref="ISignalsClient"/>,
/// <see cref="IModerationClient"/>, <see cref="IStreamsClient"/>, <see cref="IConnectionsClient"/>, …).
/// </summary>
public static class OpenTokServiceCollectionExtensions
{
    /// <summary>The name of the default registration's options and HttpClient.</summary>
    public const string DefaultName = "OpenTok";

    /// <summary>Registers OpenTok with options bound from configuration (e.g. the <c>OpenTok</c> section).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section holding <c>ApiKey</c> and <c>ApiSecret</c> (or <c>ApplicationId</c> and <c>PrivateKey</c>/<c>PrivateKeyPath</c>), <c>BaseAddress</c>, <c>Resilience</c>, ….</param>
    /// <returns>The HttpClient builder, to add handlers of your own (they run inside the auth handler, once per attempt).</returns>
    public static IHttpClientBuilder AddOpenTok(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddOpenTokCore(DefaultName, keyed: false, builder => builder.Bind(configuration));
    }

    /// <summary>Registers OpenTok with options set in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HttpClient builder, to add handlers of your own (they run inside the auth handler, once per attempt).</returns>
    public static IHttpClientBuilder AddOpenTok(this IServiceCollection services, Action<OpenTokOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddOpenTokCore(DefaultName, keyed: false, builder => builder.Configure(configure));
    }

    /// <summary>
    /// Registers one of several OpenTok projects under a name: resolve it with
    /// <c>[FromKeyedServices("name")] OpenTokClient client</c> or <c>GetRequiredKeyedService&lt;OpenTokClient&gt;("name")</c>
    /// (its area clients likewise, e.g. <c>[FromKeyedServices("name")] IArchivesClient archives</c>).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The project's registration name.</param>
    /// <param name="configuration">The section holding the project's options.</param>
    /// <returns>The HttpClient builder, to add handlers of your own.</returns>
    public static IHttpClientBuilder AddOpenTok(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddOpenTokCore(name, keyed: true, builder => builder.Bind(configuration));
    }

    /// <summary>Registers one of several OpenTok projects under a name, with options set in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The project's registration name.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HttpClient builder, to add handlers of your own.</returns>
    public static IHttpClientBuilder AddOpenTok(this IServiceCollection services, string name, Action<OpenTokOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddOpenTokCore(name, keyed: true, builder => builder.Configure(configure));
    }

    /// <summary>
    /// The one place the HTTP pipeline is assembled, for <c>AddOpenTok</c> and for <c>new OpenTokClient(...)</c> (which
    /// runs it in a private container): resilience ▸ telemetry ▸ auth ▸ the user's handlers ▸ the socket.
    /// </summary>
    internal static IHttpClientBuilder AddOpenTokCore(this IServiceCollection services, string name, bool keyed, Action<OptionsBuilder<OpenTokOptions>> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        var optionsBuilder = services.AddOptions<OpenTokOptions>(name);
        configure(optionsBuilder);
        optionsBuilder.ValidateOnStart();
        services.AddSingleton<IValidateOptions<OpenTokOptions>>(new OpenTokOptionsValidator(name));

        // Shared by every handler chain the factory makes for this name, so the learned clock offset and the
        // circuit's state survive handler rotation.
        services.AddKeyedSingleton(name, (sp, _) => new ServerClock(TimeProviderOf(sp)));
        // The application's RSA key is imported once, here, and disposed with the container.
        services.AddKeyedSingleton(name, (sp, _) => OpenTokCredentials.From(OptionsOf(sp, name)));
        services.AddKeyedSingleton(name, (sp, _) => OpenTokResilience.CreatePipeline(OptionsOf(sp, name).Resilience, TimeProviderOf(sp)));

        var httpClient = services.AddHttpClient(name, (sp, client) =>
        {
            var options = OptionsOf(sp, name);
            client.BaseAddress = OpenTokClient.HttpBaseAddress(options.ResolvedBaseAddress);
            // The resilience pipeline owns timeouts when it runs (HttpClient's own would cut a call short between
            // retries); HttpClient's default 100 s applies when it is off.
            client.Timeout = options.Resilience.Enabled ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(100);
        });

        // The telemetry handler below logs every attempt already (without headers); the factory's own request
        // loggers would log each call twice more.
        httpClient.RemoveAllLoggers();

        // One long-lived socket handler that recycles its connections (so DNS changes are seen) instead of the
        // factory rotating whole handlers; no cookies, which an API client has no use for and which cost every call.
        httpClient
            .UseSocketsHttpHandler((handler, _) =>
            {
                handler.PooledConnectionLifetime = TimeSpan.FromMinutes(5);
                handler.UseCookies = false;
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        // Resilience outermost, so every retry goes through telemetry and a freshly signed auth header. The handler is
        // Microsoft.Extensions.Http.Resilience's, over a pipeline built here rather than with AddResilienceHandler:
        // that registry wraps every call in Polly's metering and log enrichment, which measured ~45 µs a call on a
        // loopback round trip of ~100 µs; the telemetry handler reports attempts already.
        httpClient
            .AddHttpMessageHandler(sp => new ResilienceHandler(sp.GetRequiredKeyedService<ResiliencePipeline<HttpResponseMessage>>(name)))
            .AddHttpMessageHandler(sp => new OpenTokTelemetryHandler(sp.GetRequiredService<ILoggerFactory>().CreateLogger<OpenTokClient>()))
            .AddHttpMessageHandler(sp => new OpenTokAuthHandler(CredentialsOf(sp, name), sp.GetRequiredKeyedService<ServerClock>(name), OptionsOf(sp, name).UserAgentSuffix));

        OpenTokClient CreateClient(IServiceProvider sp) => new(OptionsOf(sp, name), CredentialsOf(sp, name), HttpClientOf(sp, name), TimeProviderOf(sp));

        if (keyed)
        {
            services.AddKeyedTransient(name, (sp, _) => CreateClient(sp));
            services.AddKeyedTransient(name, (sp, key) => sp.GetRequiredKeyedService<OpenTokClient>(key).Archives);
            services.AddKeyedTransient(name, (sp, key) => sp.GetRequiredKeyedService<OpenTokClient>(key).Sessions);
            services.AddKeyedTransient(name, (sp, key) => sp.GetRequiredKeyedService<OpenTokClient>(key).Broadcasts);
            services.AddKeyedTransient(name, (sp, key) => sp.GetRequiredKeyedService<OpenTokClient>(key).Signals);
            services.AddKeyedTransient(name, (sp, key) => sp.GetRequiredKeyedService<OpenTokClient>(key).Moderation);
            services.AddKeyedTransient(name, (sp, key) => sp.GetRequiredKeyedService<OpenTokClient>(key).Streams);
            services.AddKeyedTransient(name, (sp, key) => sp.GetRequiredKeyedService<OpenTokClient>(key).Connections);
            services.AddKeyedTransient(name, (sp, key) => sp.GetRequiredKeyedService<OpenTokClient>(key).ExperienceComposer);
            services.AddKeyedTransient(name, (sp, key) => sp.GetRequiredKeyedService<OpenTokClient>(key).Callbacks);
            services.AddKeyedTransient(name, (sp, key) => sp.GetRequiredKeyedService<OpenTokClient>(key).Projects);
            services.AddKeyedTransient(name, (sp, key) => sp.GetRequiredKeyedService<OpenTokClient>(key).Sip);
            services.AddKeyedTransient(name, (sp, key) => sp.GetRequiredKeyedService<OpenTokClient>(key).AudioConnector);
            services.AddKeyedTransient(name, (sp, key) => sp.GetRequiredKeyedService<OpenTokClient>(key).Captions);
        }
        else
        {
            services.AddTransient(CreateClient);
            services.AddTransient(sp => sp.GetRequiredService<OpenTokClient>().Archives);
            services.AddTransient(sp => sp.GetRequiredService<OpenTokClient>().Sessions);
            services.AddTransient(sp => sp.GetRequiredService<OpenTokClient>().Broadcasts);
            services.AddTransient(sp => sp.GetRequiredService<OpenTokClient>().Signals);
            services.AddTransient(sp => sp.GetRequiredService<OpenTokClient>().Moderation);
            services.AddTransient(sp => sp.GetRequiredService<OpenTokClient>().Streams);
            services.AddTransient(sp => sp.GetRequiredService<OpenTokClient>().Connections);
            services.AddTransient(sp => sp.GetRequiredService<OpenTokClient>().ExperienceComposer);
            services.AddTransient(sp => sp.GetRequiredService<OpenTokClient>().Callbacks);
            services.AddTransient(sp => sp.GetRequiredService<OpenTokClient>().Projects);
            services.AddTransient(sp => sp.GetRequiredService<OpenTokClient>().Sip);
            services.AddTransient(sp => sp.GetRequiredService<OpenTokClient>().AudioConnector);
            services.AddTransient(sp => sp.GetRequiredService<OpenTokClient>().Captions);
        }

        return httpClient;
    }

    private static OpenTokOptions OptionsOf(IServiceProvider sp, string name) => sp.GetRequiredService<IOptionsMonitor<OpenTokOptions>>().Get(name);

    private static OpenTokCredentials CredentialsOf(IServiceProvider sp, string name) => sp.GetRequiredKeyedService<OpenTokCredentials>(name);

    private static HttpClient HttpClientOf(IServiceProvider sp, string name) => sp.GetRequiredService<IHttpClientFactory>().CreateClient(name);

    private static TimeProvider TimeProviderOf(IServiceProvider sp) => sp.GetService<TimeProvider>() ?? TimeProvider.System;

    /// <summary>Runs <see cref="OpenTokOptions.Validate"/> for one named registration and reports its message.</summary>
    private sealed class OpenTokOptionsValidator(string name) : IValidateOptions<OpenTokOptions>
    {
        public ValidateOptionsResult Validate(string? optionsName, OpenTokOptions options)
        {
            if (optionsName != name)
            {
                return ValidateOptionsResult.Skip;
            }

            try
            {
                options.Validate();
                return ValidateOptionsResult.Success;
            }
            catch (OpenTokArgumentException e)
            {
                return ValidateOptionsResult.Fail($"OpenTok options '{name}': {e.Message}");
            }
        }
    }
}
