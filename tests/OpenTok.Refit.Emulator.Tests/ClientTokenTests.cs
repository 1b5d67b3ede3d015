using OpenTok.Refit.Tokens;
using static OpenTok.Refit.Emulator.Tests.Support;

namespace OpenTok.Refit.Emulator.Tests;

/// <summary>The emulator checks client tokens with the core's verifier, plus that it knows the session.</summary>
public sealed class ClientTokenTests
{
    [Fact]
    public async Task Tokens_the_SDK_signs_for_an_emulator_session_are_accepted_in_both_formats()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var session = await client.RoutedSessionAsync();

        var jwt = emulator.VerifyClientToken(session.GenerateToken(new TokenOptions { Role = Role.Moderator, Data = "name=Ada" }));
        var t1 = emulator.VerifyClientToken(session.GenerateToken(new TokenOptions { Format = TokenFormat.T1 }));

        Assert.True(jwt.IsValid, jwt.Failure);
        Assert.Equal((session.SessionId, Role.Moderator, "name=Ada"), (jwt.Claims!.SessionId, jwt.Claims.Role, jwt.Claims.ConnectionData));
        Assert.True(t1.IsValid, t1.Failure);
        Assert.Equal(TokenFormat.T1, t1.Claims!.Format);
    }

    [Fact]
    public async Task Tokens_for_unknown_sessions_or_signed_with_another_secret_are_refused()
    {
        await using var emulator = await StartAsync();
        using var client = emulator.CreateClient();
        var unknownSession = SessionId.Create(emulator.ApiKey, "", DateTimeOffset.UtcNow, 0.25);
        using var otherSecret = new OpenTokClient(emulator.ApiKey, "another-secret-0123456789abcdef01234567");
        var session = await client.RoutedSessionAsync();

        var unknown = emulator.VerifyClientToken(client.GenerateToken(unknownSession));
        var forged = emulator.VerifyClientToken(otherSecret.GenerateToken(session.SessionId));

        Assert.False(unknown.IsValid);
        Assert.Contains("does not know", unknown.Failure, StringComparison.Ordinal);
        Assert.False(forged.IsValid);
        Assert.False(emulator.VerifyClientToken(null).IsValid);
    }
}
