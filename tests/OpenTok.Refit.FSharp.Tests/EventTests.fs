module OpenTok.Refit.FSharp.Tests.EventTests

open System
open OpenTok.Refit
open Xunit

/// What an F# handler of callback events looks like: one pure parse, then a match on the event's type.
let describe (json: string) =
    match OpenTokEvent.Parse(json: string) with
    | :? ArchiveStatusEvent as archive -> sprintf "archive %s is %O" archive.Id archive.Status
    | :? ConnectionEvent as connection -> sprintf "%O %s" connection.Kind connection.Connection.Id
    | :? UnknownEvent as unknown -> sprintf "unknown %O" unknown.Kind
    | other -> sprintf "other %O" other.Kind

[<Fact>]
let ``events parse into records an F# match can take apart`` () =
    Assert.Equal(
        "archive b40ef09b-3811-4726-b508-e41a0f96c68f is available",
        describe """{"id":"b40ef09b-3811-4726-b508-e41a0f96c68f","event":"archive","partnerId":123456,"sessionId":"s","status":"available","createdAt":1384221380000,"duration":3,"size":10}""")
    Assert.Equal(
        "connectionCreated c1",
        describe """{"sessionId":"s","projectId":"123456","event":"connectionCreated","timestamp":1470257688309,"connection":{"id":"c1","createdAt":1470257688143,"data":""}}""")
    Assert.Equal("unknown somethingNew", describe """{"sessionId":"s","event":"somethingNew","extra":[1,2]}""")

[<Fact>]
let ``a malformed body is a typed error, never a crash deeper in`` () =
    let error = Assert.Throws<OpenTokEventFormatException>(fun () -> describe "[1,2,3]" |> ignore)
    Assert.IsAssignableFrom<FormatException>(error) |> ignore
