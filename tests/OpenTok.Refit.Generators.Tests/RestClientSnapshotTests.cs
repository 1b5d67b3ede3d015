using OpenTok.Refit.Generators.RestClients;
using OpenTok.Refit.Testing;

namespace OpenTok.Refit.Generators.Tests;

/// <summary>
/// Golden files of the generated REST clients for representative interfaces, and for the library's real ones. Each
/// input must compile cleanly with its generated code against the real OpenTok.Refit assembly (so RestClientRuntime and
/// RestFields resolve and their overloads are checked), with XML docs checked, so a snapshot never blesses code that
/// does not build.
/// </summary>
public sealed class RestClientSnapshotTests
{
    [Fact]
    public void Json_bodies_path_parameters_and_Task_results()
    {
        var run = Run("""
            using System.Threading;
            using System.Threading.Tasks;
            using OpenTok.Refit.Http;

            namespace Sample.Api;

            internal sealed record Broadcast(string Id, string Status);

            internal sealed record StartBroadcast(string SessionId);

            internal sealed record BroadcastLayout(string Type);

            /// <summary>Broadcasts.</summary>
            [GenerateRestClient]
            internal interface IBroadcastsApi
            {
                /// <summary>Starts one.</summary>
                /// <param name="apiKey">The project.</param>
                /// <param name="body">What to start.</param>
                /// <param name="cancellationToken">Cancels the call.</param>
                /// <returns>The broadcast.</returns>
                [Post("/v2/project/{apiKey}/broadcast")]
                Task<Broadcast> StartBroadcastAsync(string apiKey, [Body] StartBroadcast body, CancellationToken cancellationToken = default);

                /// <summary>Reads one.</summary>
                /// <param name="apiKey">The project.</param>
                /// <param name="broadcastId">The broadcast.</param>
                /// <param name="cancellationToken">Cancels the call.</param>
                /// <returns>The broadcast.</returns>
                [Get("/v2/project/{apiKey}/broadcast/{broadcastId}")]
                Task<Broadcast> GetBroadcastAsync(string apiKey, string broadcastId, CancellationToken cancellationToken = default);

                /// <summary>Changes its layout; the body comes before the path values.</summary>
                /// <param name="layout">The layout.</param>
                /// <param name="apiKey">The project.</param>
                /// <param name="broadcastId">The broadcast.</param>
                /// <param name="cancellationToken">Cancels the call.</param>
                /// <returns>A task.</returns>
                [Put("/v2/project/{apiKey}/broadcast/{broadcastId}/layout")]
                Task SetLayoutAsync([Body(BodySerializationMethod.Json)] BroadcastLayout layout, string apiKey, string broadcastId, CancellationToken cancellationToken);

                /// <summary>Stops one: a path that ends in literal text.</summary>
                /// <param name="apiKey">The project.</param>
                /// <param name="broadcastId">The broadcast.</param>
                /// <param name="cancellationToken">Cancels the call.</param>
                /// <returns>A task.</returns>
                [Delete("/v2/project/{apiKey}/broadcast/{broadcastId}/stop")]
                Task StopBroadcastAsync(string apiKey, string broadcastId, CancellationToken cancellationToken = default);

                /// <summary>A path that is all literal, a nullable struct body and no cancellation token.</summary>
                /// <param name="delay">The delay.</param>
                /// <returns>A task.</returns>
                [Patch("/v2/settings")]
                Task PatchSettingsAsync([Body] int? delay);

                /// <summary>A value-type body, which needs no null check.</summary>
                /// <param name="count">The count.</param>
                /// <returns>The new count.</returns>
                [Post("/v2/counter")]
                Task<int> SetCounterAsync([Body] int count);
            }
            """);

        run.AssertClean();
        Assert.Equal("Sample.Api.BroadcastsApiClient.g.cs", Assert.Single(run.Result.Results.Single().GeneratedSources).HintName);
        Snapshot.Match(run.SingleSource);
    }

