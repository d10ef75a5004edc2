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
        var applications = new ApplicationRows(applicationSchema, options.Applications, seed, at);
        var devices = new DeviceRows(computerSchema, options.Devices, seed, at, applications);

        TableStore computers = null!, adapters = null!, relationships = null!;
        Parallel.Invoke(
            () => computers = new TableStore(computerSchema, devices),
            () => adapters = new TableStore(adapterSchema, new AdapterRows(adapterSchema, devices, options.AdaptersPerDevice, seed, at)),
            () => relationships = new TableStore(relationshipSchema, new RelationshipRows(relationshipSchema, devices, applications, seed, at)));

        var store = new RecordStore();
        store.Add(computers);
        store.Add(adapters);
        store.Add(new TableStore(applicationSchema, applications));
        store.Add(relationships);
        store.Add(RelationshipTypes(at));
        store.Add(Users(options));
        return store;
    }

    private static TableStore RelationshipTypes(DateTimeOffset generatedAt)
    {
        var table = new TableStore(CmdbTables.RelationshipTypeSchema());
        var stamp = generatedAt.AddDays(-1000).ToUnixTimeSeconds();
        (string SysId, string Parent, string Child)[] types =
        [
            (CmdbTables.DependsOnUsedBy, "Depends on", "Used by"),
            (RelationshipRows.ConnectsTo, "Connects to", "Connected by"),
            (RelationshipRows.RunsOn, "Runs on", "Runs"),
        ];
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
