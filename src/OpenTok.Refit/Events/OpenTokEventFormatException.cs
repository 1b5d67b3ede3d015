namespace OpenTok.Refit;

/// <summary>
/// A callback body that cannot be an OpenTok event: not JSON, not a JSON object, or a known field of the wrong type.
/// The message says what was wrong and where; it never quotes more than 100 characters of the body.
/// </summary>
/// <remarks>Unknown event kinds and unknown fields are not errors: they parse as <see cref="UnknownEvent"/> or are ignored.</remarks>
public sealed class OpenTokEventFormatException : FormatException
{
    /// <summary>Creates the exception with a default message.</summary>
    public OpenTokEventFormatException()
        : base("The callback body is not an OpenTok event.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What was wrong.</param>
    public OpenTokEventFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    /// <param name="message">What was wrong.</param>
    /// <param name="innerException">The cause.</param>
    public OpenTokEventFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
