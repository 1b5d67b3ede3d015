using OpenTok.Refit.Api;

namespace OpenTok.Refit;

/// <summary>The legacy callbacks area: refuses a Vonage application, validates, then calls the Refit-generated <see cref="ICallbacksApi"/>.</summary>
internal sealed class CallbacksClient(ICallbacksApi api, string apiKey, bool isVonageApplication) : ICallbacksClient
{
    private const string ApiName = "The legacy callback API";

    /// <inheritdoc/>
    public Task<Callback> RegisterAsync(CallbackGroup group, CallbackEvent callbackEvent, string url, CancellationToken cancellationToken = default)
    {
        ApiKeyOnly.Ensure(isVonageApplication, ApiName, "set a Vonage application's callback URLs in the Vonage dashboard instead");
        var request = new RegisterCallbackRequest { Group = group, Event = callbackEvent, Url = url };
        request.Validate();
        return api.RegisterAsync(apiKey, request, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Callback>> ListAsync(CancellationToken cancellationToken = default)
    {
        ApiKeyOnly.Ensure(isVonageApplication, ApiName, "set a Vonage application's callback URLs in the Vonage dashboard instead");
        return await api.ListAsync(apiKey, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task UnregisterAsync(string callbackId, CancellationToken cancellationToken = default)
    {
        ApiKeyOnly.Ensure(isVonageApplication, ApiName, "set a Vonage application's callback URLs in the Vonage dashboard instead");
        Arguments.EnsurePathSegment(callbackId, nameof(callbackId));
        return api.UnregisterAsync(apiKey, callbackId, cancellationToken);
    }
}
