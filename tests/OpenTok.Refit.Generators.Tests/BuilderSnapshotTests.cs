using OpenTok.Refit.Testing;

namespace OpenTok.Refit.Generators.Tests;

/// <summary>
/// Golden files of the generated source for representative records. Each input must also compile cleanly with its
/// generated code (XML docs checked), so a snapshot can never bless code that does not build.
/// </summary>
public sealed class BuilderSnapshotTests
{
    [Fact]
    public void Record_with_defaults_docs_and_rules()
    {
        var run = GeneratorHarness.Run("""
            using System;
            using OpenTok.Refit;

            namespace Sample.Options;

            /// <summary>Who a client is.</summary>
            public enum Role
            {
                /// <summary>Receives streams.</summary>
                Subscriber,

                /// <summary>Publishes and receives streams.</summary>
                Publisher,
            }

            /// <summary>Options for a client token.</summary>
            [GenerateBuilder]
            public sealed partial record TokenOptions
            {
                /// <summary>The <see cref="Sample.Options.Role"/> the client gets.</summary>
                public Role Role { get; init; } = Role.Publisher;

                /// <summary>
                /// Connection data, readable by every client
                /// (at most 1000 characters).
                /// </summary>
                public string? Data { get; init; }

                /// <summary>How long the token lasts.</summary>
                public TimeSpan ExpiresIn { get; init; } = TimeSpan.FromDays(1);

                /// <summary>Optional priority, when set.</summary>
                public int? Priority { get; init; }

                /// <summary>The name shown for the client.</summary>
                public string Name { get; set; } = "guest";

                /// <summary>Computed, so the builder skips it.</summary>
                public bool HasData => Data is not null;

                /// <summary>Checks the token options' rules.</summary>
                public void Validate()
                {
                    if (Data?.Length > 1000)
                    {
                        throw new ArgumentOutOfRangeException(nameof(Data), "Data is at most 1000 characters.");
                    }
                }
            }
            """);

        run.AssertClean();
        Snapshot.Match(run.SingleSource);
    }

    [Fact]
    public void Record_without_docs_or_rules_gets_generated_sentences()
    {
        var run = GeneratorHarness.Run("""
            using OpenTok.Refit;

            namespace Sample;

            [GenerateBuilder]
            internal partial record Plain
            {
                public string Text { get; init; } = "";

                public int Count { get; init; } = 3;

                public string ReadOnlyInside { get; private init; } = "kept";

                internal string NotPublic { get; init; } = "";
            }
            """);

        run.AssertClean();
        Snapshot.Match(run.SingleSource);
    }

    [Fact]
    public void Collections_get_Add_methods()
    {
        var run = GeneratorHarness.Run("""
            using System;
            using System.Collections.Generic;
            using System.Collections.Immutable;
            using OpenTok.Refit;

            namespace Sample;

            [GenerateBuilder]
            internal sealed partial record Layout
            {
                public IReadOnlyList<string> InitialLayoutClassList { get; init; } = [];

                public string[]? ExcludedStreamIds { get; init; }

                public List<int> Streams { get; init; } = [];

                public IEnumerable<Guid> Policies { get; init; } = [];

                public IList<string?> Addresses { get; init; } = [];

                public ImmutableArray<long> Sizes { get; init; }

                public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

                public ImmutableDictionary<string, int>? Limits { get; init; }

                public string Status { get; init; } = "";
            }
            """);

        run.AssertClean();
        Snapshot.Match(run.SingleSource);
    }

    [Fact]
    public void Nested_record_repeats_its_containing_types()
    {
        var run = GeneratorHarness.Run("""
            using OpenTok.Refit;

            namespace Sample;

            internal static partial class Outer
            {
                internal partial struct Middle
                {
                    [GenerateBuilder]
                    internal sealed partial record Options
                    {
                        public string? Value { get; init; }
                    }
                }
            }
            """);

        run.AssertClean();
        Assert.Equal("Sample.Outer.Middle.Options.Builder.g.cs", Assert.Single(run.Result.Results.Single().GeneratedSources).HintName);
        Snapshot.Match(run.SingleSource);
    }

    [Fact]
    public void Generic_record_in_the_global_namespace()
    {
        var run = GeneratorHarness.Run("""
            using System.Collections.Generic;
            using OpenTok.Refit;

            [GenerateBuilder]
            internal sealed partial record Envelope<TPayload>
                where TPayload : class
            {
                public TPayload? Payload { get; init; }

                public IReadOnlyList<TPayload> History { get; init; } = [];
            }
            """);

        run.AssertClean();
        Assert.Equal("Envelope`1.Builder.g.cs", Assert.Single(run.Result.Results.Single().GeneratedSources).HintName);
        Snapshot.Match(run.SingleSource);
    }

    [Fact]
    public void Derived_record_hides_the_base_builder_and_inherits_properties_and_rules()
    {
        var run = GeneratorHarness.Run("""
            using System;
            using OpenTok.Refit;

            namespace Sample;

            [GenerateBuilder]
            internal partial record BaseOptions
            {
                public string Name { get; init; } = "base";

                protected void Validate()
                {
                    if (Name.Length == 0)
                    {
                        throw new ArgumentException("Name is required.", nameof(Name));
                    }
                }
            }

            [GenerateBuilder]
            internal sealed partial record DerivedOptions : BaseOptions
            {
                public int Level { get; init; } = 1;
            }
            """);

        run.AssertClean();
        Snapshot.Match(run.Source("Sample.DerivedOptions.Builder.g.cs"));
    }

    [Fact]
    public void Keyword_names_are_escaped()
    {
        var run = GeneratorHarness.Run("""
            using System.Collections.Generic;
            using OpenTok.Refit;

            namespace Sample;

            [GenerateBuilder]
            internal sealed partial record Keywords
            {
                public string Class { get; init; } = "";

                public IReadOnlyList<string> Events { get; init; } = [];
            }
            """);

        run.AssertClean();
        Snapshot.Match(run.SingleSource);
    }
}
