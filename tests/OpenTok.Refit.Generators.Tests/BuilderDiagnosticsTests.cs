using Microsoft.CodeAnalysis;

namespace OpenTok.Refit.Generators.Tests;

/// <summary>Each OTR diagnostic fires on the input it is for, points at the right code, says how to fix it, and stops generation.</summary>
public sealed class BuilderDiagnosticsTests
{
    [Fact]
    public void OTR001_type_is_not_partial()
    {
        var diagnostic = SingleDiagnostic("""
            [OpenTok.Refit.GenerateBuilder]
            public sealed record Options
            {
                public string? Data { get; init; }
            }
            """, "OTR001", pointsAt: "Options");

        Assert.Contains("Add the 'partial' modifier", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public sealed partial class Options { public string? Data { get; set; } }")]
    [InlineData("public abstract partial record Options { public string? Data { get; init; } }")]
    public void OTR002_type_is_not_a_concrete_record_class(string declaration)
    {
        var diagnostic = SingleDiagnostic("[OpenTok.Refit.GenerateBuilder]\n" + declaration, "OTR002", pointsAt: "Options");

        Assert.Contains("Declare it as a non-abstract 'partial record'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void OTR003_containing_type_is_not_partial()
    {
        var diagnostic = SingleDiagnostic("""
            public static class Outer
            {
                [OpenTok.Refit.GenerateBuilder]
                public sealed partial record Options
                {
                    public string? Data { get; init; }
                }
            }
            """, "OTR003", pointsAt: "Outer");

        Assert.Contains("Add the 'partial' modifier to 'Outer'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void OTR004_positional_record_has_no_parameterless_constructor()
    {
        var diagnostic = SingleDiagnostic("""
            [OpenTok.Refit.GenerateBuilder]
            public sealed partial record Options(string Data, int Count);
            """, "OTR004", pointsAt: "(string Data, int Count)");

        Assert.Contains("'init' properties with defaults instead of a positional parameter list", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void OTR004_is_not_reported_when_a_positional_record_also_has_a_parameterless_constructor()
    {
        GeneratorHarness.Run("""
            [OpenTok.Refit.GenerateBuilder]
            internal sealed partial record Options(string Data)
            {
                public Options() : this("default") { }
            }
            """).AssertClean();
    }

    [Fact]
    public void OTR005_public_get_only_auto_property()
    {
        var diagnostic = SingleDiagnostic("""
            [OpenTok.Refit.GenerateBuilder]
            public sealed partial record Options
            {
                public string Kind { get; } = "fixed";
            }
            """, "OTR005", pointsAt: "Kind");

        Assert.Contains("Add 'init', make it computed", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void OTR005_is_not_reported_for_computed_or_non_public_get_only_properties()
    {
        GeneratorHarness.Run("""
            [OpenTok.Refit.GenerateBuilder]
            internal sealed partial record Options
            {
                public string? Data { get; init; }

                public bool HasData => Data is not null;

                public int Length { get { return Data?.Length ?? 0; } }

                internal string Internal { get; } = "";

                private string Private { get; } = "";
            }
            """).AssertClean();
    }

    [Fact]
    public void OTR006_two_properties_generate_the_same_Add_method()
    {
        var diagnostic = SingleDiagnostic("""
            using System.Collections.Generic;

            [OpenTok.Refit.GenerateBuilder]
            public sealed partial record Options
            {
                public IReadOnlyList<string> Streams { get; init; } = [];

                public IReadOnlyList<string> StreamList { get; init; } = [];
            }
            """, "OTR006", pointsAt: "StreamList");

        Assert.Equal(
            "Property 'StreamList' of 'Options' would generate builder method 'AddStream', which property 'Streams' generates too. Rename one of the properties.",
            diagnostic.GetMessage());
    }

    [Fact]
    public void OTR006_an_Add_method_collides_with_a_setter()
    {
        var diagnostic = SingleDiagnostic("""
            using System.Collections.Generic;

            [OpenTok.Refit.GenerateBuilder]
            public sealed partial record Options
            {
                public string? AddTag { get; init; }

                public IReadOnlyList<string> Tags { get; init; } = [];
            }
            """, "OTR006", pointsAt: "Tags");

        Assert.Contains("'AddTag', which property 'AddTag' generates too", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public string Build { get; init; } = \"\";", "Build")]
    [InlineData("public Options ToBuilder() => this;", "ToBuilder")]
    [InlineData("public static int CreateBuilder => 0;", "CreateBuilder")]
    [InlineData("public sealed class Builder { }", "Builder")]
    public void OTR007_member_name_reserved_by_the_builder(string member, string name)
    {
        var diagnostic = SingleDiagnostic(
            "[OpenTok.Refit.GenerateBuilder]\npublic sealed partial record Options\n{\n    " + member + "\n}\n", "OTR007", pointsAt: name);

        Assert.Contains("Rename the member.", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void OTR008_required_property()
    {
        var diagnostic = SingleDiagnostic("""
            [OpenTok.Refit.GenerateBuilder]
            public sealed partial record Options
            {
                public required string Data { get; init; }
            }
            """, "OTR008", pointsAt: "Data");

        Assert.Contains("Remove 'required', give the property a default and check it in Validate()", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public bool Validate() => true;")]
    [InlineData("public static void Validate() { }")]
    public void OTR009_Validate_that_Build_cannot_run(string validate)
    {
        var diagnostic = SingleDiagnostic(
            "[OpenTok.Refit.GenerateBuilder]\npublic sealed partial record Options\n{\n    " + validate + "\n}\n", "OTR009", pointsAt: "Validate");

        Assert.Contains("Declare it as 'void Validate()'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_overloads_with_parameters_are_not_the_rules_and_are_left_alone()
    {
        GeneratorHarness.Run("""
            [OpenTok.Refit.GenerateBuilder]
            internal sealed partial record Options
            {
                public string? Data { get; init; }

                public bool Validate(string context) => context.Length > 0;
            }
            """).AssertClean();
    }

    [Fact]
    public void Every_builder_descriptor_is_an_error_with_an_OTR0xx_id_and_a_message_that_says_how_to_fix_it()
    {
        var descriptors = typeof(Diagnostics.DiagnosticDescriptors)
            .GetFields()
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
            .Where(descriptor => descriptor.Category == Diagnostics.DiagnosticDescriptors.BuilderCategory)
            .ToList();

        Assert.Equal(9, descriptors.Count);
        Assert.Equal(descriptors.Count, descriptors.Select(d => d.Id).Distinct().Count());
        Assert.All(descriptors, descriptor =>
        {
            Assert.Matches("^OTR0[0-9]{2}$", descriptor.Id);
            Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
            Assert.True(string.IsNullOrEmpty(descriptor.HelpLinkUri), descriptor.Id);
            var message = descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Matches(@"\. (Add|Declare|Rename|Remove)\b", message);
        });
    }

    /// <summary>Runs the generator and asserts exactly one diagnostic, <paramref name="id"/>, located on <paramref name="pointsAt"/>, and no generated source.</summary>
    private static Diagnostic SingleDiagnostic(string source, string id, string pointsAt)
    {
        var run = GeneratorHarness.Run(source);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("Input0.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(pointsAt, source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.Empty(run.GeneratedTrees);
        return diagnostic;
    }
}
