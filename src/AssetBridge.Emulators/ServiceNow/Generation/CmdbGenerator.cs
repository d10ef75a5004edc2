using AssetBridge.Emulators.ServiceNow.Tables;

namespace AssetBridge.Emulators.ServiceNow.Generation;

/// <summary>
/// Builds the instance's tables from the options. Generated values are pure functions of
/// (seed, table, ordinal), so building a table means computing and sorting its keys only; the
/// large tables are built in parallel.
/// </summary>
internal static class CmdbGenerator
{
    public static RecordStore Generate(ServiceNowEmulatorOptions options)
    {
        var (seed, at) = (options.Seed, options.GeneratedAt);
        var applicationSchema = CmdbTables.BusinessAppSchema();
        var computerSchema = CmdbTables.ComputerSchema();
        var adapterSchema = CmdbTables.NetworkAdapterSchema();
        var relationshipSchema = CmdbTables.RelationshipSchema();
        var vmInstanceSchema = CmdbTables.VmInstanceSchema();
        var applications = new ApplicationRows(applicationSchema, options.Applications, seed, at);
        var devices = new DeviceRows(computerSchema, options.Devices, seed, at, applications);
        IRowGenerator computerRows = devices;
        IRowGenerator adapterRows = new AdapterRows(adapterSchema, devices, options.AdaptersPerDevice, seed, at);
        IRowGenerator relationshipRows = new RelationshipRows(relationshipSchema, devices, applications, seed, at);
        IRowGenerator? vmInstanceRows = null;
        if (options.CloudEstate is { } estate)
        {
            // Twins follow the generated rows, so every generated row keeps its ordinal and values.
            var plan = new TwinPlan(estate, seed, applications.Count);
            computerRows = new ConcatenatedRows(devices, new TwinComputerRows(computerSchema, plan, seed, at, applications));
            adapterRows = new ConcatenatedRows(adapterRows, new TwinAdapterRows(adapterSchema, plan, seed, at));
            relationshipRows = new ConcatenatedRows(relationshipRows, new TwinRelationshipRows(relationshipSchema, plan, applications, seed, at));
            vmInstanceRows = new TwinVmInstanceRows(vmInstanceSchema, plan, seed, at);
        }

        TableStore computers = null!, adapters = null!, relationships = null!;
        Parallel.Invoke(
            () => computers = new TableStore(computerSchema, computerRows),
            () => adapters = new TableStore(adapterSchema, adapterRows),
            () => relationships = new TableStore(relationshipSchema, relationshipRows));

        var store = new RecordStore();
        store.Add(computers);
        store.Add(adapters);
        store.Add(new TableStore(vmInstanceSchema, vmInstanceRows));
        store.Add(new TableStore(applicationSchema, applications));
        store.Add(relationships);
        store.Add(RelationshipTypes(at, withVirtualization: options.CloudEstate is not null));
        store.Add(Users(options));
        return store;
    }

    private static TableStore RelationshipTypes(DateTimeOffset generatedAt, bool withVirtualization)
    {
        var table = new TableStore(CmdbTables.RelationshipTypeSchema());
        var stamp = generatedAt.AddDays(-1000).ToUnixTimeSeconds();
        List<(string SysId, string Parent, string Child)> types =
        [
            (CmdbTables.DependsOnUsedBy, "Depends on", "Used by"),
            (RelationshipRows.ConnectsTo, "Connects to", "Connected by"),
            (RelationshipRows.RunsOn, "Runs on", "Runs"),
        ];

        // Only instances holding a cloud estate use it; the others keep their three types.
        if (withVirtualization)
        {
            types.Add((CmdbTables.VirtualizedByVirtualizes, "Virtualized by", "Virtualizes"));
        }

        foreach (var (sysId, parent, child) in types)
        {
            Insert(table, sysId, stamp, new()
            {
                ["name"] = parent + "::" + child,
                ["parent_descriptor"] = parent,
                ["child_descriptor"] = child,
            });
        }

        return table;
    }

    private static TableStore Users(ServiceNowEmulatorOptions options)
    {
        var table = new TableStore(CmdbTables.UserSchema());
        var seed = RowDraws.TableSeed(options.Seed, CmdbTables.User);
        var stamp = options.GeneratedAt.AddDays(-30).ToUnixTimeSeconds();
        for (var i = 0; i < options.Users.Count; i++)
        {
            var user = options.Users[i];
            Insert(table, SysId.Format(new RowDraws(seed, i).SysId()), stamp, new()
            {
                ["user_name"] = user.Username,
                ["name"] = user.Username,
                ["active"] = "true",
            });
        }

        return table;
    }

    private static void Insert(TableStore table, string sysId, long stamp, Dictionary<string, string> values)
    {
        var row = table.Schema.EmptyValues();
        foreach (var (name, value) in values)
        {
            row[table.Schema.IndexOf(name)] = value;
        }

        row[table.Schema.CreatedOnIndex] = GlideDateTime.Format(stamp);
        SysId.TryParse(sysId, out var id);
        table.Insert(id, stamp, row);
    }
}
