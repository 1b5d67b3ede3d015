module OpenTok.Refit.FSharp.Tests.TokenTests

open System
open System.Text
open Microsoft.IdentityModel.JsonWebTokens
open Microsoft.IdentityModel.Tokens
open OpenTok.Refit
open OpenTok.Refit.Tokens
open Xunit

let apiKey = "123456"
let apiSecret = "0123456789abcdef0123456789abcdef01234567"
let sessionId = SessionId.Create(apiKey, "", DateTimeOffset.UtcNow, 0.42)

let validate (token: string) =
    let parameters =
        TokenValidationParameters(
            IssuerSigningKey = SymmetricSecurityKey(Encoding.UTF8.GetBytes apiSecret),
            ValidIssuer = apiKey,
            ValidateAudience = false)
    let result = JsonWebTokenHandler().ValidateTokenAsync(token, parameters).GetAwaiter().GetResult()
    Assert.True(result.IsValid, string result.Exception)
    result.SecurityToken :?> JsonWebToken

[<Fact>]
let ``a default token is a publisher JWT`` () =
    use client = new OpenTokClient(apiKey, apiSecret)
    let jwt = client.GenerateToken sessionId |> validate
    Assert.Equal("publisher", jwt.GetClaim("role").Value)
    Assert.Equal(sessionId, jwt.GetClaim("session_id").Value)

[<Fact>]
let ``options are an F# record-style object expression`` () =
    use client = new OpenTokClient(apiKey, apiSecret)
    let options =
        TokenOptions(
            Role = Role.Subscriber,
            Data = "name=Johnny",
            ExpireTime = Nullable(DateTimeOffset.UtcNow.AddHours 1.0),
            InitialLayoutClassList = [| "focus"; "full" |])
    let jwt = client.GenerateToken(sessionId, options) |> validate
    Assert.Equal("subscriber", jwt.GetClaim("role").Value)
    Assert.Equal("name=Johnny", jwt.GetClaim("connection_data").Value)
    Assert.Equal("focus full", jwt.GetClaim("initial_layout_class_list").Value)

[<Fact>]
let ``a T1 token verifies with the pure core`` () =
    use client = new OpenTokClient(apiKey, apiSecret)
    let token = client.GenerateToken(sessionId, TokenOptions(Format = TokenFormat.T1, Role = Role.Moderator))
    let result = ClientTokenVerifier.Verify(token, apiKey, apiSecret, DateTimeOffset.UtcNow)
    match result.Claims with
    | null -> failwith $"rejected: {result.Failure}"
    | claims -> Assert.Equal(Role.Moderator, claims.Role)

[<Fact>]
let ``the core signs from pure values with no clock or randomness`` () =
    let now = DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero)
    let claims = ClientTokenClaims(apiKey, sessionId, Role.Publisher, now, now.AddHours 1.0, 42L, null, [||])
    let first = ClientTokens.CreateJwt(claims, apiSecret)
    let second = ClientTokens.CreateJwt(claims, apiSecret)
    Assert.Equal(first, second)

[<Fact>]
let ``bad input raises a typed error naming the option`` () =
    use client = new OpenTokClient(apiKey, apiSecret)
    let error = Assert.Throws<OpenTokArgumentException>(fun () -> client.GenerateToken(sessionId, TokenOptions(Data = String('x', 1001))) |> ignore)
    Assert.Equal("Data", error.ParamName)

[<Fact>]
let ``the generated builder chains in F# without ignore or warnings`` () =
    use client = new OpenTokClient(apiKey, apiSecret)
    let options =
        TokenOptions.Builder()
            .Role(Role.Subscriber)
            .Data("name=Johnny")
            .AddInitialLayoutClass("focus")
            .Build()
    let jwt = client.GenerateToken(sessionId, options) |> validate
    Assert.Equal("subscriber", jwt.GetClaim("role").Value)
    Assert.Equal("focus", jwt.GetClaim("initial_layout_class_list").Value)

[<Fact>]
let ``Build runs the record's rules from F# too`` () =
    let build () = TokenOptions.CreateBuilder().Data(String('x', 1001)).Build() |> ignore
    let error = Assert.Throws<OpenTokArgumentException>(build)
    Assert.Equal("Data", error.ParamName)
