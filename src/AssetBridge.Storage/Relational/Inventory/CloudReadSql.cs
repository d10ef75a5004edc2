namespace AssetBridge.Storage.Relational.Inventory;

/// <summary>The reads behind the cloud join: live cloud VMs, and VM instance CIs no device claims.</summary>
internal static class CloudReadSql
{
    public static string CloudVms(bool oneConnector) => $"""
        SELECT v.connector_id, COALESCE(c.name, ''), v.deleted_at, {Prefixed("v", InventoryTables.CloudVms.RecordColumns)}
        FROM cloud_vms v
        LEFT JOIN connectors c ON c.id = v.connector_id
        WHERE v.deleted_at IS NULL{(oneConnector ? " AND v.connector_id = @connectorId" : string.Empty)}
        ORDER BY v.connector_id, v.resource_id, v.source_table
        """;

    /// <summary>
    /// Live VM instances with no live relationship, either way, to a live device of their connector. The
    /// linked set is computed once (each relationship row probes the instance and the device by key;
    /// neither relationships column is indexed) and anti-joined, so no instance scans relationships.
    /// </summary>
    public static string UnlinkedVmInstances(bool oneConnector)
    {
        var relationships = oneConnector ? " AND r.connector_id = @connectorId" : string.Empty;
        return $"""
            SELECT v.connector_id, COALESCE(c.name, ''), v.deleted_at, {Prefixed("v", InventoryTables.VmInstances.RecordColumns)}
            FROM vm_instances v
            LEFT JOIN connectors c ON c.id = v.connector_id
            LEFT JOIN (
                SELECT r.connector_id AS connector_id, r.child AS vm_sys_id
                FROM relationships r
                WHERE r.deleted_at IS NULL{relationships}
                  AND {Live("vm_instances", "r.connector_id", "r.child")} AND {Live("devices", "r.connector_id", "r.parent")}
                UNION
                SELECT r.connector_id, r.parent
                FROM relationships r
                WHERE r.deleted_at IS NULL{relationships}
                  AND {Live("vm_instances", "r.connector_id", "r.parent")} AND {Live("devices", "r.connector_id", "r.child")}
            ) linked ON linked.connector_id = v.connector_id AND linked.vm_sys_id = v.sys_id
            WHERE v.deleted_at IS NULL AND linked.vm_sys_id IS NULL{(oneConnector ? " AND v.connector_id = @connectorId" : string.Empty)}
            ORDER BY v.connector_id, v.sys_id, v.source_table
            """;
    }

    private static string Live(string table, string connector, string sysId) =>
        $"EXISTS (SELECT 1 FROM {table} x WHERE x.connector_id = {connector} AND x.sys_id = {sysId} AND x.deleted_at IS NULL)";

    private static string Prefixed(string alias, string columns) =>
        string.Join(", ", columns.Split(", ").Select(c => alias + "." + c));
}
