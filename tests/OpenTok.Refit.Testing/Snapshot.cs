using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;

namespace OpenTok.Refit.Testing;

/// <summary>
/// Golden-file snapshots, following Verify's conventions: the expected text lives in
/// <c>{TestFile}.{TestMethod}.verified.txt</c> beside the test's source file and is committed; a mismatch (or a
/// missing file) writes <c>{TestFile}.{TestMethod}.received.txt</c> there (git-ignored) and fails with a diff hint;
/// with the environment variable <c>OPENTOK_ACCEPT_SNAPSHOTS=1</c> the received text is accepted as verified.
/// </summary>
public static partial class Snapshot
{
    /// <summary>The environment variable that, set to <c>1</c> (or <c>true</c>), accepts every received snapshot.</summary>
    public const string AcceptVariable = "OPENTOK_ACCEPT_SNAPSHOTS";

    /// <summary>Checks <paramref name="actual"/> against the verified snapshot of the calling test.</summary>
    /// <param name="actual">The text to check; line ends are normalised to <c>\n</c>.</param>
    /// <param name="file">The calling test's source file (filled in by the compiler).</param>
    /// <param name="name">The calling test method (filled in by the compiler).</param>
    /// <exception cref="SnapshotMismatchException">The text differs from the verified snapshot, or there is none yet.</exception>
    public static void Match(string actual, [CallerFilePath] string file = "", [CallerMemberName] string name = "")
    {
        ArgumentNullException.ThrowIfNull(actual);
        var source = ResolveSourceFile(file);
        var stem = Path.Combine(Path.GetDirectoryName(source)!, Path.GetFileNameWithoutExtension(source) + "." + name);
        MatchFile(actual, stem + ".verified.txt", IsAccepting(Environment.GetEnvironmentVariable(AcceptVariable)));
    }

    /// <summary>
    /// Checks <paramref name="actual"/> against the file <paramref name="verifiedPath"/>; the received file is written
    /// beside it (<c>.verified.txt</c> → <c>.received.txt</c>). <see cref="Match"/> does this for the calling test.
    /// </summary>
    /// <param name="actual">The text to check; line ends are normalised to <c>\n</c>.</param>
    /// <param name="verifiedPath">The verified file, ending in <c>.verified.txt</c>.</param>
    /// <param name="accept">Whether to overwrite the verified file with <paramref name="actual"/> instead of comparing.</param>
    /// <exception cref="SnapshotMismatchException">The text differs from the verified file, or there is none yet.</exception>
    public static void MatchFile(string actual, string verifiedPath, bool accept)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(verifiedPath);
        if (!verifiedPath.EndsWith(".verified.txt", StringComparison.Ordinal))
        {
            throw new ArgumentException("A verified snapshot's name ends in '.verified.txt'.", nameof(verifiedPath));
        }

        var receivedPath = verifiedPath[..^".verified.txt".Length] + ".received.txt";
        var received = Normalize(actual);

        if (accept)
        {
            Write(verifiedPath, received);
            File.Delete(receivedPath);
            return;
        }

        if (File.Exists(verifiedPath))
        {
            var verified = Normalize(File.ReadAllText(verifiedPath, Encoding.UTF8));
            if (verified == received)
            {
                // A received file left by an earlier failure is stale now.
                File.Delete(receivedPath);
                return;
            }

            Write(receivedPath, received);
            throw new SnapshotMismatchException(
                $"Snapshot mismatch for {Path.GetFileName(verifiedPath)}.\n"
                + FirstDifference(verified, received)
                + Hint(verifiedPath, receivedPath));
        }

        Write(receivedPath, received);
        throw new SnapshotMismatchException(
            $"No verified snapshot {Path.GetFileName(verifiedPath)} yet; the text was written to the received file.\n"
            + Hint(verifiedPath, receivedPath));
    }

    internal static bool IsAccepting(string? value) =>
        value is not null && (value.Trim() == "1" || value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The calling test's source file. Deterministic CI builds map source paths (<c>/_/tests/…</c>), so a path that
    /// does not exist is looked up below the folders that hold the test binaries (the project, then the repository).
    /// </summary>
    internal static string ResolveSourceFile(string file)
    {
        if (File.Exists(file))
        {
            return file;
        }

        var relative = MappedRoot().Replace(file, "").Replace('\\', '/');
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"Cannot find the test source file '{file}' to put its snapshot beside; run the tests from a checkout of the sources.");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static void Write(string path, string text) => File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

    private static string FirstDifference(string verified, string received)
    {
        var expectedLines = verified.Split('\n');
        var actualLines = received.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var expected = i < expectedLines.Length ? expectedLines[i] : "<end of file>";
            var actual = i < actualLines.Length ? actualLines[i] : "<end of file>";
            if (expected != actual)
            {
                return $"First difference at line {i + 1}:\n  verified: {expected}\n  received: {actual}\n";
            }
        }

        return "";
    }

    private static string Hint(string verifiedPath, string receivedPath) =>
        $"  verified: {verifiedPath}\n"
        + $"  received: {receivedPath}\n"
        + $"Compare them with: diff -u \"{verifiedPath}\" \"{receivedPath}\"\n"
        + $"If the new text is right, accept it: rerun with {AcceptVariable}=1, or move the received file over the verified one.";

    [GeneratedRegex(@"^[/\\]_\d*[/\\]")]
    private static partial Regex MappedRoot();
}

/// <summary>A snapshot did not match its verified file (or had none).</summary>
public sealed class SnapshotMismatchException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public SnapshotMismatchException()
        : base("The snapshot does not match its verified file.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What differs and how to accept it.</param>
    public SnapshotMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    /// <param name="message">What differs and how to accept it.</param>
    /// <param name="innerException">The cause.</param>
    public SnapshotMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
