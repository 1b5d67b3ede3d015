using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OpenTok.Refit.Generators.Infrastructure;

namespace OpenTok.Refit.Generators.RestClients;

/// <summary>Writes a parameter's default value as C# that means the same in the generated file (which has no usings).</summary>
internal static class DefaultValues
{
    public static string? Format(IParameterSymbol parameter)
    {
        if (!parameter.HasExplicitDefaultValue)
        {
            return null;
        }

        var type = parameter.Type;
        var value = parameter.ExplicitDefaultValue;
        if (value is null)
        {
            return type.IsReferenceType || RestClientParser.IsNullableValueType(type) ? "null" : "default";
        }

        var underlying = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;
        if (underlying.TypeKind == TypeKind.Enum)
        {
            // The member that has the value reads best; a combination of flags has none, so it is a cast.
            var enumName = underlying.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            var member = underlying.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value));
            return member is not null
                ? enumName + "." + Naming.EscapeIdentifier(member.Name)
                : "(" + enumName + ")(" + Literal(value) + ")";
        }

        return Literal(value);
    }

    private static string Literal(object value) => value switch
    {
        string text => SymbolDisplay.FormatLiteral(text, quote: true),
        char c => SymbolDisplay.FormatLiteral(c, quote: true),
        bool b => b ? "true" : "false",
        float f when float.IsNaN(f) => "float.NaN",
        float f when float.IsPositiveInfinity(f) => "float.PositiveInfinity",
        float f when float.IsNegativeInfinity(f) => "float.NegativeInfinity",
        float f => f.ToString("R", CultureInfo.InvariantCulture) + "F",
        double d when double.IsNaN(d) => "double.NaN",
        double d when double.IsPositiveInfinity(d) => "double.PositiveInfinity",
        double d when double.IsNegativeInfinity(d) => "double.NegativeInfinity",
        double d => d.ToString("R", CultureInfo.InvariantCulture) + "D",
        decimal m => m.ToString(CultureInfo.InvariantCulture) + "M",
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        ulong ul => ul.ToString(CultureInfo.InvariantCulture) + "UL",
        uint ui => ui.ToString(CultureInfo.InvariantCulture) + "U",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "default",
    };
}
