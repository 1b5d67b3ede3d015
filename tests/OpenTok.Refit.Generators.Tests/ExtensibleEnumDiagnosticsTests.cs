using Microsoft.CodeAnalysis;
using OpenTok.Refit.Generators.ExtensibleEnums;

namespace OpenTok.Refit.Generators.Tests;

/// <summary>
/// Each OTR2xx diagnostic fires on the input it is for, points at the right code, says how to fix it, and stops
/// generation; a valid look-alike stays quiet.
/// </summary>
public sealed class ExtensibleEnumDiagnosticsTests
{
    private const string Usings = "using OpenTok.Refit;\n\n";

    [Theory]
    [InlineData("public partial record struct Status")]
    [InlineData("public readonly record struct Status")]
    [InlineData("public readonly partial struct Status")]
    [InlineData("public readonly partial record struct Status(string Name)")]
    [InlineData("public sealed partial record Status")]
    public void OTR201_type_is_not_a_readonly_partial_record_struct(string declaration)
    {
        var diagnostic = SingleDiagnostic(Usings + "[ExtensibleEnum]\n" + declaration + "\n{\n}\n", "OTR201", pointsAt: "Status");

        Assert.Equal(
            "'Status' has [ExtensibleEnum] but is not a readonly partial record struct without a parameter list. Declare it as 'readonly partial record struct Status', so the generator can add its value, constructor, equality and JSON converter.",
            diagnostic.GetMessage());
    }

    [Fact]
    public void OTR202_extensible_enum_nested_in_a_type()
    {
        var diagnostic = SingleDiagnostic(Usings + """
            public static partial class Outer
            {
                [ExtensibleEnum]
                public readonly partial record struct Status;
            }
            """, "OTR202", pointsAt: "Status");

        Assert.Equal(
            "'Status' has [ExtensibleEnum] but is nested in 'Outer'. Declare it directly in a namespace, without type parameters: the generator writes its code beside it at namespace level.",
            diagnostic.GetMessage());
    }

