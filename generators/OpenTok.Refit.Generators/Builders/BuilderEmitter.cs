using OpenTok.Refit.Generators.Infrastructure;

namespace OpenTok.Refit.Generators.Builders;

/// <summary>Writes the source of one record's <c>Builder</c> from its <see cref="BuilderModel"/>.</summary>
internal static class BuilderEmitter
{
    private const string DictionaryType = "global::System.Collections.Generic.Dictionary";

    public static string Emit(BuilderModel model)
    {
        var writer = SourceWriter.ForFile(model.Namespace);

        var blocks = new System.Collections.Generic.Stack<SourceWriter.Block>();
        foreach (var container in model.ContainingTypes)
        {
            writer.WriteLine("partial " + container.Keyword + " " + container.Name);
            blocks.Push(writer.OpenBlock());
        }

        writer.WriteLine("partial record " + model.TypeName);
        using (writer.OpenBlock())
        {
            WriteRecordMembers(writer, model);
            writer.WriteLine();
            WriteBuilder(writer, model);
        }

        while (blocks.Count > 0)
        {
            blocks.Pop().Dispose();
        }

        return writer.ToString();
    }

    private static void WriteRecordMembers(SourceWriter writer, BuilderModel model)
    {
        var hide = model.HidesInheritedBuilder ? "new " : "";
        var record = Cref(model);

        DocumentationComments.WriteElement(writer, "summary", "Starts a <see cref=\"Builder\"/> for " + record + " from the record's own defaults.");
        DocumentationComments.WriteElement(writer, "returns", "A builder with no property set yet.");
        writer.WriteLine("public static " + hide + "Builder CreateBuilder() => new Builder();");
        writer.WriteLine();
        DocumentationComments.WriteElement(writer, "summary", "Starts a <see cref=\"Builder\"/> from this instance, to build a changed copy of it.");
        DocumentationComments.WriteElement(writer, "returns", "A builder holding this instance's values.");
        writer.WriteLine("public " + hide + "Builder ToBuilder() => new Builder(this);");
    }

