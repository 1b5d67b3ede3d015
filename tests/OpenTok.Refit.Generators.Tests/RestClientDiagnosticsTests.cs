using System.Globalization;
using Microsoft.CodeAnalysis;
using OpenTok.Refit.Generators.Diagnostics;
using OpenTok.Refit.Generators.RestClients;

namespace OpenTok.Refit.Generators.Tests;

/// <summary>
/// Each OTR1xx diagnostic fires on the interface mistake it is for, points at the code to change, says how to fix it,
/// and stops that interface's generation; valid interfaces report nothing.
/// </summary>
public sealed class RestClientDiagnosticsTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using OpenTok.Refit.Http;


        """;

    [Fact]
    public void OTR101_method_without_an_HTTP_method_attribute()
    {
        var diagnostic = SingleDiagnostic(Api("""
            Task PingAsync(CancellationToken cancellationToken = default);
            """), "OTR101", pointsAt: "PingAsync");

        Assert.StartsWith("'IApi.PingAsync' has no HTTP method attribute", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("Add [Get(\"/path\")], [Post(…)], [Put(…)], [Patch(…)] or [Delete(…)]", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void OTR102_method_with_two_HTTP_method_attributes()
    {
        var diagnostic = SingleDiagnostic(Api("""
            [Get("/a")]
            [Post("/a")]
            Task PingAsync();
            """), "OTR102", pointsAt: "Post(\"/a\")");

        Assert.Equal(
            "'IApi.PingAsync' has both [Get] and [Post], but an endpoint has one HTTP method and one path. Remove all but one of them.",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("v2/project")]
    [InlineData("")]
    [InlineData("https://api.opentok.com/v2/project")]
    public void OTR103_path_template_not_starting_with_a_slash(string template)
    {
        var diagnostic = SingleDiagnostic(Api($$"""
            [Get("{{template}}")]
            Task PingAsync();
            """), "OTR103", pointsAt: "\"" + template + "\"");

        Assert.Contains("does not start with '/'. Write it from the API's root, e.g. \"/v2/project/{apiKey}/archive\".", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v2/archive/{archiveId", "has a '{' that is never closed")]
    [InlineData("/v2/archive/archiveId}", "has a '}' that closes nothing")]
    [InlineData("/v2/archive/{}", "has the placeholder '{}', which is not a parameter name")]
    [InlineData("/v2/archive/{archive id}", "has the placeholder '{archive id}', which is not a parameter name")]
    [InlineData("/v2/archive/{a{b}", "has the placeholder '{a{b}', which is not a parameter name")]
    [InlineData("/v2/archive?count=5", "contains '?'")]
    [InlineData("/v2/archive#top", "contains '#'")]
    public void OTR104_malformed_path_template(string template, string problem)
    {
        var diagnostic = SingleDiagnostic(Api($$"""
            [Get("{{template}}")]
            Task PingAsync();
            """), "OTR104", pointsAt: "\"" + template + "\"");

        Assert.Equal(
            $"The path template \"{template}\" of 'IApi.PingAsync' {problem}. Write each path parameter as '{{name}}', and leave the query string to the method's query parameters.",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void OTR105_path_parameter_without_a_method_parameter()
    {
        var diagnostic = SingleDiagnostic(Api("""
            [Get("/v2/archive/{archiveId}")]
            Task GetAsync(string id);
            """), "OTR105", pointsAt: "\"/v2/archive/{archiveId}\"");

        Assert.Equal(
            "The path template of 'IApi.GetAsync' names '{archiveId}', but 'IApi.GetAsync' has no parameter named 'archiveId'. Add a parameter named 'archiveId', or put [AliasAs(\"archiveId\")] on the parameter that holds the value.",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void OTR105_is_not_reported_when_AliasAs_names_the_path_parameter()
    {
        Run(Usings + Api("""
            [Get("/v2/archive/{archiveId}")]
            Task GetAsync([AliasAs("archiveId")] string id);
            """)).AssertClean();
    }

    [Theory]
    [InlineData("void")]
    [InlineData("int")]
    [InlineData("ValueTask")]
    [InlineData("ValueTask<int>")]
    [InlineData("IAsyncEnumerable<int>")]
    public void OTR106_unsupported_return_type(string returnType)
    {
        var diagnostic = SingleDiagnostic(Api($$"""
            [Get("/a")]
            {{returnType}} GetAsync();
            """), "OTR106", pointsAt: returnType);

        Assert.Equal(
            $"'IApi.GetAsync' returns '{returnType}', which the generated client cannot produce. Declare it as returning Task (when the answer has no body to read) or Task<T> (to read the answer's JSON as T).",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void OTR107_two_body_parameters()
    {
        var diagnostic = SingleDiagnostic(Api("""
            [Post("/a")]
            Task PostAsync([Body] string first, [Body] string second);
            """), "OTR107", pointsAt: "second");

        Assert.Equal(
            "'IApi.PostAsync' marks both 'first' and 'second' as [Body], but a request has one body. Remove [Body] from all but one of them.",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("Get", "GET")]
    [InlineData("Delete", "DELETE")]
    public void OTR108_body_on_a_GET_or_DELETE(string attribute, string method)
    {
        var diagnostic = SingleDiagnostic(Api($$"""
            [{{attribute}}("/a")]
            Task SendAsync([Body] string filter);
            """), "OTR108", pointsAt: "filter");

        Assert.Equal(
            $"'IApi.SendAsync' is a {method} endpoint but marks 'filter' as [Body], and {method} requests carry no body. Remove [Body] to send the value in the query string, or declare the endpoint with [Post], [Put] or [Patch].",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("[Post(\"/a/{id}\")]", "[Body] string id", "named in the path template", "[Body]")]
    [InlineData("[Get(\"/a/{id}\")]", "[Header(\"X-Id\")] string id", "named in the path template", "[Header]")]
    [InlineData("[Get(\"/a/{id}\")]", "[Query] string id", "named in the path template", "[Query]")]
    [InlineData("[Post(\"/a\")]", "[Body][Header(\"X-Id\")] string id", "[Body]", "[Header]")]
    [InlineData("[Get(\"/a\")]", "[Query][Header(\"X-Id\")] string id", "[Header]", "[Query]")]
    [InlineData("[Get(\"/a\")]", "[Query] CancellationToken id", "[Query]", "the cancellation token")]
    [InlineData("[Post(\"/a\")]", "[Body] CancellationToken id", "[Body]", "the cancellation token")]
    [InlineData("[Get(\"/a/{id}\")]", "CancellationToken id", "named in the path template", "the cancellation token")]
    public void OTR109_parameter_with_more_than_one_place_in_the_request(string attribute, string parameter, string first, string second)
    {
        var diagnostic = SingleDiagnostic(Api(attribute + "\nTask SendAsync(" + parameter + ");"), "OTR109", pointsAt: "id");

        Assert.Equal(
            $"Parameter 'id' of 'IApi.SendAsync' is both {first} and {second}, so it has no single place in the request. Remove one of them: a parameter is a path, query, header or body value, or the cancellation token.",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void OTR110_second_cancellation_token()
    {
        var diagnostic = SingleDiagnostic(Api("""
            [Get("/a")]
            Task GetAsync(CancellationToken first, CancellationToken second = default);
            """), "OTR110", pointsAt: "second");

        Assert.Equal(
            "'IApi.GetAsync' already takes the CancellationToken 'first', so 'second' would be ignored. Remove 'second': one token cancels the call.",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("Accept")]
    [InlineData("Accept:")]
    [InlineData("Accept:   ")]
    [InlineData(": application/json")]
    [InlineData("Bad Name: value")]
    [InlineData("Bad\\u00e9: value")]
    public void OTR111_Headers_entry_on_a_method_not_in_Name_value_form(string entry)
    {
        var diagnostic = SingleDiagnostic(Api($$"""
            [Get("/a")]
            [Headers("X-Fine: yes", "{{entry}}")]
            Task GetAsync();
            """), "OTR111", pointsAt: "\"" + entry + "\"");

        Assert.Contains("in [Headers] on 'IApi.GetAsync' is not in 'Name: value' form. Write it as a header name, a colon and a value, e.g. \"Accept: application/json\".", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void OTR111_Headers_entry_on_the_interface()
    {
        var diagnostic = SingleDiagnostic("""
            [GenerateRestClient]
            [Headers("Accept=application/json")]
            internal interface IApi
            {
                [Get("/a")]
                Task GetAsync();
            }
            """, "OTR111", pointsAt: "\"Accept=application/json\"");

        Assert.StartsWith("The header \"Accept=application/json\" in [Headers] on 'IApi'", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("new[] { \"X-Fine: yes\", \"Accept\" }")]
    [InlineData("new string[] { \"X-Fine: yes\", \"Accept\" }")]
    [InlineData("[\"X-Fine: yes\", \"Accept\"]")]
    public void OTR111_points_at_the_entry_when_the_entries_are_passed_as_one_array(string array)
    {
        SingleDiagnostic(Api($$"""
            [Get("/a")]
            [Headers({{array}})]
            Task GetAsync();
            """), "OTR111", pointsAt: "\"Accept\"");
    }

    [Theory]
    [InlineData("X Request Id")]
    [InlineData("X-Request-Id:")]
    [InlineData("")]
    public void OTR112_Header_parameter_with_an_invalid_name(string name)
    {
        var diagnostic = SingleDiagnostic(Api($$"""
            [Get("/a")]
            Task GetAsync([Header("{{name}}")] string? requestId);
            """), "OTR112", pointsAt: "\"" + name + "\"");

        Assert.Equal(
            $"[Header(\"{name}\")] on parameter 'requestId' of 'IApi.GetAsync' is not a valid header name. Rename it to an HTTP token such as \"X-Request-Id\": letters, digits and !#$%&'*+-.^_`|~, without spaces or a colon.",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void OTR113_generic_interface()
    {
        var diagnostic = SingleDiagnostic("""
            [GenerateRestClient]
            internal interface IApi<T>
            {
                [Get("/a")]
                Task<T> GetAsync();
            }
            """, "OTR113", pointsAt: "IApi");

        Assert.StartsWith("'IApi<T>' is generic, or nested in a generic type", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void OTR113_interface_nested_in_a_generic_type()
    {
        var diagnostic = SingleDiagnostic("""
            internal static class Outer<T>
            {
                [GenerateRestClient]
                internal interface IApi
                {
                    [Get("/a")]
                    Task<T> GetAsync();
                }
            }
            """, "OTR113", pointsAt: "IApi");

        Assert.Contains("Declare a non-generic interface whose methods use concrete types.", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("internal class Outer { [GenerateRestClient] private interface IApi { [Get(\"/a\")] Task GetAsync(); } }", "private")]
    [InlineData("internal class Outer { [GenerateRestClient] protected interface IApi { [Get(\"/a\")] Task GetAsync(); } }", "protected")]
    [InlineData("internal class Outer { [GenerateRestClient] private protected interface IApi { [Get(\"/a\")] Task GetAsync(); } }", "private protected")]
    [InlineData("internal class Outer { private class Inner { [GenerateRestClient] internal interface IApi { [Get(\"/a\")] Task GetAsync(); } } }", "nested in the private type 'Outer.Inner'")]
    [InlineData("[GenerateRestClient] file interface IApi { [Get(\"/a\")] Task GetAsync(); }", "file-local")]
    public void OTR114_interface_the_generated_class_cannot_see(string source, string why)
    {
        var diagnostic = SingleDiagnostic(source, "OTR114", pointsAt: "IApi");

        Assert.EndsWith(
            $"is {why}, so the client generated beside it in its namespace cannot implement it. Declare it (and every type it is nested in) public or internal.",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Nested_accessible_interfaces_are_supported()
    {
        Run(Usings + """
            public class Outer
            {
                [GenerateRestClient]
                protected internal interface IApi
                {
                    [Get("/a")]
                    Task GetAsync();
                }
            }
            """).AssertClean(tolerated: "CS1591");
    }

    [Theory]
    [InlineData("string Name { get; }", "Name", "a property")]
    [InlineData("string this[int index] { get; }", "this", "an indexer")]
    [InlineData("event System.EventHandler Changed;", "Changed", "an event")]
    [InlineData("[Get(\"/a\")] Task<T> GetAsync<T>();", "GetAsync", "a generic method")]
    [InlineData("[Get(\"/a\")] static abstract Task CreateAsync();", "CreateAsync", "a static abstract method")]
    public void OTR115_member_a_client_cannot_implement(string member, string name, string kind)
    {
        var diagnostic = SingleDiagnostic(Api(member), "OTR115", pointsAt: name);

        Assert.Equal(
            $"'IApi.{(name == "this" ? "this[]" : name)}' is {kind}, which a generated REST client cannot implement. Remove it, or give it a default implementation in the interface.",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void OTR116_interface_with_base_interfaces()
    {
        var diagnostic = SingleDiagnostic("""
            internal interface IBase
            {
                [Get("/base")]
                Task BaseAsync();
            }

            internal interface IOther;

            [GenerateRestClient]
            internal interface IApi : IBase, IOther
            {
                [Get("/a")]
                Task GetAsync();
            }
            """, "OTR116", pointsAt: "IBase");

        Assert.Equal(
            "'IApi' extends 'IBase', 'IOther', whose members the generated client would not implement. Remove the base interface and declare its endpoints on 'IApi', or mark the base interface [GenerateRestClient] on its own.",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("ref string value", "ref")]
    [InlineData("out string value", "out")]
    [InlineData("in string value", "in")]
    [InlineData("ref readonly string value", "ref readonly")]
    [InlineData("params string[] value", "params")]
    public void OTR117_ref_out_in_or_params_parameter(string parameter, string modifier)
    {
        var diagnostic = SingleDiagnostic(Api("[Get(\"/a\")]\nTask GetAsync(" + parameter + ");"), "OTR117", pointsAt: "value");

        Assert.Equal(
            $"Parameter 'value' of 'IApi.GetAsync' is declared '{modifier}', which a REST call cannot honour. Remove the '{modifier}' modifier.",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("[Get(\"/a/{count}\")]", "int count", "path", "int")]
    [InlineData("[Get(\"/a/{count}\")]", "System.Guid? count", "path", "Guid?")]
    [InlineData("[Get(\"/a\")]", "[Header(\"X-Count\")] int? count", "header", "int?")]
    public void OTR118_path_or_header_parameter_that_is_not_a_string(string attribute, string parameter, string place, string type)
    {
        var diagnostic = SingleDiagnostic(Api(attribute + "\nTask GetAsync(" + parameter + ");"), "OTR118", pointsAt: "count");

        Assert.Equal(
            $"Parameter 'count' of 'IApi.GetAsync' is a {place} value but its type is '{type}'. Declare it as 'string' and format the value where the method is called.",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("string[] ids", "string[]")]
    [InlineData("List<string> ids", "List<string>")]
    [InlineData("IEnumerable<int>? ids", "IEnumerable<int>?")]
    [InlineData("Filter ids", "Filter")]
    [InlineData("Plain? ids", "Plain?")]
    public void OTR119_query_parameter_without_a_text_form(string parameter, string type)
    {
        var diagnostic = SingleDiagnostic(
            Api("[Get(\"/a\")]\nTask GetAsync([AliasAs(\"id\")] " + parameter + ");")
                + "\ninternal sealed record Filter(string Text);\ninternal struct Plain { public int Value; }\n",
            "OTR119",
            pointsAt: "ids");

        Assert.Equal(
            $"Parameter 'ids' of 'IApi.GetAsync' is sent as the query field \"id\", but its type '{type}' does not override ToString(), so the wire would get its type name or a record dump. Declare it as a string, number, boolean, enum or a type with its own ToString(), or send it in a JSON body.",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void OTR119_form_property_without_a_text_form()
    {
        var diagnostic = SingleDiagnostic(Api("""
            [Post("/a")]
            Task PostAsync([Body(BodySerializationMethod.UrlEncoded)] Form form);
            """) + """

            internal sealed record Form
            {
                public string? Name { get; init; }

                [AliasAs("tag")]
                public IReadOnlyList<string> Tags { get; init; } = [];
            }
            """, "OTR119", pointsAt: "Tags");

        Assert.StartsWith("Property 'Tags' of 'Form' is sent as the form field \"tag\", but its type 'IReadOnlyList<string>' does not override ToString()", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void OTR119_is_not_reported_for_values_with_a_text_form()
    {
        Run(Usings + Api("""
            [Get("/a")]
            Task GetAsync(
                string? text,
                int count,
                long? since,
                bool? flag,
                double ratio,
                System.Guid id,
                System.DateTimeOffset? after,
                System.DayOfWeek day,
                Status status,
                System.Uri? link,
                object? anything,
                System.IFormattable? formattable);
            """) + """

            internal readonly record struct Status(string Value)
            {
                public override string ToString() => Value;
            }
            """).AssertClean();
    }

    [Theory]
    [InlineData("string", "string")]
    [InlineData("int", "int")]
    [InlineData("int?", "int?")]
    [InlineData("List<string>", "List<string>")]
    [InlineData("System.Collections.Generic.Dictionary<string, string>", "Dictionary<string, string>")]
    [InlineData("object", "object")]
    [InlineData("System.IComparable", "IComparable")]
    public void OTR120_form_body_that_is_not_a_class_record_or_struct_of_fields(string type, string display)
    {
        var diagnostic = SingleDiagnostic(Api($$"""
            [Post("/a")]
            Task PostAsync([Body(BodySerializationMethod.UrlEncoded)] {{type}} body);
            """), "OTR120", pointsAt: "body");

        Assert.Equal(
            $"[Body(BodySerializationMethod.UrlEncoded)] parameter 'body' of 'IApi.PostAsync' is a '{display}', which has no properties to send as form fields. Declare a class, record or struct whose public properties are the fields, or send the body as JSON.",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Every_problem_of_an_interface_is_reported_and_only_that_interface_goes_without_a_client()
    {
        var run = Run(Usings + """
            [GenerateRestClient]
            internal interface IBroken
            {
                Task MissingAttributeAsync();

                [Get("v2/relative")]
                Task RelativeAsync();

                [Post("/a")]
                Task TwoBodiesAsync([Body] string first, [Body] string second);
            }

            [GenerateRestClient]
            internal interface IFine
            {
                [Get("/fine")]
                Task GetAsync();
            }
            """);

        Assert.Equal(["OTR101", "OTR103", "OTR107"], run.GeneratorDiagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.Equal("FineClient.g.cs", Assert.Single(run.Result.Results.Single().GeneratedSources).HintName);
    }

    [Fact]
    public void A_method_whose_types_do_not_resolve_is_left_to_the_compiler()
    {
        var run = Run(Usings + """
            [GenerateRestClient]
            internal interface IApi
            {
                [Get("/a/{id}")]
                Task<Missing> GetAsync(string id, [Query] AlsoMissing filter);
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.GeneratedTrees);
        Assert.Contains(run.CompilationProblems, d => d.Id == "CS0246");
    }

    [Fact]
    public void Every_REST_client_descriptor_is_an_error_with_an_OTR1xx_id_and_a_message_that_says_how_to_fix_it()
    {
        var descriptors = typeof(DiagnosticDescriptors)
            .GetFields()
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
            .Where(descriptor => descriptor.Category == DiagnosticDescriptors.RestClientCategory)
            .ToList();

        Assert.Equal(20, descriptors.Count);
        Assert.Equal(
            Enumerable.Range(101, 20).Select(i => "OTR" + i.ToString(CultureInfo.InvariantCulture)),
            descriptors.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.All(descriptors, descriptor =>
        {
            Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
            Assert.True(descriptor.IsEnabledByDefault, descriptor.Id);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString(CultureInfo.InvariantCulture)), descriptor.Id);
            var message = descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture);
            Assert.Matches(@"\. (Add|Declare|Remove|Rename|Write)\b", message);
        });
    }

    /// <summary>Declares <paramref name="members"/> in an internal <c>[GenerateRestClient]</c> interface <c>IApi</c>.</summary>
    private static string Api(string members) =>
        "[GenerateRestClient]\ninternal interface IApi\n{\n" + string.Join("\n", members.Split('\n').Select(line => "    " + line)) + "\n}\n";

    private static GeneratorRun Run(string source) => GeneratorHarness.Run(new RestClientGenerator(), source);

    /// <summary>Runs the generator and asserts exactly one diagnostic, <paramref name="id"/>, located on <paramref name="pointsAt"/>, and no generated source.</summary>
    private static Diagnostic SingleDiagnostic(string source, string id, string pointsAt)
    {
        source = Usings + source;
        var run = Run(source);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("Input0.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(pointsAt, source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.Empty(run.GeneratedTrees);
        return diagnostic;
    }
}
