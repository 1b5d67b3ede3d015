using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace OpenTok.Refit.Emulator.Pipeline;

/// <summary>
/// The one charset request bodies may declare: UTF-8 (or its subset US-ASCII). JSON is UTF-8 (RFC 8259), and the
/// SDKs send forms in UTF-8; a body declared in another charset would be misread, or not read at all (.NET refuses
/// UTF-7), so it is a 400 naming the charset.
/// </summary>
internal static class BodyCharset
{
    /// <summary>Refuses a body whose <c>Content-Type</c> names a charset other than UTF-8 or US-ASCII.</summary>
    /// <exception cref="ApiErrorException">400: another charset.</exception>
    public static void EnsureUtf8(MediaTypeHeaderValue contentType)
    {
        var charset = HeaderUtilities.RemoveQuotes(contentType.Charset);
        if (charset.Length == 0
            || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)
            || charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        throw ApiErrorException.BadRequest($"The body must be UTF-8; charset {Arguments.Quote(charset.ToString())} is not supported.");
    }
}
