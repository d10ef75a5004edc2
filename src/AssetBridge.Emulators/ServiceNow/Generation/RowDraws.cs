namespace AssetBridge.Emulators.ServiceNow.Generation;

/// <summary>
/// The random draws of one generated row: a pure function of (seed, table, ordinal, field), so any
/// value can be recomputed at any time, in any order, on any thread, and is the same every run with
/// the same seed. SplitMix64's finaliser spreads the inputs.
/// </summary>
internal readonly struct RowDraws
{
    private readonly ulong rowSeed;

    public RowDraws(ulong tableSeed, int ordinal) => rowSeed = Mix(tableSeed + ((ulong)ordinal * 0x9E3779B97F4A7C15UL));

    /// <summary>The seed of one table: same seed, same table, same rows.</summary>
    public static ulong TableSeed(int seed, string table)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in table)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return Mix(hash ^ (ulong)(uint)seed);
    }

    public ulong Draw(Field field) => Mix(rowSeed + ((ulong)field * 0xD1B54A32D192ED03UL));

    /// <summary>0..n-1.</summary>
    public int Pick(Field field, int n) => (int)(Draw(field) % (ulong)n);

    /// <summary>True with the given chance in percent.</summary>
    public bool Chance(Field field, int percent) => Pick(field, 100) < percent;

    public UInt128 SysId() => new(Draw(Field.SysIdHigh), Draw(Field.SysIdLow));

    private static ulong Mix(ulong z)
    {
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}

/// <summary>What a draw is for; each field draws independently of the others.</summary>
internal enum Field
{
    SysIdHigh = 1,
    SysIdLow,
    UpdatedOn,
    CreatedOn,
    Class,
    Os,
    Virtual,
    Manufacturer,
    ServicePack,
    AssetTag,
    Serial,
    Criticality,
    CriticalityLevel,
    UsedFor,
    HasUser,
    LastUser,
    SameUser,
    FrequentUser,
    HasApplication,
    Application,
    UpdatedBy,
    Disconnected,
    Relationship,
    RelatedApplication,
    RelatedDevice,
    RelatedKind,
    DeviceRelationship,
    AppCriticality,
    AppCriticalityLevel,
    AppUCriticality,
    AppUCriticalityLevel,
}
