using System;
using System.Text;

namespace OpenTok.Refit.Generators.Infrastructure;

/// <summary>
/// Writes C# source with indentation and '\n' line ends on every platform, so generated files (and their
/// snapshots) are byte-for-byte the same wherever they are produced.
/// </summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";

    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter WriteLine()
    {
        _builder.Append('\n');
        return this;
    }

    public SourceWriter WriteLine(string line)
    {
        if (line.Length > 0)
        {
            for (var i = 0; i < _indent; i++)
            {
                _builder.Append(IndentUnit);
            }

            _builder.Append(line);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes each line of <paramref name="text"/> (split on '\n') at the current indentation.</summary>
    public SourceWriter WriteLines(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            WriteLine(line.TrimEnd('\r'));
        }

        return this;
    }

    /// <summary>Writes <c>{</c> and indents until the returned scope is disposed, which writes <c>}</c>.</summary>
    public Block OpenBlock(string closing = "}")
    {
        WriteLine("{");
        _indent++;
        return new Block(this, closing);
    }

    public void Indent() => _indent++;

    public void Unindent()
    {
        if (_indent == 0)
        {
            throw new InvalidOperationException("Unbalanced indentation in generated source.");
        }

        _indent--;
    }

    public override string ToString() => _builder.ToString();

    /// <summary>Closes a block opened by <see cref="OpenBlock"/>.</summary>
    public readonly struct Block(SourceWriter writer, string closing) : IDisposable
    {
        public void Dispose()
        {
            writer.Unindent();
            writer.WriteLine(closing);
        }
    }
}