    [Fact]
    public void Form_body_with_AliasAs_camelCase_inherited_and_keyword_properties()
    {
        var run = Run("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using OpenTok.Refit.Http;

            namespace Sample;

            internal enum Mode { Relayed, Routed }

            internal readonly record struct Resolution(string Value)
            {
                public override string ToString() => Value;
            }

            internal record FormBase
            {
                public string? Location { get; init; }

                public virtual string? Name { get; init; }
            }

            internal sealed record SessionForm : FormBase
            {
                [AliasAs("p2p.preference")]
                public string? P2pPreference { get; init; }

                [AliasAs("e2ee")]
                public bool? EndToEndEncryption { get; init; }

                public int MaxDuration { get; init; } = 7200;

                public Mode Mode { get; init; }

                public Resolution? ArchiveResolution { get; init; }

                public Guid? ID { get; init; }

                public string? @class { get; init; }

                public override string? Name { get; init; }

                public string WriteOnly { set { } }

                public string? InternalRead { internal get; init; }

                internal string? NotPublic { get; init; }

                public static string? Static { get; set; }

                public string this[int index] => "";
            }

            internal sealed record Created(string Id);

            internal sealed class EmptyForm;

            [GenerateRestClient]
            internal interface ISessionsApi
            {
                [Post("/session/create")]
                [Headers("Accept: application/json")]
                Task<Created[]> CreateSessionAsync([Body(BodySerializationMethod.UrlEncoded)] SessionForm body, CancellationToken cancellationToken = default);

                [Post("/session/touch")]
                Task TouchAsync([Body(BodySerializationMethod.UrlEncoded)] EmptyForm form);
            }
            """);

        run.AssertClean();
        Snapshot.Match(run.SingleSource);
    }

    [Fact]
    public void Query_parameters_with_AliasAs_nullable_values_and_defaults()
    {
        var run = Run("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using OpenTok.Refit.Http;

            namespace Sample;

            internal enum Order { Oldest = 1, Newest = 2 }

            [Flags]
            internal enum Include { None = 0, Streams = 1, Layout = 2 }

            internal sealed record Page(int Count);

            [GenerateRestClient]
            internal interface IListsApi
            {
                [Get("/v2/project/{apiKey}/archive")]
                Task<Page> ListAsync(
                    string apiKey,
                    [Query] int? offset = null,
                    [Query] int? count = null,
                    [Query][AliasAs("sessionId")] string? session = null,
                    bool? includeDeleted = null,
                    CancellationToken cancellationToken = default);

                [Get("/v2/search")]
                Task<Page> SearchAsync(
                    string text,
                    long since,
                    double ratio,
                    DateTimeOffset? after,
                    Order order = Order.Newest,
                    int limit = 50,
                    long big = 5_000_000_000,
                    uint small = 7u,
                    float weight = 0.5f,
                    decimal price = 1.25m,
                    char separator = ',',
                    string label = "a \"quoted\" label",
                    bool strict = true,
                    Order? maybe = null,
                    Include include = Include.Streams | Include.Layout,
                    Order? preferred = Order.Oldest,
                    double threshold = double.NaN,
                    float ceiling = float.PositiveInfinity,
                    double floor = double.NegativeInfinity,
                    double negative = -0.25,
                    sbyte tiny = -3,
                    ulong huge = ulong.MaxValue,
                    string? escaped = "tab\there\u00e9",
                    [AliasAs("x-y")] string? hyphen = null);
            }
            """);

        run.AssertClean();
        Snapshot.Match(run.SingleSource);
    }

    [Fact]
    public void Headers_on_interface_method_and_parameter()
    {
        var run = Run("""
            using System.Threading;
            using System.Threading.Tasks;
            using OpenTok.Refit.Http;

            namespace Sample;

            [GenerateRestClient]
            [Headers("Accept: application/json", "X-Client: sdk", "X-Trace:  off  ")]
            internal interface IHeadersApi
            {
                [Get("/v2/interface-only")]
                Task InterfaceHeadersOnlyAsync(CancellationToken cancellationToken = default);

                [Get("/v2/method")]
                [Headers("x-client: method-wins", "X-Extra: value: with colon")]
                Task MethodHeadersAsync(CancellationToken cancellationToken = default);

                [Post("/v2/parameter")]
                [Headers("Idempotency-Key: fixed")]
                Task ParameterHeadersAsync(
                    [Header("Idempotency-Key")] string? idempotencyKey,
                    [Header("X-Request-Id")] string requestId,
                    CancellationToken cancellationToken = default);
            }
            """);

        run.AssertClean();
        Snapshot.Match(run.SingleSource);
    }

