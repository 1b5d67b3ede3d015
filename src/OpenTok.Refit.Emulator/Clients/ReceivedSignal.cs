namespace OpenTok.Refit.Emulator;

/// <summary>A signal an <see cref="EmulatedClient"/> received (the browser SDK's <c>signal:{type}</c> event).</summary>
/// <param name="Type">The signal's type; empty for an untyped signal.</param>
/// <param name="Data">The signal's data.</param>
/// <param name="FromConnectionId">The connection of the client that sent it; <see langword="null"/> when it came from the REST API (your server).</param>
public sealed record ReceivedSignal(string Type, string Data, string? FromConnectionId);
