namespace OpenTok.Refit;

/// <summary>
/// Thrown before anything is signed or sent when an argument breaks one of OpenTok's rules. The message names
/// the rule; <see cref="ArgumentException.ParamName"/> names the parameter or option that broke it. Messages
/// never contain the API secret.
/// </summary>
public class OpenTokArgumentException : ArgumentException
{
    /// <summary>Creates the exception with the rule that was broken and the parameter that broke it.</summary>
    /// <param name="message">What was wrong, and what is allowed.</param>
    /// <param name="paramName">The parameter or option name.</param>
    public OpenTokArgumentException(string message, string? paramName)
        : base(message, paramName)
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">What was wrong.</param>
    public OpenTokArgumentException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What was wrong.</param>
    /// <param name="innerException">The cause.</param>
    public OpenTokArgumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message; prefer the constructors that name the rule.</summary>
    public OpenTokArgumentException()
    {
    }
}
