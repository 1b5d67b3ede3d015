using System.Collections.Concurrent;
using OpenTok.Refit.Tokens;
using static OpenTok.Refit.Tests.TestCredentials;

namespace OpenTok.Refit.Tests.Tokens;

public class TokenConcurrencyTests
{
    [Fact]
    public void One_client_signs_from_many_threads_at_once_and_every_token_verifies()
    {
        var client = Client();
        var tokens = new ConcurrentBag<(int Index, string Token)>();

        Parallel.For(0, 4000, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            var options = new TokenOptions
            {
                Data = $"user={i}" + new string('x', i % 1000 / 2),
                Format = i % 2 == 0 ? TokenFormat.Jwt : TokenFormat.T1,
            };
            tokens.Add((i, client.GenerateToken(ExampleSessionId, options)));
        });

        Assert.Equal(4000, tokens.Count);
        foreach (var (index, token) in tokens)
        {
            var result = ClientTokenVerifier.Verify(token, ApiKey, ApiSecret, Now);
            Assert.True(result.IsValid, result.Failure);
            Assert.StartsWith($"user={index}", result.Claims!.ConnectionData, StringComparison.Ordinal);
        }
    }
}
