namespace AssetBridge.Emulators.Azure.State;

/// <summary>
/// Items sorted by a key (a lower-case resource id), so a list page resumes after the last key it
/// served: an item added or removed between two pages never makes another one repeat or vanish.
/// Immutable.
/// </summary>
internal sealed class KeyedList<T>
{
    private readonly string[] keys;
    private readonly T[] items;

    public KeyedList(IEnumerable<T> source, Func<T, string> keyOf)
    {
        var pairs = source.Select(item => (Key: keyOf(item).ToLowerInvariant(), Item: item)).OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
        keys = pairs.Select(p => p.Key).ToArray();
        items = pairs.Select(p => p.Item).ToArray();
    }

    public int Count => items.Length;

    public T this[int index] => items[index];

    public string KeyAt(int index) => keys[index];

    /// <summary>The items in key order.</summary>
    public IEnumerable<T> Items() => items;

    /// <summary>The position of the first item whose key sorts after <paramref name="key"/> ("" = the start).</summary>
    public int FirstAfter(string key)
    {
        int low = 0, high = keys.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (string.CompareOrdinal(keys[middle], key) <= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
