namespace OpenTok.Refit;

/// <summary>
/// Refuses the APIs the service offers only to OpenTok API-key credentials (the legacy callbacks, project management)
/// when the client is a Vonage application, before anything is signed or sent: the service would refuse them anyway,
/// with an authentication error that says nothing of why.
/// </summary>
internal static class ApiKeyOnly
{
    /// <summary>Throws when <paramref name="isVonageApplication"/>.</summary>
    /// <param name="isVonageApplication">Whether the client speaks for a Vonage application.</param>
    /// <param name="api">The API, as the message names it, e.g. <c>Project management</c>.</param>
    /// <param name="instead">What a Vonage application does instead, for the message.</param>
    /// <exception cref="NotSupportedException">The client is a Vonage application.</exception>
    public static void Ensure(bool isVonageApplication, string api, string instead)
    {
        if (isVonageApplication)
        {
            throw new NotSupportedException(
                $"{api} exists only for OpenTok API-key credentials (an API key and secret); this client is a Vonage application (an application id and private key), for which the service does not offer it: {instead}.");
        }
    }
}
