using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using OpenTok.Refit.Generators.Infrastructure;

namespace OpenTok.Refit.Generators.ExtensibleEnums;

/// <summary>Writes the generated part of one extensible enum struct from its <see cref="ExtensibleEnumModel"/>.</summary>
internal static class ExtensibleEnumEmitter
{
    private const string Library = "global::OpenTok.Refit.";

    public static string Emit(ExtensibleEnumModel model)
    {
        var writer = SourceWriter.ForFile(model.Namespace);
        var type = model.FullyQualifiedName;

        writer.WriteLine("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + Library + "ExtensibleEnumConverter<" + type + ">))]");
        writer.WriteLine("readonly partial record struct " + model.TypeName + " : " + Library + "IExtensibleEnum<" + type + ">");
        using (writer.OpenBlock())
        {
            // Null only in default(T), which Value reads as "", so that default(T) equals new T("").
            writer.WriteLine("private readonly string? _value;");
            writer.WriteLine();

            DocumentationComments.WriteElement(writer, "summary", "Wraps a wire value, known or not, so that values the SDK does not know yet are kept as they are.");
            DocumentationComments.WriteElement(writer, "param", "The wire value, exactly as the server writes it.", " name=\"value\"");
            DocumentationComments.WriteElement(writer, "exception", "<paramref name=\"value\"/> is null.", " cref=\"global::System.ArgumentNullException\"");
            writer.WriteLine("public " + model.TypeName + "(string value)");
            using (writer.OpenBlock())
            {
                writer.WriteLine("_value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
            }

            writer.WriteLine();
            DocumentationComments.WriteElement(writer, "summary", "The wire value; never null (<c>default</c> has the empty string).");
            writer.WriteLine("public string Value => _value ?? \"\";");

            foreach (var known in model.KnownValues)
            {
                writer.WriteLine();
                // No documentation comment here: the declaration's own would be replaced by it.
                writer.WriteLine(known.Modifiers + " " + type + " " + known.PropertyName + " => new(" + Literal(known.WireValue) + ");");
            }

            writer.WriteLine();
            DocumentationComments.WriteElement(writer, "summary", "Every value this SDK knows, in declaration order.");
            writer.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<" + type + "> Known { get; } = [" + string.Join(", ", model.KnownValues.Select(known => known.PropertyName)) + "];");

            writer.WriteLine();
            DocumentationComments.WriteElement(writer, "summary", "Whether this is one of the <see cref=\"Known\"/> values.");
            writer.WriteLine("public bool IsKnown => Value switch");
            using (writer.OpenBlock("};"))
            {
                foreach (var known in model.KnownValues)
                {
                    writer.WriteLine(Literal(known.WireValue) + " => true,");
                }

                writer.WriteLine("_ => false,");
            }

            writer.WriteLine();
            DocumentationComments.WriteElement(writer, "summary", "Wraps a wire value, known or not; the same as the constructor.");
            DocumentationComments.WriteElement(writer, "param", "The wire value, exactly as the server writes it.", " name=\"value\"");
            DocumentationComments.WriteElement(writer, "returns", "The value, equal to the known value with this wire value when there is one.");
            DocumentationComments.WriteElement(writer, "exception", "<paramref name=\"value\"/> is null.", " cref=\"global::System.ArgumentNullException\"");
            writer.WriteLine("public static " + type + " FromValue(string value) => new(value);");

            writer.WriteLine();
            DocumentationComments.WriteElement(writer, "summary", "Whether <paramref name=\"other\"/> has the same wire value, compared ordinally (case-sensitive). <c>default</c> equals the empty value.");
            DocumentationComments.WriteElement(writer, "param", "The value to compare with.", " name=\"other\"");
            DocumentationComments.WriteElement(writer, "returns", "Whether the wire values are the same.");
            writer.WriteLine("public bool Equals(" + type + " other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");

            writer.WriteLine();
            DocumentationComments.WriteElement(writer, "summary", "A hash of the wire value, consistent with " + "<see cref=\"Equals(" + DocumentationComments.Cref(type) + ")\"/>.");
            DocumentationComments.WriteElement(writer, "returns", "The ordinal hash code of <see cref=\"Value\"/>.");
            writer.WriteLine("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");

            writer.WriteLine();
            DocumentationComments.WriteElement(writer, "summary", "The wire value.");
            DocumentationComments.WriteElement(writer, "returns", "<see cref=\"Value\"/>.");
            writer.WriteLine("public override string ToString() => Value;");
        }

        return writer.ToString();
    }

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
}
