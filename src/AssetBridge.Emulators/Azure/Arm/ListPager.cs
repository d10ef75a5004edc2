using AssetBridge.Emulators.Azure.State;
using AssetBridge.Emulators.Estate;

namespace AssetBridge.Emulators.Azure.Arm;

/// <summary>
/// Cuts a sorted list into ARM pages. With irregular pages on, a seeded draw per (list, page number)
/// makes some pages short and some empty while still carrying a nextLink, and sometimes gives the
/// page that ends the list a nextLink to one last empty page — all things ARM's paging contract
/// allows and clients must survive. Two empty pages never follow each other, so paging always ends.
/// </summary>
internal sealed class ListPager(int pageSize, bool irregular, int seed)
{
    private readonly EstateDraws draws = new(seed, "page shapes");

    public Page<T> Cut<T>(KeyedList<T> list, string listName, SkipToken? token)
    {
        var number = token?.Page ?? 0;
        var start = token is null ? 0 : list.FirstAfter(token.LastKey);
        var remaining = list.Count - start;
        var shape = Shape(listName, number, token?.PreviousWasEmpty ?? false);
        var take = shape switch
        {
            PageShape.Empty => 0,
            PageShape.Short => Math.Min(remaining, 1 + draws.Pick(Salt(listName, number), 2, Math.Max(1, pageSize - 1))),
            _ => Math.Min(remaining, pageSize),
        };
        var end = start + take;
        var trailingEmpty = irregular && take > 0 && end == list.Count && draws.Pick(Salt(listName, number), 3, 4) == 0;
        var more = end < list.Count || trailingEmpty;
        var lastKey = take > 0 ? list.KeyAt(end - 1) : token?.LastKey ?? string.Empty;
        return new Page<T>(
            Enumerable.Range(start, take).Select(i => list[i]).ToList(),
            more ? new SkipToken(number + 1, take == 0, lastKey) : null);
    }

    private PageShape Shape(string listName, int number, bool previousWasEmpty)
    {
        if (!irregular)
        {
            return PageShape.Full;
        }

        return draws.Pick(Salt(listName, number), 1, 10) switch
        {
            0 when !previousWasEmpty => PageShape.Empty,
            1 or 2 => PageShape.Short,
            _ => PageShape.Full,
        };
    }

    private static long Salt(string listName, int number)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in listName)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return unchecked((long)hash + number);
    }

    private enum PageShape
    {
        Full,
        Short,
        Empty,
    }
}

/// <summary>A page's items and the token of the next page (null on the last page).</summary>
internal sealed record Page<T>(IReadOnlyList<T> Items, SkipToken? Next);
