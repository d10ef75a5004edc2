namespace AssetBridge.Emulators.ServiceNow.Tables;

/// <summary>
/// Generated rows, computed from their ordinal on demand instead of stored: a million devices cost
/// their sort keys only, and any value is the same every time it is asked for.
/// </summary>
internal interface IRowGenerator
{
    int Count { get; }

    UInt128 SysId(int ordinal);

    /// <summary>sys_updated_on as Unix seconds.</summary>
    long UpdatedOn(int ordinal);

    /// <summary>Any other column's value; "" for columns the generator does not fill.</summary>
    string Value(int ordinal, int column);
}
