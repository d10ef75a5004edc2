namespace AssetBridge.Emulators.Estate;

/// <summary>
/// The estate's random draws: a pure function of (seed, purpose, index, field), so every value is the
/// same on every run and does not depend on the order things are generated in. SplitMix64's
/// finaliser spreads the inputs.
/// </summary>
internal readonly struct EstateDraws
{
    private readonly ulong seed;

    public EstateDraws(int seed, string purpose)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in purpose)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        this.seed = Mix(hash ^ (ulong)(uint)seed);
    }

    public ulong Draw(long index, int field = 0) =>
        Mix(unchecked(seed + ((ulong)index * 0x9E3779B97F4A7C15UL) + ((ulong)field * 0xD1B54A32D192ED03UL)));

    /// <summary>0..n-1.</summary>
    public int Pick(long index, int field, int n) => (int)(Draw(index, field) % (ulong)n);

    /// <summary>A version-4-shaped GUID, lower-case "D" format.</summary>
    public string Guid(long index, int field = 0)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, Draw(index, field));
        BitConverter.TryWriteBytes(bytes[8..], Draw(index, field + 1_000_003));
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D");
    }

    /// <summary>The indices 0..n-1 in an order fixed by the seed (Fisher–Yates).</summary>
    public int[] Permutation(int n, long salt)
    {
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        for (var i = n - 1; i > 0; i--)
        {
            var j = (int)(Draw(salt, i) % (ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }

    private static ulong Mix(ulong z)
    {
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
