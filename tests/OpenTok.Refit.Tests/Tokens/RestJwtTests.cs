using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenTok.Refit.Tokens;
using static OpenTok.Refit.Tests.TestCredentials;

namespace OpenTok.Refit.Tests.Tokens;

public class RestJwtTests
{
    [Theory]
    [InlineData(RestJwtIssuerType.Project, "project")]
    [InlineData(RestJwtIssuerType.Account, "account")]
    public async Task Is_accepted_by_IdentityModel_with_the_documented_claims(RestJwtIssuerType type, string ist)
    {
        var id = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var token = RestJwt.Create(ApiKey, ApiSecret, type, now, now.AddMinutes(3), id);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(ApiSecret)),
            ValidIssuer = ApiKey,
            ValidateAudience = false,
        });

        Assert.True(result.IsValid, result.Exception?.ToString());
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.Equal(ist, jwt.GetClaim("ist").Value);
        Assert.Equal(id.ToString(), jwt.Id);
        Assert.Equal(180, jwt.GetPayloadValue<long>("exp") - jwt.GetPayloadValue<long>("iat"));
    }

    [Fact]
    public void Validate_accepts_its_own_tokens_and_rejects_what_the_service_rejects()
    {
        var token = RestJwt.Create(ApiKey, ApiSecret, RestJwtIssuerType.Project, Now, Now.AddMinutes(3), Guid.NewGuid());

        Assert.True(RestJwt.Validate(token, ApiKey, ApiSecret, RestJwtIssuerType.Project, Now).IsValid);
        Assert.Contains("signature", RestJwt.Validate(token, ApiKey, "x", RestJwtIssuerType.Project, Now).Failure);
        Assert.Contains("iss", RestJwt.Validate(token, "999", ApiSecret, RestJwtIssuerType.Project, Now).Failure);
        Assert.Contains("ist", RestJwt.Validate(token, ApiKey, ApiSecret, RestJwtIssuerType.Account, Now).Failure);
        Assert.Contains("expired", RestJwt.Validate(token, ApiKey, ApiSecret, RestJwtIssuerType.Project, Now.AddMinutes(4)).Failure);
        Assert.Contains("future", RestJwt.Validate(token, ApiKey, ApiSecret, RestJwtIssuerType.Project, Now.AddMinutes(-1)).Failure);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(301)]
    public void A_lifetime_that_is_not_positive_or_over_5_minutes_is_rejected(int seconds)
    {
        Assert.Throws<OpenTokArgumentException>(() => RestJwt.Create(ApiKey, ApiSecret, RestJwtIssuerType.Project, Now, Now.AddSeconds(seconds), Guid.NewGuid()));
    }
}
