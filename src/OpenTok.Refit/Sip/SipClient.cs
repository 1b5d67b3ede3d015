using OpenTok.Refit.Api;

namespace OpenTok.Refit;

/// <summary>The SIP area: validates, then calls the Refit-generated <see cref="ISipApi"/>.</summary>
internal sealed class SipClient(ISipApi api, string apiKey) : ISipClient
{
    /// <inheritdoc/>
    public Task<SipCall> DialAsync(string sessionId, string token, SipOptions options, CancellationToken cancellationToken = default)
    {
        Arguments.EnsureSessionOf(sessionId, apiKey, nameof(sessionId));
        Arguments.EnsureNotEmpty(token, nameof(token));
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return api.DialAsync(apiKey, SipDialRequest.From(sessionId, token, options), cancellationToken);
    }

    /// <inheritdoc/>
    public Task PlayDtmfAsync(string sessionId, string digits, CancellationToken cancellationToken = default)
    {
        Arguments.EnsureSessionOf(sessionId, apiKey, nameof(sessionId));
        DtmfDigits.Ensure(digits, nameof(digits));
        return api.PlayDtmfAsync(apiKey, sessionId, new PlayDtmfRequest { Digits = digits }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task PlayDtmfToConnectionAsync(string sessionId, string connectionId, string digits, CancellationToken cancellationToken = default)
    {
        Arguments.EnsureSessionOf(sessionId, apiKey, nameof(sessionId));
        Arguments.EnsurePathSegment(connectionId, nameof(connectionId));
        DtmfDigits.Ensure(digits, nameof(digits));
        return api.PlayDtmfToConnectionAsync(apiKey, sessionId, connectionId, new PlayDtmfRequest { Digits = digits }, cancellationToken);
    }
}
