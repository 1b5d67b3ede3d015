using System.Reflection;
using Refit;

namespace OpenTok.Refit.Tests.Rest;

/// <summary>The README's endpoint table names every endpoint the Refit interfaces declare, so it stays true.</summary>
public class ReadmeEndpointTableTests
{
    [Fact]
    public void Every_declared_endpoint_is_in_the_README_table()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var declared = typeof(OpenTokClient).Assembly.GetTypes()
            .Where(t => t.IsInterface && t.Namespace == "OpenTok.Refit.Api")
            .SelectMany(t => t.GetMethods())
            .Select(m => m.GetCustomAttribute<HttpMethodAttribute>())
            .OfType<HttpMethodAttribute>()
            .Select(a => $"`{a.Method.Method} {a.Path}`")
            .Distinct()
            .ToList();

        Assert.True(declared.Count >= 40, $"only {declared.Count} endpoints found: the reflection above is broken");
        Assert.All(declared, row => Assert.Contains($"| {row} |", readme, StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpenTok.Refit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OpenTok.Refit.sln not found above " + AppContext.BaseDirectory);
    }
}
