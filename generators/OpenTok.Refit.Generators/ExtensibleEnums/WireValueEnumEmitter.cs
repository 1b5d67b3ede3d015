using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using OpenTok.Refit.Generators.Infrastructure;

namespace OpenTok.Refit.Generators.ExtensibleEnums;

/// <summary>Writes one enum's <c>&lt;Enum&gt;WireValues</c> class from its <see cref="WireValueEnumModel"/>.</summary>
internal static class WireValueEnumEmitter
{
    public static string Emit(WireValueEnumModel model)
    {
        var writer = SourceWriter.ForFile(model.Namespace);
        var type = model.FullyQualifiedName;
        var typeCref = "<see cref=\"" + DocumentationComments.Cref(type) + "\"/>";
        var wireValues = JoinWithOr(model.Members.Select(member => "<c>" + DocumentationComments.Escape(member.WireValue) + "</c>").ToList());

        DocumentationComments.WriteElement(writer, "summary", "The wire values of " + typeCref + ", as its members' <c>[WireValue]</c> attributes declare them.");
        writer.WriteLine((model.IsPublic ? "public" : "internal") + " static class " + model.ClassName);
        using (writer.OpenBlock())
        {
            DocumentationComments.WriteElement(writer, "summary", "The string that stands for <paramref name=\"value\"/> on the wire" + (wireValues.Length > 0 ? ": " + wireValues : "") + ".");
            DocumentationComments.WriteElement(writer, "param", "A defined " + typeCref + ".", " name=\"value\"");
            DocumentationComments.WriteElement(writer, "returns", "The wire value; a string literal, so nothing is allocated.");
            DocumentationComments.WriteElement(writer, "exception", "<paramref name=\"value\"/> is not a defined " + typeCref + ".", " cref=\"global::OpenTok.Refit.OpenTokArgumentException\"");
            writer.WriteLine("public static string ToWireValue(this " + type + " value) => value switch");
            using (writer.OpenBlock("};"))
            {
                foreach (var member in model.Members)
                {
                    writer.WriteLine(type + "." + member.Name + " => " + Literal(member.WireValue) + ",");
                }

                writer.WriteLine("_ => throw new global::OpenTok.Refit.OpenTokArgumentException(");
                writer.Indent();
                writer.WriteLine(Literal(Rule(model) + "; ") + " + ((" + model.UnderlyingTypeName + ")value).ToString(global::System.Globalization.CultureInfo.InvariantCulture) + "
                    + Literal(" is not a defined " + model.EnumName + ".") + ",");
                writer.WriteLine("nameof(value)),");
                writer.Unindent();
            }

            writer.WriteLine();
            DocumentationComments.WriteElement(writer, "summary", "The " + typeCref + " whose wire value is <paramref name=\"wireValue\"/>, compared case-sensitively.");
            DocumentationComments.WriteElement(writer, "param", "A wire value" + (wireValues.Length > 0 ? ": " + wireValues : "") + ".", " name=\"wireValue\"");
            DocumentationComments.WriteElement(writer, "returns", "The member, or <see langword=\"null\"/> when <paramref name=\"wireValue\"/> is null or not a wire value of " + typeCref + ".");
            writer.WriteLine("public static " + type + "? FromWireValue(string? wireValue) => wireValue switch");
            using (writer.OpenBlock("};"))
            {
                foreach (var member in model.Members)
                {
                    writer.WriteLine(Literal(member.WireValue) + " => " + type + "." + member.Name + ",");
                }

                writer.WriteLine("_ => null,");
            }
        }

        return writer.ToString();
    }

    // "Role must be Publisher, Subscriber or Moderator": the rule an undefined value breaks, naming every allowed member.
    private static string Rule(WireValueEnumModel model) => model.Members.Count == 0
        ? model.EnumName + " has no members"
        : model.EnumName + " must be " + JoinWithOr(model.Members.Select(member => member.Name.TrimStart('@')).ToList());

    private static string JoinWithOr(List<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " or " + items[items.Count - 1],
    };

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
}
