// TEMPORARY: the exact shape the REST-client generator must emit; deleted once the generator lands.
#nullable enable
namespace OpenTok.Refit.Api;

[global::System.CodeDom.Compiler.GeneratedCode("OpenTok.Refit.Generators", "1.0.0")]
internal sealed partial class SessionsApiClient : global::OpenTok.Refit.Api.ISessionsApi
{
    private readonly global::System.Net.Http.HttpClient _httpClient;
    private readonly global::System.Text.Json.JsonSerializerOptions _jsonOptions;

    public SessionsApiClient(global::System.Net.Http.HttpClient httpClient, global::System.Text.Json.JsonSerializerOptions jsonOptions)
    {
        _httpClient = httpClient ?? throw new global::System.ArgumentNullException(nameof(httpClient));
        _jsonOptions = jsonOptions ?? throw new global::System.ArgumentNullException(nameof(jsonOptions));
    }

    public async global::System.Threading.Tasks.Task<global::OpenTok.Refit.CreatedSession[]> CreateSessionAsync(global::OpenTok.Refit.CreateSessionRequest body, global::System.Threading.CancellationToken cancellationToken = default)
    {
        var path = "/session/create";
        using var request = global::OpenTok.Refit.Http.RestClientRuntime.CreateRequest(global::System.Net.Http.HttpMethod.Post, path, "/session/create");
        global::OpenTok.Refit.Http.RestClientRuntime.SetHeader(request, "Accept", "application/json");
        global::System.ArgumentNullException.ThrowIfNull(body);
        request.Content = new global::OpenTok.Refit.Http.RestFields()
            .Add("p2p.preference", body.P2pPreference)
            .Add("archiveMode", body.ArchiveMode)
            .Add("location", body.Location)
            .Add("e2ee", body.EndToEndEncryption)
            .Add("archiveName", body.ArchiveName)
            .Add("archiveResolution", body.ArchiveResolution)
            .ToFormContent();
        return await global::OpenTok.Refit.Http.RestClientRuntime.SendAsync<global::OpenTok.Refit.CreatedSession[]>(_httpClient, request, _jsonOptions, cancellationToken).ConfigureAwait(false);
    }
}

[global::System.CodeDom.Compiler.GeneratedCode("OpenTok.Refit.Generators", "1.0.0")]
internal sealed partial class ArchivesApiClient : global::OpenTok.Refit.Api.IArchivesApi
{
    private readonly global::System.Net.Http.HttpClient _httpClient;
    private readonly global::System.Text.Json.JsonSerializerOptions _jsonOptions;

    public ArchivesApiClient(global::System.Net.Http.HttpClient httpClient, global::System.Text.Json.JsonSerializerOptions jsonOptions)
    {
        _httpClient = httpClient ?? throw new global::System.ArgumentNullException(nameof(httpClient));
        _jsonOptions = jsonOptions ?? throw new global::System.ArgumentNullException(nameof(jsonOptions));
    }

    public async global::System.Threading.Tasks.Task<global::OpenTok.Refit.Archive> StartArchiveAsync(string apiKey, global::OpenTok.Refit.StartArchiveRequest body, global::System.Threading.CancellationToken cancellationToken = default)
    {
        var path = "/v2/project/" + global::OpenTok.Refit.Http.RestClientRuntime.PathSegment(apiKey, "apiKey") + "/archive";
        using var request = global::OpenTok.Refit.Http.RestClientRuntime.CreateRequest(global::System.Net.Http.HttpMethod.Post, path, "/v2/project/{apiKey}/archive");
        global::System.ArgumentNullException.ThrowIfNull(body);
        request.Content = global::OpenTok.Refit.Http.RestClientRuntime.JsonBody(body, _jsonOptions);
        return await global::OpenTok.Refit.Http.RestClientRuntime.SendAsync<global::OpenTok.Refit.Archive>(_httpClient, request, _jsonOptions, cancellationToken).ConfigureAwait(false);
    }

    public async global::System.Threading.Tasks.Task<global::OpenTok.Refit.Archive> StopArchiveAsync(string apiKey, string archiveId, global::System.Threading.CancellationToken cancellationToken = default)
    {
        var path = "/v2/project/" + global::OpenTok.Refit.Http.RestClientRuntime.PathSegment(apiKey, "apiKey") + "/archive/" + global::OpenTok.Refit.Http.RestClientRuntime.PathSegment(archiveId, "archiveId") + "/stop";
        using var request = global::OpenTok.Refit.Http.RestClientRuntime.CreateRequest(global::System.Net.Http.HttpMethod.Post, path, "/v2/project/{apiKey}/archive/{archiveId}/stop");
        return await global::OpenTok.Refit.Http.RestClientRuntime.SendAsync<global::OpenTok.Refit.Archive>(_httpClient, request, _jsonOptions, cancellationToken).ConfigureAwait(false);
    }

    public async global::System.Threading.Tasks.Task<global::OpenTok.Refit.Archive> GetArchiveAsync(string apiKey, string archiveId, global::System.Threading.CancellationToken cancellationToken = default)
    {
        var path = "/v2/project/" + global::OpenTok.Refit.Http.RestClientRuntime.PathSegment(apiKey, "apiKey") + "/archive/" + global::OpenTok.Refit.Http.RestClientRuntime.PathSegment(archiveId, "archiveId");
        using var request = global::OpenTok.Refit.Http.RestClientRuntime.CreateRequest(global::System.Net.Http.HttpMethod.Get, path, "/v2/project/{apiKey}/archive/{archiveId}");
        return await global::OpenTok.Refit.Http.RestClientRuntime.SendAsync<global::OpenTok.Refit.Archive>(_httpClient, request, _jsonOptions, cancellationToken).ConfigureAwait(false);
    }

