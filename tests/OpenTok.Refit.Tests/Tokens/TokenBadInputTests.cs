using static OpenTok.Refit.Tests.TestCredentials;

namespace OpenTok.Refit.Tests.Tokens;

/// <summary>Every rule is broken once: each gets a typed error that names the parameter and the rule, and no token.</summary>
public class TokenBadInputTests
{
    private static OpenTokArgumentException Rejected(Action act)
    {
        var error = Assert.ThrowsAny<OpenTokArgumentException>(act);
        Assert.DoesNotContain(ApiSecret, error.ToString(), StringComparison.Ordinal);
        return error;
    }

    [Theory]
    [InlineData(null, ApiSecret, "ApiKey")]
    [InlineData("", ApiSecret, "ApiKey")]
    [InlineData(ApiKey, null, "ApiSecret")]
    [InlineData(ApiKey, "", "ApiSecret")]
    public void Missing_key_or_secret_is_rejected_at_construction(string? key, string? secret, string param)
    {
        var error = Rejected(() => _ = new OpenTokClient(key!, secret!));
        Assert.Equal(param, error.ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-session")]
    [InlineData("3_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4")]
    [InlineData("1_!!!!")]
    [InlineData("1_bm90aGluZyBoZXJl")]
    public void A_session_id_that_does_not_decode_is_rejected(string sessionId)
    {
        var error = Rejected(() => Client().GenerateToken(sessionId));
        Assert.Equal("sessionId", error.ParamName);
    }

    [Fact]
    public void A_session_of_another_API_key_is_rejected()
    {
        var error = Rejected(() => Client().GenerateToken(SessionFor("654321")));
        Assert.Equal("sessionId", error.ParamName);
        Assert.Contains("another API key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_session_whose_key_merely_starts_with_ours_is_rejected()
    {
        Rejected(() => Client().GenerateToken(SessionFor(ApiKey + "7")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(30 * 24 * 3600 + 1)]
    public void Expiry_not_in_the_next_30_days_is_rejected(int secondsFromNow)
    {
        var error = Rejected(() => Client().GenerateToken(ExampleSessionId, new TokenOptions { ExpireTime = Now.AddSeconds(secondsFromNow) }));
        Assert.Equal("ExpireTime", error.ParamName);
    }

    [Fact]
    public void Expiry_of_exactly_30_days_is_accepted()
    {
        Client().GenerateToken(ExampleSessionId, new TokenOptions { ExpireTime = Now.AddDays(30) });
    }

    [Fact]
    public void Data_over_1000_characters_is_rejected_and_1000_is_accepted()
    {
        Client().GenerateToken(ExampleSessionId, new TokenOptions { Data = new string('d', 1000) });
        var error = Rejected(() => Client().GenerateToken(ExampleSessionId, new TokenOptions { Data = new string('d', 1001) }));
        Assert.Equal("Data", error.ParamName);
        Assert.Contains("1000", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("tab\there")]
    [InlineData("new\nline")]
    public void A_layout_class_that_is_empty_or_holds_whitespace_is_rejected(string layoutClass)
    {
        var error = Rejected(() => Client().GenerateToken(ExampleSessionId, new TokenOptions { InitialLayoutClassList = ["ok", layoutClass] }));
        Assert.Equal("InitialLayoutClassList", error.ParamName);
        Assert.Contains("[1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undefined_role_or_format_is_rejected()
    {
        Assert.Equal("Role", Rejected(() => Client().GenerateToken(ExampleSessionId, new TokenOptions { Role = (Role)42 })).ParamName);
        Assert.Equal("Format", Rejected(() => Client().GenerateToken(ExampleSessionId, new TokenOptions { Format = (TokenFormat)7 })).ParamName);
    }

    [Fact]
    public void The_secret_never_appears_in_printed_options_or_clients()
    {
        var options = new OpenTokOptions { ApiKey = ApiKey, ApiSecret = ApiSecret };
        Assert.DoesNotContain(ApiSecret, options.ToString(), StringComparison.Ordinal);
        Assert.Contains(ApiKey, options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ApiSecret, new OpenTokClient(options).ToString(), StringComparison.Ordinal);
    }
}
