using OpenTok.Refit.Tokens;
using static OpenTok.Refit.Tests.TestCredentials;

namespace OpenTok.Refit.Tests.Tokens;

public class SessionIdTests
{
    [Fact]
    public void Decodes_the_reference_example()
    {
        var decoded = Refit.Tokens.SessionId.Decode(ExampleSessionId);

        Assert.NotNull(decoded);
        Assert.Equal("123456", decoded.ApiKey);
        Assert.Equal("", decoded.Location);
        Assert.Equal("Sat Mar 15 14:42:23 PDT 2014", decoded.CreatedAt);
        Assert.Equal(["1", "123456", "", "Sat Mar 15 14:42:23 PDT 2014", "0.49013025", ""], decoded.Fields);
    }

    [Fact]
    public void Created_ids_decode_to_their_key_and_location()
    {
        var id = Refit.Tokens.SessionId.Create("47000001", "10.1.2.3", Now, 0.5);

        Assert.StartsWith("1_", id, StringComparison.Ordinal);
        Assert.Equal("47000001", Refit.Tokens.SessionId.Decode(id)!.ApiKey);
        Assert.Equal("10.1.2.3", Refit.Tokens.SessionId.Decode(id)!.Location);
        Assert.True(Refit.Tokens.SessionId.BelongsTo(id, "47000001"));
        Assert.False(Refit.Tokens.SessionId.BelongsTo(id, "4700000"));
    }

    [Fact]
    public void Ids_whose_payload_holds_underscores_decode_unlike_the_old_NET_SDK()
    {
        // '?' (0x3F) encodes to '_' in base64url ('/' in standard base64): the .NET SDK split on '_' and rejected such ids.
        var id = Refit.Tokens.SessionId.Create(ApiKey, "???", Now, 0.25);
        Assert.Contains('_', id[2..]);

        Assert.True(Refit.Tokens.SessionId.BelongsTo(id, ApiKey));
        Assert.True(Refit.Tokens.SessionId.BelongsTo("1_" + id[2..].Replace('-', '+').Replace('_', '/'), ApiKey)); // the standard alphabet too
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1_")]
    [InlineData("x_MX4xMjM0NTZ-")]
    [InlineData("1_%%%")]
    public void Garbage_does_not_decode(string? id)
    {
        Assert.Null(Refit.Tokens.SessionId.Decode(id));
        Assert.False(Refit.Tokens.SessionId.BelongsTo(id, ApiKey));
    }
}
