namespace AssetBridge.Storage.Relational;

/// <summary>
/// Compares strings in Unicode code point order, which is the order of UTF-8 bytes: SQLite's BINARY
/// collation and PostgreSQL's "C" collation. The device reader merge-joins ordered streams in C#, so
/// its comparison must agree with the database's ORDER BY; <see cref="string.CompareOrdinal(string, string)"/>
/// does not for characters outside the Basic Multilingual Plane.
/// </summary>
internal static class CodePointOrder
{
    public static int Compare(string? left, string? right)
    {
        if (left is null || right is null)
        {
            return left is null ? (right is null ? 0 : -1) : 1;
        }

        var length = Math.Min(left.Length, right.Length);
        for (var i = 0; i < length; i++)
        {
            var a = left[i];
            var b = right[i];
            if (a != b)
            {
                return Fix(a) - Fix(b);
            }
        }

        return left.Length - right.Length;
    }

    // Surrogates (U+D800..U+DFFF) encode code points above U+FFFF, so they must sort after U+E000..U+FFFF.
    private static int Fix(char c) => c >= 0xD800 ? (c >= 0xE000 ? c - 0x800 : c + 0x2000) : c;
}
