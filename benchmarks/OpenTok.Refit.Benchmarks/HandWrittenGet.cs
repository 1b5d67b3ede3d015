using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OpenTok.Refit.Tokens;

namespace OpenTok.Refit.Benchmarks;

/// <summary>
/// The baseline of the client benchmarks: <c>GET …/archive/{archiveId}</c> written by hand — sign a JWT, send, check
/// the status, deserialise with the source-generated context — and the answer both benchmarks serve.
/// </summary>
internal static class HandWrittenGet
{
    public const string ApiKey = "123456";
    public const string ApiSecret = "0123456789abcdef0123456789abcdef01234567";
    public const string ArchiveId = "b40ef09b-3811-4726-b508-e41a0f96c68f";

    public static readonly string ArchiveJson = $$"""
        {"createdAt":1384221730000,"duration":5049,"hasAudio":true,"hasVideo":true,"id":"{{ArchiveId}}","name":"Foo",
         "outputMode":"composed","projectId":123456,"reason":"","resolution":"640x480","sessionId":"1_MX4xMjM0NTZ-fg",
         "size":247748791,"status":"available","streamMode":"auto","url":"https://example.com/archive.mp4"}
        """;

    private static readonly byte[] Secret = Encoding.UTF8.GetBytes(ApiSecret);

    public static async Task<Archive> SendAsync(HttpClient client)
    {
        var now = DateTimeOffset.UtcNow;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v2/project/{ApiKey}/archive/{ArchiveId}");
        request.Headers.TryAddWithoutValidation("X-OPENTOK-AUTH", RestJwt.Create(ApiKey, Secret, RestJwtIssuerType.Project, now, now.AddMinutes(3), Guid.NewGuid()));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TryAddWithoutValidation("User-Agent", "HandWritten/1.0");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        return (await JsonSerializer.DeserializeAsync(body, OpenTokJsonContext.Default.Archive))!;
    }
}