    [Fact]
    public void Parameters_named_like_generated_locals_or_keywords_and_path_aliases()
    {
        var run = Run("""
            using System.Threading;
            using System.Threading.Tasks;
            using OpenTok.Refit.Http;

            namespace Sample;

            internal sealed record Item(string Name);

            [GenerateRestClient]
            internal interface IClashApi
            {
                [Post("/v2/{event}/items/{id}")]
                Task<Item> @CreateAsync(
                    string @event,
                    [AliasAs("id")] string itemId,
                    string path,
                    string? request,
                    string? __path,
                    string? _httpClient,
                    string? _jsonOptions,
                    [Body] Item @class,
                    CancellationToken token);
            }
            """);

        run.AssertClean();
        Snapshot.Match(run.SingleSource);
    }

    [Fact]
    public void Interfaces_in_the_global_namespace_and_nested_in_a_class()
    {
        var run = Run("""
            using System.Threading.Tasks;
            using OpenTok.Refit.Http;

            [GenerateRestClient]
            internal interface IGlobalApi
            {
                [Get("/ping")]
                Task PingAsync();

                // Not endpoints: a default implementation and a static helper need no generated code.
                Task PingTwiceAsync() => PingAsync();

                static string Describe() => "global";
            }

            namespace Sample
            {
                internal static class Outer
                {
                    [GenerateRestClient]
                    internal interface INestedApi
                    {
                        [Get("/nested")]
                        Task<string> ReadAsync();
                    }
                }
            }
            """);

        run.AssertClean();
        var sources = run.Result.Results.Single().GeneratedSources.OrderBy(source => source.HintName, StringComparer.Ordinal).ToList();
        Assert.Equal(["GlobalApiClient.g.cs", "Sample.Outer.NestedApiClient.g.cs"], sources.Select(source => source.HintName));
        Snapshot.Match(string.Join("\n", sources.Select(source => "// ---- " + source.HintName + " ----\n" + source.SourceText)));
    }

    [Fact]
    public void The_real_sessions_and_archives_interfaces()
    {
        var api = Path.Combine(RepositoryRoot(), "src", "OpenTok.Refit", "Api");
        var run = Run(File.ReadAllText(Path.Combine(api, "ISessionsApi.cs")), File.ReadAllText(Path.Combine(api, "IArchivesApi.cs")), ImplicitUsings);

        // CS0436: the sources declare the interfaces that the referenced OpenTok.Refit assembly holds too; the local ones win.
        run.AssertClean(tolerated: "CS0436");
        var sources = run.Result.Results.Single().GeneratedSources.OrderBy(source => source.HintName, StringComparer.Ordinal).ToList();
        Assert.Equal(["OpenTok.Refit.Api.ArchivesApiClient.g.cs", "OpenTok.Refit.Api.SessionsApiClient.g.cs"], sources.Select(source => source.HintName));
        Snapshot.Match(string.Join("\n", sources.Select(source => "// ---- " + source.HintName + " ----\n" + source.SourceText)));
    }

    [Theory]
    [InlineData("IArchivesApi", "ArchivesApiClient")]
    [InlineData("ISessionsApi", "SessionsApiClient")]
    [InlineData("Ideas", "IdeasClient")]
    [InlineData("Api", "ApiClient")]
    [InlineData("I", "IClient")]
    public void The_client_is_named_after_the_interface_without_its_I_prefix(string interfaceName, string className) =>
        Assert.Equal(className, RestClientParser.ClassName(interfaceName));

    // What <ImplicitUsings>enable</ImplicitUsings> gives the library (Microsoft.NET.Sdk), which its sources rely on.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static GeneratorRun Run(params string[] sources) => GeneratorHarness.Run(new RestClientGenerator(), sources);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OpenTok.Refit.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find OpenTok.Refit.sln above the test binaries; run the tests from a checkout of the sources.");
    }
}
