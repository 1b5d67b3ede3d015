using System.Web;
using OpenTok.Refit.Testing;
using static OpenTok.Refit.Tests.Rest.RestFixtures;

namespace OpenTok.Refit.Tests.Rest;

/// <summary>Paging over a stub holding 2 500 archives, served by offset and count as the service does.</summary>
public class PagingTests
{
    private const int Total = 2500;

    private static StubResponse Serve(RecordedRequest request)
    {
        var query = HttpUtility.ParseQueryString(request.Query);
        var offset = int.Parse(query["offset"] ?? "0");
        var count = Math.Min(int.Parse(query["count"] ?? "50"), 1000);
        var ids = Enumerable.Range(offset, Math.Max(0, Math.Min(count, Total - offset))).Select(i => $"00000000-0000-0000-0000-{i:D12}");
        return StubResponse.Json(ArchiveListJson(Total, ids));
    }

    [Fact]
    public async Task Enumerating_everything_reads_2500_archives_in_order_in_three_pages()
    {
        await using var stub = await StubServer.StartAsync(Serve);
        using var client = ClientFor(stub);

        var ids = new List<string>();
        await foreach (var archive in client.Archives.ListAsync())
        {
            ids.Add(archive.Id);
        }

        Assert.Equal(Total, ids.Count);
        Assert.Equal(Enumerable.Range(0, Total).Select(i => $"00000000-0000-0000-0000-{i:D12}"), ids);
        Assert.Equal(["?offset=0&count=1000", "?offset=1000&count=1000", "?offset=2000&count=1000"], stub.Requests.Select(r => r.Query));
    }

    [Fact]
    public async Task Stopping_after_10_items_fetches_one_page()
    {
        await using var stub = await StubServer.StartAsync(Serve);
        using var client = ClientFor(stub);

        var first = await client.Archives.ListAsync().Take(10).ToListAsync();

        Assert.Equal(10, first.Count);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Nothing_is_fetched_until_enumeration_starts()
    {
        await using var stub = await StubServer.StartAsync(Serve);
        using var client = ClientFor(stub);

        var pageable = client.Archives.ListAsync();

        Assert.Empty(stub.Requests);
        Assert.Equal(Total, (await pageable.ToListAsync()).Count);
    }

    [Fact]
    public async Task Pages_carry_the_total_and_honour_the_page_size_and_offset()
    {
        await using var stub = await StubServer.StartAsync(Serve);
        using var client = ClientFor(stub);

        var pages = await client.Archives.ListAsync().AsPages(offset: 2300, pageSize: 100).ToListAsync();

        Assert.Equal([100, 100], pages.Select(p => p.Items.Count));
        Assert.All(pages, p => Assert.Equal(Total, p.TotalCount));
        Assert.Equal([2300, 2400], pages.Select(p => p.Offset));
    }

    [Fact]
    public async Task An_empty_page_ends_the_enumeration_even_if_the_total_says_more()
    {
        await using var stub = await StubServer.StartAsync(_ => StubResponse.Json(ArchiveListJson(5000, [])));
        using var client = ClientFor(stub);

        Assert.Empty(await client.Archives.ListAsync().ToListAsync());
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task A_page_past_the_end_comes_back_empty_with_the_total_count()
    {
        await using var stub = await StubServer.StartAsync(Serve);
        using var client = ClientFor(stub);

        var page = Assert.Single(await client.Archives.ListAsync().AsPages(offset: 9000).ToListAsync());

        Assert.Empty(page.Items);
        Assert.Equal((9000, Total), (page.Offset, page.TotalCount));
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task A_pageable_made_from_items_pages_them_like_a_list_endpoint()
    {
        var pageable = Pageable.FromItems(["a", "b", "c", "d", "e"], maxPageSize: 2);

        var pages = await pageable.AsPages(offset: 1).ToListAsync();

        Assert.Equal(2, pageable.MaxPageSize);
        Assert.Equal([["b", "c"], ["d", "e"]], pages.Select(p => p.Items));
        Assert.All(pages, p => Assert.Equal(5, p.TotalCount));
        Assert.Equal(["a", "b", "c", "d", "e"], await pageable.ToListAsync());
        Assert.Equal(5, Assert.Single(await pageable.AsPages(offset: 7).ToListAsync()).TotalCount);
    }

    [Theory]
    [InlineData(-1, null, "offset")]
    [InlineData(0, 0, "pageSize")]
    [InlineData(0, 1001, "pageSize")]
    public async Task Bad_paging_arguments_are_rejected_before_any_request(int offset, int? pageSize, string parameter)
    {
        await using var stub = await StubServer.StartAsync(Serve);
        using var client = ClientFor(stub);

        var error = Assert.Throws<OpenTokArgumentException>(() => client.Archives.ListAsync().AsPages(offset, pageSize));

        Assert.Equal(parameter, error.ParamName);
        Assert.Empty(stub.Requests);
    }
}
