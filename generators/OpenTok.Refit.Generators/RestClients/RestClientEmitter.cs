using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using OpenTok.Refit.Generators.Infrastructure;

namespace OpenTok.Refit.Generators.RestClients;

/// <summary>Writes the source of one interface's client class from its <see cref="RestClientModel"/>.</summary>
internal static class RestClientEmitter
{
    /// <summary>
    /// The version in <c>[GeneratedCode]</c>: of the shape of the emitted code, not of the package, so that a release
    /// alone does not change every generated file. Bump it when the emitted code changes meaning.
    /// </summary>
    public const string GeneratedCodeVersion = "1.0.0";

    private const string Runtime = "global::OpenTok.Refit.Http.RestClientRuntime";
    private const string Fields = "global::OpenTok.Refit.Http.RestFields";

    public static string Emit(RestClientModel model)
    {
        var writer = SourceWriter.ForFile(model.Namespace);

        var interfaceCref = "<see cref=\"" + model.InterfaceName + "\"/>";
        DocumentationComments.WriteElement(writer, "summary",
            "Implements " + interfaceCref + " over <see cref=\"global::System.Net.Http.HttpClient\"/>:\n"
            + "each method sends the request its attributes declare and reads the answer.");
        writer.WriteLine("[global::System.CodeDom.Compiler.GeneratedCode(\"OpenTok.Refit.Generators\", \"" + GeneratedCodeVersion + "\")]");
        writer.WriteLine("internal sealed partial class " + model.ClassName + " : " + model.InterfaceName);
        using (writer.OpenBlock())
        {
            writer.WriteLine("private readonly global::System.Net.Http.HttpClient _httpClient;");
            writer.WriteLine("private readonly global::System.Text.Json.JsonSerializerOptions _jsonOptions;");
            writer.WriteLine();
            DocumentationComments.WriteElement(writer, "summary", "Creates a client that sends its requests through <paramref name=\"httpClient\"/>.");
            DocumentationComments.WriteElement(writer, "param", "Sends the requests; its base address is the API's root.", " name=\"httpClient\"");
            DocumentationComments.WriteElement(writer, "param", "Serializer options whose resolver knows every body and answer type.", " name=\"jsonOptions\"");
            DocumentationComments.WriteElement(writer, "exception", "An argument is null.", " cref=\"global::System.ArgumentNullException\"");
            writer.WriteLine("public " + model.ClassName + "(global::System.Net.Http.HttpClient httpClient, global::System.Text.Json.JsonSerializerOptions jsonOptions)");
            using (writer.OpenBlock())
            {
                writer.WriteLine("_httpClient = httpClient ?? throw new global::System.ArgumentNullException(nameof(httpClient));");
                writer.WriteLine("_jsonOptions = jsonOptions ?? throw new global::System.ArgumentNullException(nameof(jsonOptions));");
            }

            foreach (var method in model.Methods)
            {
                writer.WriteLine();
                WriteMethod(writer, method);
            }
        }

        return writer.ToString();
    }

    private static void WriteMethod(SourceWriter writer, RestMethod method)
    {
        // Parameters may take any name, so the generated locals and fields step aside when one would be hidden.
        var taken = new HashSet<string>(method.Parameters.Select(p => p.Name.TrimStart('@')), System.StringComparer.Ordinal);
        var path = FreeName("path", taken);
        var request = FreeName("request", taken);
        var httpClient = taken.Contains("_httpClient") ? "this._httpClient" : "_httpClient";
        var jsonOptions = taken.Contains("_jsonOptions") ? "this._jsonOptions" : "_jsonOptions";
        var cancellationToken = method.CancellationTokenName ?? "global::System.Threading.CancellationToken.None";

        var parameters = string.Join(", ", method.Parameters.Select(p => p.TypeName + " " + p.Name + (p.DefaultValue is { } value ? " = " + value : "")));
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine("public async " + method.ReturnTypeName + " " + method.Name + "(" + parameters + ")");
        using (writer.OpenBlock())
        {
            var pathExpression = string.Join(" + ", method.PathParts.Select(part => part.ParameterName is { } parameter
                ? Runtime + ".PathSegment(" + parameter + ", " + Literal(parameter.TrimStart('@')) + ")"
                : Literal(part.Text)));
            writer.WriteLine("var " + path + " = " + pathExpression + ";");
            if (!method.QueryFields.IsEmpty)
            {
                writer.WriteLine(path + " += new " + Fields + "()");
                WriteFields(writer, method.QueryFields, ".ToQueryString();");
            }

            writer.WriteLine("using var " + request + " = " + Runtime + ".CreateRequest(global::System.Net.Http.HttpMethod." + method.HttpMethod + ", "
                + path + ", " + Literal(method.PathTemplate) + ");");
            foreach (var header in method.Headers)
            {
                writer.WriteLine(Runtime + ".SetHeader(" + request + ", " + Literal(header.Name) + ", " + (header.ParameterName ?? Literal(header.Value ?? "")) + ");");
            }

            if (method.Body is { } body)
            {
                if (body.CanBeNull)
                {
                    writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(" + body.ParameterName + ");");
                }

                if (!body.IsUrlEncoded)
                {
                    writer.WriteLine(request + ".Content = " + Runtime + ".JsonBody(" + body.ParameterName + ", " + jsonOptions + ");");
                }
                else if (body.FormFields.IsEmpty)
                {
                    writer.WriteLine(request + ".Content = new " + Fields + "().ToFormContent();");
                }
                else
                {
                    writer.WriteLine(request + ".Content = new " + Fields + "()");
                    WriteFields(writer, body.FormFields, ".ToFormContent();");
                }
            }

            if (method.ResultTypeName is { } result)
            {
                writer.WriteLine("return await " + Runtime + ".SendAsync<" + result + ">(" + httpClient + ", " + request + ", " + jsonOptions + ", " + cancellationToken
                    + ").ConfigureAwait(false);");
            }
            else
            {
                writer.WriteLine("await " + Runtime + ".SendAsync(" + httpClient + ", " + request + ", " + cancellationToken + ").ConfigureAwait(false);");
            }
        }
    }

    // One ".Add(...)" per line under the "new RestFields()" line, then the closing call.
    private static void WriteFields(SourceWriter writer, EquatableArray<RestField> fields, string closing)
    {
        writer.Indent();
        foreach (var field in fields)
        {
            writer.WriteLine(".Add(" + Literal(field.WireName) + ", " + field.Expression + ")");
        }

        writer.WriteLine(closing);
        writer.Unindent();
    }

    private static string FreeName(string name, HashSet<string> taken)
    {
        var candidate = "__" + name;
        if (!taken.Contains(name))
        {
            return name;
        }

        for (var i = 2; taken.Contains(candidate); i++)
        {
            candidate = "__" + name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);
}
