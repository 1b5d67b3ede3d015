using OpenTok.Refit.Generators.ExtensibleEnums;
using OpenTok.Refit.Testing;

namespace OpenTok.Refit.Generators.Tests;

/// <summary>
/// Golden files of the generated source for representative extensible enum structs and wire-value enums. Each input
/// must also compile cleanly with its generated code (XML docs checked), so a snapshot can never bless code that does
/// not build.
/// </summary>
public sealed class ExtensibleEnumSnapshotTests
{
    [Fact]
    public void Extensible_enum_with_documented_values()
    {
        var run = Run("""
            using OpenTok.Refit;

            namespace Sample.Archives;

            /// <summary>The status of an archive. Extensible: values the SDK does not know yet are kept as they are.</summary>
            [ExtensibleEnum]
            public readonly partial record struct ArchiveStatus
            {
                /// <summary>The archive is ready to download. Wire value <c>available</c>.</summary>
                [WireValue("available")] public static partial ArchiveStatus Available { get; }

                /// <summary>Recording. Wire value <c>started</c>.</summary>
                [WireValue("started")] public static partial ArchiveStatus Started { get; }

                /// <summary>640x480, landscape SD. Wire value <c>640x480</c>.</summary>
                [WireValue("640x480")] public static partial ArchiveStatus Sd { get; }

                /// <summary>A member of the author's own, which the generator leaves alone.</summary>
                public bool IsFinal => this == Available;
            }
            """);

        run.AssertClean();
        Assert.Equal("Sample.Archives.ArchiveStatus.ExtensibleEnum.g.cs", Assert.Single(run.Result.Results.Single().GeneratedSources).HintName);
        Snapshot.Match(run.SingleSource);
    }

    [Fact]
    public void Internal_extensible_enum_in_the_global_namespace_with_keyword_names_and_escaped_values()
    {
        var run = Run("""
            using OpenTok.Refit;

            [ExtensibleEnum]
            internal readonly partial record struct Token
            {
                [WireValue("class")] internal static partial Token @class { get; }

                [WireValue("say \"hi\"\\now")] public static partial Token Quoted { get; }

                [WireValue("<b>&amp;")] private static partial Token Markup { get; }
            }
            """);

        run.AssertClean();
        Assert.Equal("Token.ExtensibleEnum.g.cs", Assert.Single(run.Result.Results.Single().GeneratedSources).HintName);
        Snapshot.Match(run.SingleSource);
    }

    [Fact]
    public void Extensible_enum_without_known_values()
    {
        var run = Run("""
            namespace Sample;

            [OpenTok.Refit.ExtensibleEnum]
            internal readonly partial record struct Anything;
            """);

        run.AssertClean();
        Snapshot.Match(run.SingleSource);
    }

    [Fact]
    public void Wire_value_enum_with_documented_members()
    {
        var run = Run("""
            using OpenTok.Refit;

            namespace Sample.Tokens;

            /// <summary>What a client may do.</summary>
            [GenerateWireValues]
            public enum Role
            {
                /// <summary>Publishes and subscribes.</summary>
                [WireValue("publisher")]
                Publisher,

                /// <summary>Only subscribes.</summary>
                [WireValue("subscriber")]
                Subscriber,

                /// <summary>Publishes and moderates.</summary>
                [WireValue("moderator")]
                Moderator = 7,
            }
            """);

        run.AssertClean();
        Assert.Equal("Sample.Tokens.Role.WireValues.g.cs", Assert.Single(run.Result.Results.Single().GeneratedSources).HintName);
        Snapshot.Match(run.SingleSource);
    }

    [Fact]
    public void Internal_byte_enum_in_the_global_namespace_with_a_keyword_member_and_an_escaped_value()
    {
        var run = Run("""
            using OpenTok.Refit;

            [GenerateWireValues]
            internal enum Preference : byte
            {
                [WireValue("enabled")] @default = 1,

                [WireValue("dis\"abled\"")] Off = 200,
            }
            """);

        run.AssertClean();
        Assert.Equal("Preference.WireValues.g.cs", Assert.Single(run.Result.Results.Single().GeneratedSources).HintName);
        Snapshot.Match(run.SingleSource);
    }

    [Fact]
    public void Wire_value_enum_without_members()
    {
        var run = Run("""
            namespace Sample;

            [OpenTok.Refit.GenerateWireValues]
            internal enum Nothing
            {
            }
            """);

        run.AssertClean();
        Snapshot.Match(run.SingleSource);
    }

    private static GeneratorRun Run(string source) => GeneratorHarness.Run(new ExtensibleEnumGenerator(), source);
}
