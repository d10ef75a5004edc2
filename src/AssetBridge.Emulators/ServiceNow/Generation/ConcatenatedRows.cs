using AssetBridge.Emulators.ServiceNow.Tables;

namespace AssetBridge.Emulators.ServiceNow.Generation;

/// <summary>
/// One table's rows from two generators, the second's ordinals following the first's: cloud estate
/// twins join the generated devices without renumbering (or changing) any of them.
/// </summary>
internal sealed class ConcatenatedRows(IRowGenerator first, IRowGenerator second) : IRowGenerator
{
    public int Count { get; } = first.Count + second.Count;

    public UInt128 SysId(int ordinal) => ordinal < first.Count ? first.SysId(ordinal) : second.SysId(ordinal - first.Count);

    public long UpdatedOn(int ordinal) => ordinal < first.Count ? first.UpdatedOn(ordinal) : second.UpdatedOn(ordinal - first.Count);

    public string Value(int ordinal, int column) => ordinal < first.Count ? first.Value(ordinal, column) : second.Value(ordinal - first.Count, column);
}
