using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Web;
using BenchmarkDotNet.Attributes;
using OpenTok.Refit;
using OpenTok.Refit.Tokens;

namespace OpenTok.Refit.Benchmarks;

/// <summary>
/// Token signing against its physical floor (the one-shot HMAC over exactly the bytes the token signs) and against
/// the string-concatenation approach most SDKs take.
/// </summary>
[MemoryDiagnoser]
public class TokenBenchmarks
{
    private const string ApiKey = "123456";
    private const string ApiSecret = "0123456789abcdef0123456789abcdef01234567";
    private static readonly string SessionId = OpenTok.Refit.Tokens.SessionId.Create(ApiKey, "", DateTimeOffset.UnixEpoch, 0.42);

    private const string ApplicationId = "29f760f8-7ce1-46c9-ade3-f2dedee4ed5f";
    private static readonly string ApplicationSessionId = OpenTok.Refit.Tokens.SessionId.Create(ApplicationId, "", DateTimeOffset.UnixEpoch, 0.42);

    private readonly OpenTokClient _client = new(ApiKey, ApiSecret);
    private readonly OpenTokClient _application = OpenTokClient.ForApplication(ApplicationId, System.Security.Cryptography.RSA.Create(2048).ExportPkcs8PrivateKeyPem());
    private readonly byte[] _secret = Encoding.UTF8.GetBytes(ApiSecret);
    private readonly TokenOptions _jwtOptions = new() { Data = "name=Johnny&userId=12345", InitialLayoutClassList = ["focus"] };
    private readonly TokenOptions _t1Options = new() { Data = "name=Johnny&userId=12345", InitialLayoutClassList = ["focus"], Format = TokenFormat.T1 };
    private byte[] _jwtSigned = [];
    private byte[] _t1Signed = [];

    [GlobalSetup]
    public void Setup()
    {
        // The floors sign exactly what a real token signs: header.payload for a JWT, the data string for T1.
        var jwt = _client.GenerateToken(SessionId, _jwtOptions);
        _jwtSigned = Encoding.ASCII.GetBytes(jwt[..jwt.LastIndexOf('.')]);
        var t1 = Encoding.UTF8.GetString(Convert.FromBase64String(_client.GenerateToken(SessionId, _t1Options)[4..]));
        _t1Signed = Encoding.UTF8.GetBytes(t1[(t1.IndexOf(':', StringComparison.Ordinal) + 1)..]);
    }

    /// <summary>A JWT client token through the public facade (validation, clock, nonce included).</summary>
    [Benchmark]
    public string Jwt() => _client.GenerateToken(SessionId, _jwtOptions);

    /// <summary>The floor under <see cref="Jwt"/>: HMAC-SHA256 over the bytes it signs.</summary>
    [Benchmark]
    public int JwtFloor()
    {
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        return HMACSHA256.HashData(_secret, _jwtSigned, hash);
    }

    /// <summary>A Vonage application's RS256 client token (2048-bit key) through the public facade.</summary>
    [Benchmark]
    public string ApplicationJwt() => _application.GenerateToken(ApplicationSessionId, _jwtOptions);

    /// <summary>A legacy T1 token through the public facade.</summary>
    [Benchmark]
    public string T1() => _client.GenerateToken(SessionId, _t1Options);

    /// <summary>The floor under <see cref="T1"/>: HMAC-SHA1 over the data string it signs.</summary>
    [Benchmark]
    public int T1Floor()
    {
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        return HMACSHA1.HashData(_secret, _t1Signed, hash);
    }

    /// <summary>The REST auth JWT signed for every request attempt.</summary>
    [Benchmark]
    public string RestJwt() =>
        Tokens.RestJwt.Create(ApiKey, _secret, RestJwtIssuerType.Project, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(3), Guid.NewGuid());

    /// <summary>The baseline: a T1 token the way most SDKs build one, with string concatenation and an HMAC object.</summary>
    [Benchmark(Baseline = true)]
    public string NaiveT1()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var data = "session_id=" + HttpUtility.UrlEncode(SessionId)
            + "&create_time=" + now.ToString(CultureInfo.InvariantCulture)
            + "&expire_time=" + (now + 86400).ToString(CultureInfo.InvariantCulture)
            + "&role=publisher"
            + "&nonce=" + RandomNumberGenerator.GetInt32(0, 999999).ToString(CultureInfo.InvariantCulture)
            + "&connection_data=" + HttpUtility.UrlEncode(_t1Options.Data)
            + "&initial_layout_class_list=" + HttpUtility.UrlEncode(string.Join(" ", _t1Options.InitialLayoutClassList));
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(ApiSecret));
        var sig = BitConverter.ToString(hmac.ComputeHash(Encoding.UTF8.GetBytes(data))).Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        return "T1==" + Convert.ToBase64String(Encoding.UTF8.GetBytes("partner_id=" + ApiKey + "&sig=" + sig + ":" + data));
    }
}
