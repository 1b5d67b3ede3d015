using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace OpenTok.Refit.Emulator.Pipeline;

/// <summary>
/// Reads the <c>application/x-www-form-urlencoded</c> bodies the service takes (<c>POST /session/create</c>). Anything
/// else with a body is a 400, a form past the form reader's limits (1024 fields, 2048-character names) a 413: never a
/// 500.
/// </summary>
internal static class FormBodies
{
    private const string FormType = "application/x-www-form-urlencoded";

    /// <summary>The form, or an empty one when the request has no body; every long field is noted for <see cref="LongInputs"/>.</summary>
    /// <exception cref="ApiErrorException">400: a body of another type, or another charset; 413: a form past the reader's limits.</exception>
    public static async Task<IFormCollection> ReadUrlEncodedFormAsync(this HttpContext context)
    {
        var request = context.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) || !contentType.MediaType.Equals(FormType, StringComparison.OrdinalIgnoreCase))
        {
            // Some SDKs send no body, or an empty one of any type, for "all defaults".
            return request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0
                ? throw ApiErrorException.BadRequest($"{request.Path} takes an {FormType} body, not {Arguments.Quote(request.ContentType)}.")
                : FormCollection.Empty;
        }

        BodyCharset.EnsureUtf8(contentType);
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            // The form reader's only complaint about a url-encoded body is one of its size limits.
            throw new ApiErrorException(StatusCodes.Status413PayloadTooLarge, $"The form is too large: {e.Message}");
        }

        foreach (var (name, values) in form)
        {
            LongInputs.Note(context, name);
            foreach (var value in values)
            {
                LongInputs.Note(context, value);
            }
        }

        return form;
    }
}