    private static void WriteBuilder(SourceWriter writer, BuilderModel model)
    {
        var record = Cref(model);
        var start = "_value ?? new " + model.FullyQualifiedName + "()";

        DocumentationComments.WriteElement(writer, "summary",
            "Builds a " + record + " one property at a time.\n"
            + "A builder is an immutable value: each method returns a new builder and leaves this one unchanged,\n"
            + "so builders can be shared, and chains read the same from C# and F#.\n"
            + "Properties left unset keep the record's own defaults.");
        writer.WriteLine("public " + (model.HidesInheritedBuilder ? "new " : "") + "readonly struct Builder");
        using (writer.OpenBlock())
        {
            // Null until something is set, so that default(Builder) also starts from the record's defaults.
            writer.WriteLine("private readonly " + model.FullyQualifiedName + "? _value;");
            writer.WriteLine();

            DocumentationComments.WriteElement(writer, "summary", "Starts a builder from the record's own defaults.");
            writer.WriteLine("public Builder()");
            using (writer.OpenBlock())
            {
                writer.WriteLine("_value = null;");
            }

            writer.WriteLine();
            DocumentationComments.WriteElement(writer, "summary", "Starts a builder from <paramref name=\"value\"/>, to build a changed copy of it.");
            DocumentationComments.WriteElement(writer, "param", "The record to start from.", " name=\"value\"");
            DocumentationComments.WriteElement(writer, "exception", "<paramref name=\"value\"/> is null.", " cref=\"global::System.ArgumentNullException\"");
            writer.WriteLine("public Builder(" + model.FullyQualifiedName + " value)");
            using (writer.OpenBlock())
            {
                writer.WriteLine("_value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
            }

            foreach (var property in model.Properties)
            {
                writer.WriteLine();
                WriteSetter(writer, model, property, start);
                if (property.Collection is { } collection)
                {
                    writer.WriteLine();
                    WriteAdd(writer, model, property, collection, start);
                }
            }

            writer.WriteLine();
            WriteBuild(writer, model, start);
        }
    }

    private static void WriteSetter(SourceWriter writer, BuilderModel model, BuilderProperty property, string start)
    {
        var propertyCref = PropertyCref(property);
        DocumentationComments.WriteElement(writer, "summary", property.Summary ?? "Sets " + propertyCref + ".");
        DocumentationComments.WriteElement(writer, "param", "The value for " + propertyCref + ".", " name=\"" + Unescaped(property.ParameterName) + "\"");
        DocumentationComments.WriteElement(writer, "returns", "A new builder with " + propertyCref + " set; this builder is unchanged.");
        writer.WriteLine("public Builder " + property.Name + "(" + property.TypeName + " " + property.ParameterName + ") =>");
        writer.Indent();
        writer.WriteLine("new Builder((" + start + ") with { " + property.Name + " = " + property.ParameterName + " });");
        writer.Unindent();
    }

    private static void WriteAdd(SourceWriter writer, BuilderModel model, BuilderProperty property, CollectionInfo collection, string start)
    {
        var propertyCref = PropertyCref(property);
        var isDictionary = collection.Kind is CollectionKind.Dictionary or CollectionKind.ImmutableDictionary;

        if (isDictionary)
        {
            DocumentationComments.WriteElement(writer, "summary", "Adds one entry to " + propertyCref + ", replacing the value of a key already there.");
        }
        else
        {
            DocumentationComments.WriteElement(writer, "summary", "Adds one item to " + propertyCref + ", after the items already set.");
        }

        if (property.Summary is { } summary)
        {
            DocumentationComments.WriteElement(writer, "remarks", summary);
        }

        string parameters;
        if (isDictionary)
        {
            DocumentationComments.WriteElement(writer, "param", "The key of the entry.", " name=\"key\"");
            DocumentationComments.WriteElement(writer, "param", "The value of the entry.", " name=\"value\"");
            parameters = collection.KeyTypeName + " key, " + collection.ItemTypeName + " value";
        }
        else
        {
            DocumentationComments.WriteElement(writer, "param", "The item to add.", " name=\"" + Unescaped(collection.ItemParameterName) + "\"");
            parameters = collection.ItemTypeName + " " + collection.ItemParameterName;
        }

        DocumentationComments.WriteElement(writer, "returns", "A new builder with the " + (isDictionary ? "entry" : "item") + " added; this builder and its collection are unchanged.");
        writer.WriteLine("public Builder " + collection.AddMethodName + "(" + parameters + ")");
        using (writer.OpenBlock())
        {
            // Locals start with "__" so that no parameter (named after a property) can shadow them.
            writer.WriteLine("var __current = " + start + ";");
            var existing = "__current." + property.Name;
            switch (collection.Kind)
            {
                case CollectionKind.Sequence:
                    writer.WriteLine("return new Builder(__current with { " + property.Name + " = [.. " + existing + " ?? [], " + collection.ItemParameterName + "] });");
                    break;
                case CollectionKind.ImmutableArray:
                    writer.WriteLine("var __items = " + existing + ".IsDefault ? " + collection.ConcreteTypeName + ".Empty : " + existing + ";");
                    writer.WriteLine("return new Builder(__current with { " + property.Name + " = __items.Add(" + collection.ItemParameterName + ") });");
                    break;
                case CollectionKind.ImmutableDictionary:
                    writer.WriteLine("var __entries = " + existing + " ?? " + collection.ConcreteTypeName + ".Empty;");
                    writer.WriteLine("return new Builder(__current with { " + property.Name + " = __entries.SetItem(key, value) });");
                    break;
                default:
                    // A copy, never the previous builder's dictionary; it keeps a Dictionary's comparer (say, case-insensitive keys).
                    var dictionary = DictionaryType + "<" + collection.KeyTypeName + ", " + collection.ItemTypeName + ">";
                    writer.WriteLine("var __entries = " + existing + " is " + dictionary + " __dictionary");
                    writer.Indent();
                    writer.WriteLine("? new " + dictionary + "(__dictionary, __dictionary.Comparer)");
                    writer.WriteLine(": " + existing + " is null");
                    writer.Indent();
                    writer.WriteLine("? new " + dictionary + "()");
                    writer.WriteLine(": new " + dictionary + "(" + existing + ");");
                    writer.Unindent();
                    writer.Unindent();
                    writer.WriteLine("__entries[key] = value;");
                    writer.WriteLine("return new Builder(__current with { " + property.Name + " = __entries });");
                    break;
            }
        }
    }

    private static void WriteBuild(SourceWriter writer, BuilderModel model, string start)
    {
        var record = Cref(model);
        if (!model.HasValidate)
        {
            DocumentationComments.WriteElement(writer, "summary", "Returns the built " + record + ".");
            DocumentationComments.WriteElement(writer, "returns", "The record, with its own defaults for every property left unset.");
            writer.WriteLine("public " + model.FullyQualifiedName + " Build() => " + start + ";");
            return;
        }

        DocumentationComments.WriteElement(writer, "summary", "Returns the built " + record + ", after checking it with the record's own rules (its <c>Validate()</c> method).");
        DocumentationComments.WriteElement(writer, "returns", "The record, with its own defaults for every property left unset.");
        DocumentationComments.WriteElement(writer, "exception", "A value breaks one of the record's rules.", " cref=\"global::System.ArgumentException\"");
        writer.WriteLine("public " + model.FullyQualifiedName + " Build()");
        using (writer.OpenBlock())
        {
            writer.WriteLine("var __value = " + start + ";");
            writer.WriteLine("__value.Validate();");
            writer.WriteLine("return __value;");
        }
    }

    private static string Cref(BuilderModel model) => "<see cref=\"" + DocumentationComments.Cref(model.FullyQualifiedName) + "\"/>";

    private static string PropertyCref(BuilderProperty property) => "<see cref=\"" + property.Cref + "\"/>";

    private static string Unescaped(string identifier) => identifier.TrimStart('@');
}