    [Fact]
    public void OTR202_generic_extensible_enum()
    {
        var diagnostic = SingleDiagnostic(Usings + """
            [ExtensibleEnum]
            public readonly partial record struct Status<T>;
            """, "OTR202", pointsAt: "Status");

        Assert.Contains("'Status<T>' has [ExtensibleEnum] but is generic.", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void OTR202_wire_value_enum_nested_in_a_type()
    {
        var diagnostic = SingleDiagnostic(Usings + """
            public static class Outer
            {
                [GenerateWireValues]
                public enum Mode
                {
                    [WireValue("on")] On,
                }
            }
            """, "OTR202", pointsAt: "Mode");

        Assert.Contains("'Mode' has [GenerateWireValues] but is nested in 'Outer'.", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public static Status Alias => Available;", "Alias")]
    [InlineData("public static readonly Status Field = new(\"field\");", "Field")]
    [InlineData("internal static Status Hidden { get; } = new(\"hidden\");", "Hidden")]
    public void OTR203_static_member_of_the_structs_type_without_WireValue(string member, string name)
    {
        var diagnostic = SingleDiagnostic(Usings + """
            [ExtensibleEnum]
            public readonly partial record struct Status
            {
                [WireValue("available")] public static partial Status Available { get; }

            """ + "    " + member + "\n}\n", "OTR203", pointsAt: name);

        Assert.Equal(
            $"'{name}' is a static member of type 'Status' without [WireValue], so it would be a value missing from Known and IsKnown. Add [WireValue(\"…\")] and declare it 'static partial Status {name} {{ get; }}', or remove it.",
            diagnostic.GetMessage());
    }

    [Fact]
    public void OTR203_is_not_reported_for_static_members_of_other_types_or_static_methods()
    {
        Run(Usings + """
            [ExtensibleEnum]
            internal readonly partial record struct Status
            {
                [WireValue("available")] public static partial Status Available { get; }

                public static string Label => "status";

                public static Status? Nothing => null;

                public static Status Parse(string text) => new(text.Trim());
            }
            """).AssertClean();
    }

    [Theory]
    [InlineData("[WireValue(\"a\")] public static Status A { get; } = new(\"a\");")]
    [InlineData("[WireValue(\"a\")] public static Status A => new(\"a\");")]
    [InlineData("[WireValue(\"a\")] public static partial string A { get; }")]
    [InlineData("[WireValue(\"a\")] public static readonly Status A = new(\"a\");")]
    [InlineData("[WireValue(\"a\")] public string A => \"a\";")]
    public void OTR204_WireValue_member_that_is_not_a_static_partial_get_only_property_of_the_struct(string member)
    {
        var diagnostic = SingleDiagnostic(Usings + "[ExtensibleEnum]\npublic readonly partial record struct Status\n{\n    " + member + "\n}\n", "OTR204", pointsAt: "A");

        Assert.Equal(
            "'A' has [WireValue] but is not declared as 'static partial Status A { get; }' without a body or initializer. Declare it so: the generator writes its body from the wire value.",
            diagnostic.GetMessage());
    }

    [Fact]
    public void OTR205_two_known_values_with_the_same_wire_value()
    {
        var diagnostic = SingleDiagnostic(Usings + """
            [ExtensibleEnum]
            public readonly partial record struct Status
            {
                [WireValue("ready")] public static partial Status Available { get; }

                [WireValue("ready")] public static partial Status Ready { get; }
            }
            """, "OTR205", pointsAt: "\"ready\"", occurrence: 2);

        Assert.Equal("'Ready' has wire value \"ready\", which 'Available' has too. Remove one of them, or give each its own wire value.", diagnostic.GetMessage());
    }

    [Fact]
    public void OTR205_two_enum_members_with_the_same_wire_value()
    {
        var diagnostic = SingleDiagnostic(Usings + """
            [GenerateWireValues]
            public enum Mode
            {
                [WireValue("on")] On,
                [WireValue("on")] Enabled,
            }
            """, "OTR205", pointsAt: "\"on\"", occurrence: 2);

        Assert.Equal("'Mode.Enabled' has wire value \"on\", which 'Mode.On' has too. Remove one of them, or give each its own wire value.", diagnostic.GetMessage());
    }

    [Fact]
    public void OTR205_is_not_reported_for_wire_values_that_differ_only_in_case()
    {
        var run = Run(Usings + """
            [ExtensibleEnum]
            internal readonly partial record struct Status
            {
                [WireValue("ready")] public static partial Status Ready { get; }

                [WireValue("READY")] public static partial Status Shouting { get; }
            }

            [GenerateWireValues]
            internal enum Mode
            {
                [WireValue("on")] On,
                [WireValue("On")] Enabled,
            }
            """);

        run.AssertClean();
        Assert.Equal(2, run.GeneratedTrees.Length);
    }

    [Fact]
    public void OTR206_enum_member_without_WireValue()
    {
        var diagnostic = SingleDiagnostic(Usings + """
            [GenerateWireValues]
            public enum Mode
            {
                [WireValue("on")] On,
                Off,
            }
            """, "OTR206", pointsAt: "Off");

        Assert.Equal("'Mode.Off' has no [WireValue], so ToWireValue and FromWireValue would not know it. Add [WireValue(\"…\")] to it.", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("null!")]
    public void OTR207_empty_wire_value_in_an_extensible_enum(string argument)
    {
        var diagnostic = SingleDiagnostic(Usings + """
            [ExtensibleEnum]
            public readonly partial record struct Status
            {
                [WireValue(
            """ + argument + ")] public static partial Status Blank { get; }\n}\n", "OTR207", pointsAt: argument);

        Assert.Equal(
            "'Blank' has an empty or null wire value, which cannot stand for a value on the wire. Declare the non-empty string the server uses, e.g. [WireValue(\"available\")].",
            diagnostic.GetMessage());
    }

    [Fact]
    public void OTR207_empty_wire_value_in_an_enum()
    {
        var diagnostic = SingleDiagnostic(Usings + """
            [GenerateWireValues]
            public enum Mode
            {
                [WireValue("")] Blank,
            }
            """, "OTR207", pointsAt: "\"\"");

        Assert.StartsWith("'Mode.Blank' has an empty or null wire value", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public string Value => \"\";", "Value", "'Value'")]
    [InlineData("public static int Known => 0;", "Known", "'Known'")]
    [InlineData("public bool IsKnown => true;", "IsKnown", "'IsKnown'")]
    [InlineData("public static Status FromValue(string value) => default;", "FromValue", "'FromValue'")]
    [InlineData("public override string ToString() => \"\";", "ToString", "'ToString()'")]
    [InlineData("public override int GetHashCode() => 0;", "GetHashCode", "'GetHashCode()'")]
    [InlineData("public bool Equals(Status other) => true;", "Equals", "'Equals(Status)'")]
    [InlineData("public Status(string text) { }", "Status", "a constructor from a string")]
    public void OTR208_member_the_generator_writes_is_already_declared(string member, string name, string described)
    {
        var source = Usings + "[ExtensibleEnum]\npublic readonly partial record struct Status\n{\n    " + member + "\n}\n";
        var diagnostic = SingleDiagnostic(source, "OTR208", pointsAt: name, occurrence: name == "Status" ? 2 : 1);

        Assert.Equal($"'Status' already declares {described}, which the generator writes. Remove it, or rename it.", diagnostic.GetMessage());
    }

    [Fact]
    public void OTR208_JsonConverter_already_declared()
    {
        var diagnostic = SingleDiagnostic(Usings + """
            [ExtensibleEnum]
            [System.Text.Json.Serialization.JsonConverter(typeof(ExtensibleEnumConverter<Status>))]
            public readonly partial record struct Status;
            """, "OTR208", pointsAt: "System.Text.Json.Serialization.JsonConverter(typeof(ExtensibleEnumConverter<Status>))");

        Assert.Equal("'Status' already declares [JsonConverter], which the generator writes. Remove it, or rename it.", diagnostic.GetMessage());
    }

    [Fact]
    public void OTR208_the_WireValues_class_is_already_declared()
    {
        var diagnostic = SingleDiagnostic(Usings + """
            namespace Sample;

            [GenerateWireValues]
            public enum Mode
            {
                [WireValue("on")] On,
            }

            public static class ModeWireValues;
            """, "OTR208", pointsAt: "ModeWireValues");

        Assert.Equal("'Sample' already declares 'ModeWireValues', which the generator writes. Remove it, or rename it.", diagnostic.GetMessage());
    }

    [Fact]
    public void OTR208_is_not_reported_for_overloads_and_members_the_generator_does_not_write()
    {
        Run(Usings + """
            [ExtensibleEnum]
            internal readonly partial record struct Status
            {
                public Status(int code) : this(code.ToString(System.Globalization.CultureInfo.InvariantCulture)) { }

                public string ToString(string format) => format + Value;

                public bool Equals(string? other) => other == Value;

                public bool IsFinal => Value == "done";
            }

            [GenerateWireValues]
            internal enum Mode
            {
                [WireValue("on")] On,
            }

            internal static class ModeNames;
            """).AssertClean();
    }

    [Fact]
    public void OTR209_WireValue_in_a_struct_without_ExtensibleEnum()
    {
        var diagnostic = SingleDiagnostic(Usings + """
            public readonly partial record struct Status
            {
                [WireValue("a")] public static Status A => default;
            }
            """, "OTR209", pointsAt: "WireValue(\"a\")");

        Assert.Equal("[WireValue] on 'A' has no effect, because 'Status' has no [ExtensibleEnum]. Add [ExtensibleEnum] to 'Status', or remove the [WireValue].", diagnostic.GetMessage());
    }

    [Fact]
    public void OTR209_WireValue_in_an_enum_without_GenerateWireValues()
    {
        var diagnostic = SingleDiagnostic(Usings + """
            public enum Mode
            {
                [WireValue("on")] On,
            }
            """, "OTR209", pointsAt: "WireValue(\"on\")");

        Assert.Equal("[WireValue] on 'On' has no effect, because 'Mode' has no [GenerateWireValues]. Add [GenerateWireValues] to 'Mode', or remove the [WireValue].", diagnostic.GetMessage());
    }

    [Fact]
    public void OTR210_two_enum_members_with_the_same_value()
    {
        var diagnostic = SingleDiagnostic(Usings + """
            [GenerateWireValues]
            public enum Mode
            {
                [WireValue("on")] On = 1,
                [WireValue("enabled")] Enabled = 1,
            }
            """, "OTR210", pointsAt: "Enabled");

        Assert.Equal("'Mode.Enabled' has the same value as 'Mode.On' (1), so ToWireValue could not tell them apart. Remove one of them, or give each its own value.", diagnostic.GetMessage());
    }

    [Fact]
    public void A_valid_struct_and_enum_in_one_file_report_nothing_and_generate_both()
    {
        var run = Run(Usings + """
            namespace Sample;

            [ExtensibleEnum]
            internal readonly partial record struct Status
            {
                [WireValue("on")] public static partial Status On { get; }
            }

            [GenerateWireValues]
            internal enum Mode
            {
                [WireValue("on")] On = 1,
                [WireValue("off")] Off = 2,
            }
            """);

        run.AssertClean();
        Assert.Equal(["Sample.Mode.WireValues.g.cs", "Sample.Status.ExtensibleEnum.g.cs"], run.Result.Results.Single().GeneratedSources.Select(s => s.HintName).Order());
    }

    [Fact]
    public void Every_extensible_enum_descriptor_is_an_error_with_an_OTR2xx_id_and_a_message_that_says_how_to_fix_it()
    {
        var descriptors = typeof(Diagnostics.DiagnosticDescriptors)
            .GetFields()
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
            .Where(descriptor => descriptor.Category == Diagnostics.DiagnosticDescriptors.ExtensibleEnumCategory)
            .ToList();

        Assert.Equal(10, descriptors.Count);
        Assert.Equal(descriptors.Count, descriptors.Select(d => d.Id).Distinct().Count());
        Assert.All(descriptors, descriptor =>
        {
            Assert.Matches("^OTR2[0-9]{2}$", descriptor.Id);
            Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
            Assert.True(string.IsNullOrEmpty(descriptor.HelpLinkUri), descriptor.Id);
            var message = descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Matches(@"\. (Add|Declare|Rename|Remove)\b", message);
        });
    }

    private static GeneratorRun Run(string source) => GeneratorHarness.Run(new ExtensibleEnumGenerator(), source);

    /// <summary>
    /// Runs the generator and asserts exactly one diagnostic, <paramref name="id"/>, located on the
    /// <paramref name="occurrence"/>-th <paramref name="pointsAt"/> in <paramref name="source"/>, and no generated source.
    /// </summary>
    private static Diagnostic SingleDiagnostic(string source, string id, string pointsAt, int occurrence = 1)
    {
        var run = Run(source);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("Input0.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(pointsAt, source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.Equal(NthIndexOf(source, pointsAt, occurrence), diagnostic.Location.SourceSpan.Start);
        Assert.Empty(run.GeneratedTrees);
        return diagnostic;
    }

    private static int NthIndexOf(string text, string value, int occurrence)
    {
        var index = -1;
        for (var i = 0; i < occurrence; i++)
        {
            index = text.IndexOf(value, index + 1, StringComparison.Ordinal);
        }

        return index;
    }
}
