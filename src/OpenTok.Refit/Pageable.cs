using System.Runtime.CompilerServices;

namespace OpenTok.Refit;

/// <summary>One page of a list endpoint.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The page's items.</param>
/// <param name="Offset">How many items came before this page.</param>
/// <param name="TotalCount">How many items the server says match in all.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, int Offset, int TotalCount);

/// <summary>
/// A list endpoint read lazily: enumerate it with <c>await foreach</c> and pages are fetched only as they are
/// reached (stopping after 10 items fetches one page). Stops at the server's total count or an empty page. A first
/// page that starts past the end comes back empty, with the total count.
/// <see cref="AsPages"/> gives whole pages with the total; <see cref="ToListAsync"/> reads everything (for F#,
/// which cannot <c>for</c> over an <see cref="IAsyncEnumerable{T}"/> in <c>task { }</c>).
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class Pageable<T> : IAsyncEnumerable<T>
{
    private readonly Func<int, int, CancellationToken, Task<Page<T>>> _fetchPage;
    private readonly int _pageSize;
    private readonly CancellationToken _cancellationToken;

    internal Pageable(Func<int, int, CancellationToken, Task<Page<T>>> fetchPage, int pageSize, CancellationToken cancellationToken)
    {
        _fetchPage = fetchPage;
        _pageSize = pageSize;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The most items one page can hold: the endpoint's own limit, and the page size used unless you ask for less.</summary>
    public int MaxPageSize => _pageSize;

    /// <summary>The pages, each fetched when reached.</summary>
    /// <param name="offset">How many items to skip first. Default 0.</param>
    /// <param name="pageSize">Items per page, 1 to the endpoint's maximum; <see langword="null"/> for the maximum.</param>
    /// <returns>The pages.</returns>
    /// <exception cref="OpenTokArgumentException">The offset is negative or the page size out of range.</exception>
    public IAsyncEnumerable<Page<T>> AsPages(int offset = 0, int? pageSize = null)
    {
        if (offset < 0)
        {
            throw new OpenTokArgumentException($"offset must not be negative; it is {offset}.", nameof(offset));
        }

        if (pageSize is { } size && (size < 1 || size > _pageSize))
        {
            throw new OpenTokArgumentException($"pageSize must be from 1 to {_pageSize}; it is {size}.", nameof(pageSize));
        }

        return ReadPages(offset, pageSize ?? _pageSize, _cancellationToken);
    }

    /// <summary>Reads every item into a list.</summary>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>All items, in the server's order.</returns>
    public async Task<IReadOnlyList<T>> ToListAsync(CancellationToken cancellationToken = default)
    {
        var items = new List<T>();
        await foreach (var item in this.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            items.Add(item);
        }

        return items;
    }

    /// <inheritdoc/>
    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken, cancellationToken);
        await foreach (var page in ReadPages(0, _pageSize, linked.Token).ConfigureAwait(false))
        {
            foreach (var item in page.Items)
            {
                yield return item;
            }
        }
    }

    private async IAsyncEnumerable<Page<T>> ReadPages(int offset, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var first = true; ; first = false)
        {
            var page = await _fetchPage(offset, pageSize, cancellationToken).ConfigureAwait(false);
            if (page.Items.Count == 0)
            {
                // A first page past the end is still an answer: it carries the total count a caller may want.
                if (first)
                {
                    yield return page;
                }

                yield break;
            }

            yield return page;
            offset += page.Items.Count;
            if (offset >= page.TotalCount)
            {
                yield break;
            }
        }
    }
}

/// <summary>
/// One answer of an offset/count list endpoint: <c>{ "count": total, "items": [...] }</c>. Archives, broadcasts and
/// renders answer in this shape, so they page alike through <see cref="Pageable.FromListEndpoint"/>.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal interface IListAnswer<T>
{
    /// <summary>How many items match in all, not just on this page.</summary>
    int Count { get; }

    /// <summary>This page's items.</summary>
    IReadOnlyList<T> Items { get; }
}

/// <summary>Makes <see cref="Pageable{T}"/>s outside the SDK's own list endpoints.</summary>
public static class Pageable
{
    /// <summary>
    /// A pageable over an offset/count list endpoint: each page is one call of <paramref name="fetchList"/> with
    /// the page's offset and size, and its answer's <c>count</c> is the total.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <typeparam name="TList">The endpoint's answer.</typeparam>
    /// <param name="fetchList">Calls the endpoint with an offset and a count.</param>
    /// <param name="maxPageSize">The endpoint's largest page.</param>
    /// <param name="cancellationToken">Cancels every fetch.</param>
    /// <returns>The pageable; nothing is fetched until it is enumerated.</returns>
    internal static Pageable<T> FromListEndpoint<T, TList>(Func<int, int, CancellationToken, Task<TList>> fetchList, int maxPageSize, CancellationToken cancellationToken)
        where TList : IListAnswer<T> =>
        new(
            async (offset, count, ct) =>
            {
                var list = await fetchList(offset, count, ct).ConfigureAwait(false);
                return new Page<T>(list.Items, offset, list.Count);
            },
            maxPageSize,
            cancellationToken);

    /// <summary>
    /// A pageable over items you already have, paged as a list endpoint would page them: what a fake of an area
    /// client returns from its <c>ListAsync</c> in your tests.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items, in the order the endpoint would return them.</param>
    /// <param name="maxPageSize">The most items a page holds. Default 1000.</param>
    /// <returns>The pageable.</returns>
    /// <exception cref="OpenTokArgumentException">The page size is below 1.</exception>
    public static Pageable<T> FromItems<T>(IEnumerable<T> items, int maxPageSize = 1000)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (maxPageSize < 1)
        {
            throw new OpenTokArgumentException($"maxPageSize must be at least 1; it is {maxPageSize}.", nameof(maxPageSize));
        }

        var all = items.ToArray();
        return new Pageable<T>(
            (offset, count, _) => Task.FromResult(new Page<T>(all.Skip(offset).Take(count).ToArray(), offset, all.Length)),
            maxPageSize,
            CancellationToken.None);
    }
}
