namespace AssetBridge.Storage.Relational.Inventory;

/// <summary>
/// The ordered streams the device reader merge-joins. Each is sorted on the join key
/// <c>(connector_id, device sys_id)</c> in the database's byte order (see <see cref="CodePointOrder"/>).
/// </summary>
internal static class DeviceReadSql
{
    public static string Devices(bool oneConnector, bool includeDeleted) => $"""
        SELECT d.connector_id, d.source_table, d.deleted_at, {Prefixed("d", InventoryTables.Devices.RecordColumns)}
        FROM devices d
        WHERE 1 = 1{(oneConnector ? " AND d.connector_id = @connectorId" : string.Empty)}{(includeDeleted ? string.Empty : " AND d.deleted_at IS NULL")}
        ORDER BY d.connector_id, d.sys_id, d.source_table
        """;

    public static string Adapters(bool oneConnector) => $"""
        SELECT a.connector_id, {Prefixed("a", InventoryTables.NetworkAdapters.RecordColumns)}
        FROM network_adapters a
        WHERE a.deleted_at IS NULL AND a.device_sys_id IS NOT NULL{(oneConnector ? " AND a.connector_id = @connectorId" : string.Empty)}
        ORDER BY a.connector_id, a.device_sys_id, a.sys_id, a.source_table
        """;

    /// <summary>
    /// Device-to-application links, ordered: the device's primary application reference, and
    /// cmdb_rel_ci rows in either direction, each counted only when the application is live in the same
    /// connector. UNION ALL, not UNION: a link found twice arrives as adjacent rows and the reader drops
    /// the repeat, which measured twice as fast as SQLite's distinct b-tree followed by a second sort.
    /// </summary>
    public static string ApplicationLinks(bool oneConnector, bool includeDeleted)
    {
        var devices = (oneConnector ? " AND d.connector_id = @connectorId" : string.Empty) + (includeDeleted ? string.Empty : " AND d.deleted_at IS NULL");
        var relationships = oneConnector ? " AND r.connector_id = @connectorId" : string.Empty;
        return $"""
            SELECT connector_id, device_sys_id, app_sys_id FROM (
                SELECT d.connector_id AS connector_id, d.sys_id AS device_sys_id, d.u_primary_business_application AS app_sys_id
                FROM devices d
                WHERE d.u_primary_business_application IS NOT NULL{devices}
                  AND {LiveApplication("d.connector_id", "d.u_primary_business_application")}
                UNION ALL
                SELECT r.connector_id, r.parent, r.child
                FROM relationships r
                WHERE r.deleted_at IS NULL AND r.parent IS NOT NULL{relationships}
                  AND {LiveApplication("r.connector_id", "r.child")}
                UNION ALL
                SELECT r.connector_id, r.child, r.parent
                FROM relationships r
                WHERE r.deleted_at IS NULL AND r.child IS NOT NULL{relationships}
                  AND {LiveApplication("r.connector_id", "r.parent")}
            ) links
            ORDER BY connector_id, device_sys_id, app_sys_id
            """;
    }

    /// <summary>
    /// Device-to-VM-instance links, ordered: cmdb_rel_ci rows in either direction whose other end is a
    /// live VM instance of the same connector, with that instance's columns. Each branch drives from
    /// relationships and looks the instance up by its key, so the cost is one pass over relationships,
    /// as for application links; a link found twice arrives as adjacent equal rows and the reader drops
    /// the repeat.
    /// </summary>
    public static string VmInstanceLinks(bool oneConnector)
    {
        var relationships = oneConnector ? " AND r.connector_id = @connectorId" : string.Empty;
        var columns = InventoryTables.VmInstances.RecordColumns;
        return $"""
            SELECT connector_id, device_sys_id, {columns} FROM (
                SELECT r.connector_id AS connector_id, r.parent AS device_sys_id, v.source_table AS source_table, {Aliased("v", columns)}
                FROM relationships r
                JOIN vm_instances v ON v.connector_id = r.connector_id AND v.sys_id = r.child AND v.deleted_at IS NULL
                WHERE r.deleted_at IS NULL AND r.parent IS NOT NULL{relationships}
                UNION ALL
                SELECT r.connector_id, r.child, v.source_table, {Prefixed("v", columns)}
                FROM relationships r
                JOIN vm_instances v ON v.connector_id = r.connector_id AND v.sys_id = r.parent AND v.deleted_at IS NULL
                WHERE r.deleted_at IS NULL AND r.child IS NOT NULL{relationships}
            ) links
            ORDER BY connector_id, device_sys_id, sys_id, source_table
            """;
    }

    /// <summary>Whether any VM instance is live (of the connector): when none is, the device reader skips the link query.</summary>
    public static string AnyLiveVmInstance(bool oneConnector) =>
        $"SELECT 1 FROM vm_instances WHERE deleted_at IS NULL{(oneConnector ? " AND connector_id = @connectorId" : string.Empty)} LIMIT 1";

    public const string ConnectorNames = "SELECT id, name FROM connectors";

    private static string LiveApplication(string connector, string sysId) =>
        $"EXISTS (SELECT 1 FROM business_applications b WHERE b.connector_id = {connector} AND b.sys_id = {sysId} AND b.deleted_at IS NULL)";

    private static string Prefixed(string alias, string columns) =>
        string.Join(", ", columns.Split(", ").Select(c => alias + "." + c));

    private static string Aliased(string alias, string columns) =>
        string.Join(", ", columns.Split(", ").Select(c => $"{alias}.{c} AS {c}"));
}
