namespace OpenTok.Refit.Emulator;

/// <summary>Why the emulator refused what an <see cref="EmulatedClient"/> (or <see cref="OpenTokEmulator.ConnectAsync"/>) tried.</summary>
public enum EmulatedClientError
{
    /// <summary>The token is not one the service would accept: bad signature (wrong secret or key, tampered), malformed, wrong API key or application, unknown role.</summary>
    InvalidToken,

    /// <summary>The token is well signed but has expired (on the emulator's clock).</summary>
    ExpiredToken,

    /// <summary>The token is valid, for another session than the one asked for.</summary>
    TokenForAnotherSession,

    /// <summary>The emulator knows no such session (create it first, or set <see cref="OpenTokEmulatorOptions.AcceptUnknownSessions"/>).</summary>
    UnknownSession,

    /// <summary>The client's role does not allow it: a <c>subscriber</c> cannot publish, only a <c>moderator</c> can force others out or mute them.</summary>
    NotPermitted,

    /// <summary>The client is no longer connected (it left, was forced out, or the emulator was reset).</summary>
    NotConnected,

    /// <summary>The connection or stream acted on is not connected to, or published in, the client's session.</summary>
    NotFound,
}

/// <summary>The emulator refused an emulated client's action, as the service would; <see cref="Error"/> says why.</summary>
public sealed class EmulatedClientException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">Why the action was refused.</param>
    /// <param name="message">What happened, for people.</param>
    public EmulatedClientException(EmulatedClientError error, string message)
        : base(message) => Error = error;

    /// <summary>Creates the exception with <see cref="EmulatedClientError.InvalidToken"/>; prefer the constructor that names the error.</summary>
    public EmulatedClientException()
    {
    }

    /// <summary>Creates the exception with <see cref="EmulatedClientError.InvalidToken"/>; prefer the constructor that names the error.</summary>
    /// <param name="message">What happened.</param>
    public EmulatedClientException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <see cref="EmulatedClientError.InvalidToken"/>; prefer the constructor that names the error.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public EmulatedClientException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Why the action was refused.</summary>
    public EmulatedClientError Error { get; }
}
