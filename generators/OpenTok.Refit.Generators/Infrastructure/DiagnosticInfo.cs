using Microsoft.CodeAnalysis;

namespace OpenTok.Refit.Generators.Infrastructure;

/// <summary>
/// A diagnostic waiting to be reported, as an equatable value (descriptor, plain location, message arguments),
/// so pipeline steps that carry it can still be cached.
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> MessageArguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] messageArguments) =>
        new(descriptor, location, new EquatableArray<string>(messageArguments));

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptor, Location?.ToLocation(), [.. MessageArguments]);
}
