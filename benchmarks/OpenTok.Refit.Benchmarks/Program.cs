using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/OpenTok.Refit.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>The benchmark entry point.</summary>
public partial class Program;