    public async global::System.Threading.Tasks.Task DeleteArchiveAsync(string apiKey, string archiveId, global::System.Threading.CancellationToken cancellationToken = default)
    {
        var path = "/v2/project/" + global::OpenTok.Refit.Http.RestClientRuntime.PathSegment(apiKey, "apiKey") + "/archive/" + global::OpenTok.Refit.Http.RestClientRuntime.PathSegment(archiveId, "archiveId");
        using var request = global::OpenTok.Refit.Http.RestClientRuntime.CreateRequest(global::System.Net.Http.HttpMethod.Delete, path, "/v2/project/{apiKey}/archive/{archiveId}");
        await global::OpenTok.Refit.Http.RestClientRuntime.SendAsync(_httpClient, request, cancellationToken).ConfigureAwait(false);
    }

    public async global::System.Threading.Tasks.Task<global::OpenTok.Refit.ArchiveList> ListArchivesAsync(string apiKey, int? offset = null, int? count = null, string? sessionId = null, global::System.Threading.CancellationToken cancellationToken = default)
    {
        var path = "/v2/project/" + global::OpenTok.Refit.Http.RestClientRuntime.PathSegment(apiKey, "apiKey") + "/archive";
        path += new global::OpenTok.Refit.Http.RestFields()
            .Add("offset", offset)
            .Add("count", count)
            .Add("sessionId", sessionId)
            .ToQueryString();
        using var request = global::OpenTok.Refit.Http.RestClientRuntime.CreateRequest(global::System.Net.Http.HttpMethod.Get, path, "/v2/project/{apiKey}/archive");
        return await global::OpenTok.Refit.Http.RestClientRuntime.SendAsync<global::OpenTok.Refit.ArchiveList>(_httpClient, request, _jsonOptions, cancellationToken).ConfigureAwait(false);
    }

    public async global::System.Threading.Tasks.Task SetArchiveLayoutAsync(string apiKey, string archiveId, global::OpenTok.Refit.Layout layout, global::System.Threading.CancellationToken cancellationToken = default)
    {
        var path = "/v2/project/" + global::OpenTok.Refit.Http.RestClientRuntime.PathSegment(apiKey, "apiKey") + "/archive/" + global::OpenTok.Refit.Http.RestClientRuntime.PathSegment(archiveId, "archiveId") + "/layout";
        using var request = global::OpenTok.Refit.Http.RestClientRuntime.CreateRequest(global::System.Net.Http.HttpMethod.Put, path, "/v2/project/{apiKey}/archive/{archiveId}/layout");
        global::System.ArgumentNullException.ThrowIfNull(layout);
        request.Content = global::OpenTok.Refit.Http.RestClientRuntime.JsonBody(layout, _jsonOptions);
        await global::OpenTok.Refit.Http.RestClientRuntime.SendAsync(_httpClient, request, cancellationToken).ConfigureAwait(false);
    }

    public async global::System.Threading.Tasks.Task ChangeArchiveStreamsAsync(string apiKey, string archiveId, global::OpenTok.Refit.StreamsChange change, global::System.Threading.CancellationToken cancellationToken = default)
    {
        var path = "/v2/project/" + global::OpenTok.Refit.Http.RestClientRuntime.PathSegment(apiKey, "apiKey") + "/archive/" + global::OpenTok.Refit.Http.RestClientRuntime.PathSegment(archiveId, "archiveId") + "/streams";
        using var request = global::OpenTok.Refit.Http.RestClientRuntime.CreateRequest(global::System.Net.Http.HttpMethod.Patch, path, "/v2/project/{apiKey}/archive/{archiveId}/streams");
        global::System.ArgumentNullException.ThrowIfNull(change);
        request.Content = global::OpenTok.Refit.Http.RestClientRuntime.JsonBody(change, _jsonOptions);
        await global::OpenTok.Refit.Http.RestClientRuntime.SendAsync(_httpClient, request, cancellationToken).ConfigureAwait(false);
    }

    public async global::System.Threading.Tasks.Task<global::OpenTok.Refit.ArchiveStorage> SetArchiveStorageAsync(string apiKey, global::OpenTok.Refit.ArchiveStorage storage, global::System.Threading.CancellationToken cancellationToken = default)
    {
        var path = "/v2/project/" + global::OpenTok.Refit.Http.RestClientRuntime.PathSegment(apiKey, "apiKey") + "/archive/storage";
        using var request = global::OpenTok.Refit.Http.RestClientRuntime.CreateRequest(global::System.Net.Http.HttpMethod.Put, path, "/v2/project/{apiKey}/archive/storage");
        global::System.ArgumentNullException.ThrowIfNull(storage);
        request.Content = global::OpenTok.Refit.Http.RestClientRuntime.JsonBody(storage, _jsonOptions);
        return await global::OpenTok.Refit.Http.RestClientRuntime.SendAsync<global::OpenTok.Refit.ArchiveStorage>(_httpClient, request, _jsonOptions, cancellationToken).ConfigureAwait(false);
    }

    public async global::System.Threading.Tasks.Task DeleteArchiveStorageAsync(string apiKey, global::System.Threading.CancellationToken cancellationToken = default)
    {
        var path = "/v2/project/" + global::OpenTok.Refit.Http.RestClientRuntime.PathSegment(apiKey, "apiKey") + "/archive/storage";
        using var request = global::OpenTok.Refit.Http.RestClientRuntime.CreateRequest(global::System.Net.Http.HttpMethod.Delete, path, "/v2/project/{apiKey}/archive/storage");
        await global::OpenTok.Refit.Http.RestClientRuntime.SendAsync(_httpClient, request, cancellationToken).ConfigureAwait(false);
    }
}
