module TokenTests
open Xunit
[<Fact>]
let ``x`` () = Assert.True(true)
