module OpenTok.Refit.FSharp.Tests.ApplicationTests

open System
open System.Security.Cryptography
open Microsoft.IdentityModel.JsonWebTokens
open Microsoft.IdentityModel.Tokens
open OpenTok.Refit
open OpenTok.Refit.Tokens
open Xunit

let applicationId = "29f760f8-7ce1-46c9-ade3-f2dedee4ed5f"
let key = RSA.Create 2048
let privateKeyPem = key.ExportPkcs8PrivateKeyPem()
let sessionId = SessionId.Create(applicationId, "", DateTimeOffset.UtcNow, 0.42)

[<Fact>]
let ``a Vonage application signs RS256 client tokens`` () =
    use client = OpenTokClient.ForApplication(applicationId, privateKeyPem)
    let token = client.GenerateToken(sessionId, TokenOptions.Builder().Role(Role.Subscriber).Build())
    let parameters =
        TokenValidationParameters(
            IssuerSigningKey = RsaSecurityKey(key.ExportParameters false),
            ValidateIssuer = false,
            ValidateAudience = false)
    let result = JsonWebTokenHandler().ValidateTokenAsync(token, parameters).GetAwaiter().GetResult()
    Assert.True(result.IsValid, string result.Exception)
    let jwt = result.SecurityToken :?> JsonWebToken
    Assert.Equal(applicationId, jwt.GetClaim("application_id").Value)
    Assert.Equal("subscriber", jwt.GetClaim("role").Value)
    Assert.True(client.IsVonageApplication)

[<Fact>]
let ``options bound as an F# user writes them pick application mode`` () =
    let options = OpenTokOptions(ApplicationId = applicationId, PrivateKey = privateKeyPem)
    use client = new OpenTokClient(options)
    Assert.Equal(Uri "https://video.api.vonage.com", client.BaseAddress)
    let error = Assert.Throws<OpenTokArgumentException>(fun () -> client.GenerateToken(sessionId, TokenOptions(Format = TokenFormat.T1)) |> ignore)
    Assert.Equal("Format", error.ParamName)
