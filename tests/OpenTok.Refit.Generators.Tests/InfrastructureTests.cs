using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using OpenTok.Refit.Generators.Diagnostics;
using OpenTok.Refit.Generators.Infrastructure;

namespace OpenTok.Refit.Generators.Tests;

/// <summary>The generator infrastructure both generators share.</summary>
public sealed class InfrastructureTests
{
    [Theory]
    [InlineData("InitialLayoutClassList", "InitialLayoutClass")]
    [InlineData("ExcludedStreamIds", "ExcludedStreamId")]
    [InlineData("Streams", "Stream")]
    [InlineData("Headers", "Header")]
    [InlineData("Policies", "Policy")]
    [InlineData("Addresses", "Address")]
    [InlineData("Matches", "Match")]
    [InlineData("Boxes", "Box")]
    [InlineData("StreamChildren", "StreamChild")]
    [InlineData("People", "Person")]
    [InlineData("Status", "Status")]
    [InlineData("Class", "Class")]
    [InlineData("Data", "Data")]
    [InlineData("List", "List")]
    public void Singularize(string plural, string singular) => Assert.Equal(singular, Naming.Singularize(plural));

    [Theory]
    [InlineData("Data", "data")]
    [InlineData("Id", "id")]
    [InlineData("ID", "id")]
    [InlineData("URLValue", "urlValue")]
    [InlineData("ExcludedStreamIds", "excludedStreamIds")]
    [InlineData("already", "already")]
    public void ToCamelCase(string name, string camel) => Assert.Equal(camel, Naming.ToCamelCase(name));

    [Theory]
    [InlineData("class", "@class")]
    [InlineData("event", "@event")]
    [InlineData("value", "value")]
    [InlineData("data", "data")]
    public void EscapeIdentifier(string identifier, string escaped) => Assert.Equal(escaped, Naming.EscapeIdentifier(identifier));

    [Fact]
    public void EquatableArray_compares_by_items()
    {
        var left = new EquatableArray<string>(["a", "b"]);
        var right = new[] { "a", "b" }.ToEquatableArray();

        Assert.Equal(left, right);
        Assert.True(left == right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
        Assert.NotEqual(left, new EquatableArray<string>(["b", "a"]));
        Assert.Equal(default, EquatableArray<string>.Empty);
        Assert.Empty(default(EquatableArray<string>));
    }

    [Fact]
    public void DiagnosticInfo_is_a_value_and_recreates_the_diagnostic()
    {
        var location = new LocationInfo("File.cs", new TextSpan(10, 4), new LinePositionSpan(new LinePosition(1, 2), new LinePosition(1, 6)));
        var info = DiagnosticInfo.Create(DiagnosticDescriptors.BuilderTypeNotPartial, location, "Options");

        Assert.Equal(info, DiagnosticInfo.Create(DiagnosticDescriptors.BuilderTypeNotPartial, location with { }, "Options"));
        var diagnostic = info.ToDiagnostic();
        Assert.Equal("OTR001", diagnostic.Id);
        Assert.Equal("File.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(new TextSpan(10, 4), diagnostic.Location.SourceSpan);
        Assert.StartsWith("'Options' has [GenerateBuilder] but is not partial.", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void ExtractSummary_keeps_the_summary_inner_xml_line_by_line()
    {
        const string Xml = """
            <member name="P:N.T.Role">
                <summary>
                The <see cref="T:N.Role"/> of the client
                  &amp; its rights.
                </summary>
                <remarks>Not copied.</remarks>
            </member>
            """;

        Assert.Equal("The <see cref=\"T:N.Role\" /> of the client\n&amp; its rights.", DocumentationComments.ExtractSummary(Xml));
        Assert.Null(DocumentationComments.ExtractSummary(""));
        Assert.Null(DocumentationComments.ExtractSummary("<member name=\"P:N.T.X\"><remarks>Only remarks.</remarks></member>"));
        Assert.Null(DocumentationComments.ExtractSummary("<member><summary>broken"));
    }

    [Fact]
    public void SourceWriter_indents_blocks_and_writes_lf_line_ends()
    {
        var writer = new SourceWriter();
        writer.WriteLine("class C");
        using (writer.OpenBlock())
        {
            writer.WriteLine("int X;");
            writer.WriteLine();
            writer.WriteLines("// a\r\n// b");
        }

        Assert.Equal("class C\n{\n    int X;\n\n    // a\n    // b\n}\n", writer.ToString());
    }
}
