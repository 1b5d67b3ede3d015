using System;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace OpenTok.Refit.Generators.Infrastructure;

/// <summary>Reads a member's XML documentation and writes XML documentation into generated source.</summary>
internal static class DocumentationComments
{
    /// <summary>
    /// The inner XML of the <c>&lt;summary&gt;</c> in a symbol's documentation (as returned by
    /// <c>ISymbol.GetDocumentationCommentXml()</c>), one trimmed line per source line; null when there is none.
    /// Cross-references stay as the compiler resolved them (<c>cref="T:…"</c>), which the compiler accepts verbatim.
    /// </summary>
    public static string? ExtractSummary(string? documentationXml)
    {
        if (documentationXml is null || string.IsNullOrWhiteSpace(documentationXml))
        {
            return null;
        }

        XElement root;
        try
        {
            root = XElement.Parse(documentationXml, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException)
        {
            return null;
        }

        var summary = root.Name.LocalName == "summary" ? root : root.Descendants("summary").FirstOrDefault();
        if (summary is null)
        {
            return null;
        }

        var inner = string.Concat(summary.Nodes().Select(node => node.ToString(SaveOptions.DisableFormatting)));
        var lines = inner.Replace("\r\n", "\n").Split('\n').Select(line => line.Trim()).ToList();
        while (lines.Count > 0 && lines[0].Length == 0)
        {
            lines.RemoveAt(0);
        }

        while (lines.Count > 0 && lines[lines.Count - 1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines.Count == 0 ? null : string.Join("\n", lines);
    }

    /// <summary>Writes <paramref name="xml"/> (possibly several lines) as <c>///</c> lines.</summary>
    public static void Write(SourceWriter writer, string xml)
    {
        foreach (var line in xml.Split('\n'))
        {
            writer.WriteLine(line.Length == 0 ? "///" : "/// " + line);
        }
    }

    /// <summary>Writes <c>&lt;tag&gt;</c> around <paramref name="content"/>: on one line when it is one line, else as a block.</summary>
    public static void WriteElement(SourceWriter writer, string tag, string content, string attributes = "")
    {
        var open = "<" + tag + attributes + ">";
        var close = "</" + tag + ">";
        if (content.IndexOf('\n') < 0)
        {
            Write(writer, open + content + close);
            return;
        }

        Write(writer, open);
        Write(writer, content);
        Write(writer, close);
    }

    /// <summary>Escapes text for use inside XML documentation.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>
    /// A cref for a fully qualified C# type or member name: generic brackets become braces
    /// (<c>global::N.Page&lt;T&gt;</c> → <c>global::N.Page{T}</c>) as documentation comments require.
    /// </summary>
    public static string Cref(string fullyQualifiedName) =>
        fullyQualifiedName.Replace('<', '{').Replace('>', '}');
}
