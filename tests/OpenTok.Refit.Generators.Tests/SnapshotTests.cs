using OpenTok.Refit.Testing;

namespace OpenTok.Refit.Generators.Tests;

/// <summary>The shared snapshot helper: Verify's file conventions, a readable failure, and acceptance.</summary>
public sealed class SnapshotTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("opentok-snapshot-").FullName;

    private string Verified => Path.Combine(_directory, "Tests.Case.verified.txt");

    private string Received => Path.Combine(_directory, "Tests.Case.received.txt");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Matching_text_passes_and_removes_a_stale_received_file()
    {
        File.WriteAllText(Verified, "line 1\nline 2\n");
        File.WriteAllText(Received, "old failure");

        Snapshot.MatchFile("line 1\r\nline 2\r\n", Verified, accept: false);

        Assert.False(File.Exists(Received));
    }

    [Fact]
    public void A_mismatch_writes_the_received_file_and_fails_with_a_diff_hint()
    {
        File.WriteAllText(Verified, "line 1\nline 2\n");

        var failure = Assert.Throws<SnapshotMismatchException>(() => Snapshot.MatchFile("line 1\nline two\n", Verified, accept: false));

        Assert.Equal("line 1\nline two\n", File.ReadAllText(Received));
        Assert.Equal("line 1\nline 2\n", File.ReadAllText(Verified));
        Assert.Contains("First difference at line 2:\n  verified: line 2\n  received: line two", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"diff -u \"{Verified}\" \"{Received}\"", failure.Message, StringComparison.Ordinal);
        Assert.Contains("OPENTOK_ACCEPT_SNAPSHOTS=1", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_verified_file_writes_the_received_file_and_fails()
    {
        var failure = Assert.Throws<SnapshotMismatchException>(() => Snapshot.MatchFile("new", Verified, accept: false));

        Assert.False(File.Exists(Verified));
        Assert.Equal("new", File.ReadAllText(Received));
        Assert.Contains("No verified snapshot Tests.Case.verified.txt yet", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepting_overwrites_the_verified_file_and_removes_the_received_one()
    {
        File.WriteAllText(Verified, "old");
        File.WriteAllText(Received, "new");

        Snapshot.MatchFile("new\r\n", Verified, accept: true);

        Assert.Equal("new\n", File.ReadAllText(Verified));
        Assert.False(File.Exists(Received));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData(" TRUE ", true)]
    [InlineData("0", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void The_accept_variable_is_1_or_true(string? value, bool accepting) =>
        Assert.Equal(accepting, Snapshot.IsAccepting(value));

    [Fact]
    public void A_deterministic_CI_path_resolves_to_the_checked_out_test_file()
    {
        var real = Snapshot.ResolveSourceFile("/_/tests/OpenTok.Refit.Generators.Tests/SnapshotTests.cs");

        Assert.True(File.Exists(real));
        Assert.EndsWith(Path.Combine("tests", "OpenTok.Refit.Generators.Tests", "SnapshotTests.cs"), real, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => Snapshot.ResolveSourceFile("/_/tests/NoSuchProject/NoSuchFile.cs"));
    }

    [Fact]
    public void Match_puts_the_snapshot_beside_the_calling_test_file() =>
        Snapshot.Match("A snapshot beside SnapshotTests.cs, named after the test method.\n");
}
