module OpenTok.Refit.FSharp.Tests.RestTests

open System
open System.Linq
open System.Threading.Tasks
open OpenTok.Refit
open OpenTok.Refit.Testing
open Xunit

let apiKey = "123456"
let apiSecret = "0123456789abcdef0123456789abcdef01234567"
let sessionId = OpenTok.Refit.Tokens.SessionId.Create(apiKey, "", DateTimeOffset.UtcNow, 0.42)

let archiveJson (index: int) =
    $$"""{"id":"00000000-0000-0000-0000-{{index:D12}}","status":"available","sessionId":"{{sessionId}}","createdAt":0,"size":0,"duration":0}"""

/// 120 archives, served by offset and count.
let serve (request: RecordedRequest) =
    if request.Path = "/session/create" then
        StubResponse.Json($$"""[{"session_id":"{{sessionId}}"}]""")
    else
        let query = System.Web.HttpUtility.ParseQueryString request.Query
        let offset = int query["offset"]
        let count = int query["count"]
        let items = [ offset .. min 119 (offset + count - 1) ] |> List.map archiveJson |> String.concat ","
        StubResponse.Json($$"""{"count":120,"items":[{{items}}]}""")

let clientFor (stub: StubServer) =
    new OpenTokClient(OpenTokOptions(ApiKey = apiKey, ApiSecret = apiSecret, BaseAddress = stub.BaseAddress))

[<Fact>]
let ``create a routed session and sign a token for it`` () : Task =
    task {
        use! stub = StubServer.StartAsync(Func<_, _>(serve))
        use client = clientFor stub
        let! session = client.CreateSessionAsync(SessionOptions(MediaMode = MediaMode.Routed))
        Assert.Equal(sessionId, session.SessionId)
        let token = session.GenerateToken(TokenOptions(Role = Role.Moderator))
        Assert.False(String.IsNullOrEmpty token)
    }

[<Fact>]
let ``list every archive with ToListAsync`` () : Task =
    task {
        use! stub = StubServer.StartAsync(Func<_, _>(serve))
        use client = clientFor stub
        let! archives = client.Archives.ListAsync().ToListAsync()
        Assert.Equal(120, archives.Count)
        Assert.All(archives, fun archive -> Assert.Equal(ArchiveStatus.Available, archive.Status))
    }

[<Fact>]
let ``read archives page by page`` () : Task =
    task {
        use! stub = StubServer.StartAsync(Func<_, _>(serve))
        use client = clientFor stub
        // .NET 10's built-in System.Linq.AsyncEnumerable reads the pages; no extra library needed.
        let! pages = client.Archives.ListAsync().AsPages(pageSize = 50).ToListAsync()
        Assert.Equal<int list>([ 50; 50; 20 ], [ for page in pages -> page.Items.Count ])
        Assert.All(pages, fun page -> Assert.Equal(120, page.TotalCount))
    }
