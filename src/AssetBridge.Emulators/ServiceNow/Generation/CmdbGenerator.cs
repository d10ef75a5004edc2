using AssetBridge.Emulators.ServiceNow.Tables;

namespace AssetBridge.Emulators.ServiceNow.Generation;

/// <summary>
/// Builds the instance's data from the options. Deterministic by Seed: each table draws from its
/// own Random derived from the seed, so adapters and relationships can be generated in parallel
/// and still come out the same every time.
/// </summary>
internal static class CmdbGenerator
{
    public static RecordStore Generate(ServiceNowEmulatorOptions options)
    {
        var adapters = (long)options.Devices * options.AdaptersPerDevice;
        var store = new RecordStore((int)Math.Min(int.MaxValue, options.Devices + adapters + options.Applications + (options.Devices / 2)));
        var computerTable = store.AddTable(CmdbTables.ComputerSchema());
        var adapterTable = store.AddTable(CmdbTables.NetworkAdapterSchema());
        var applicationTable = store.AddTable(CmdbTables.BusinessAppSchema());
        var relationshipTable = store.AddTable(CmdbTables.RelationshipSchema());
        var typeTable = store.AddTable(CmdbTables.RelationshipTypeSchema());
        var userTable = store.AddTable(CmdbTables.UserSchema());

        var applications = ApplicationGenerator.Generate(
            applicationTable, options.Applications, SysIds.RandomFor(options.Seed, CmdbTables.BusinessApp), new GenerationClock(options.GeneratedAt));
        var applicationIds = Array.ConvertAll(applications, a => a.SysId);
        var devices = DeviceGenerator.Generate(
            computerTable, options.Devices, applicationIds, SysIds.RandomFor(options.Seed, CmdbTables.Computer), new GenerationClock(options.GeneratedAt));

        Row[] adapterRows = [], relationshipRows = [];
        Parallel.Invoke(
            () => adapterRows = AdapterGenerator.Generate(
                adapterTable, devices, options.AdaptersPerDevice, SysIds.RandomFor(options.Seed, CmdbTables.NetworkAdapter), new GenerationClock(options.GeneratedAt)),
            () => relationshipRows = RelationshipGenerator.Generate(
                relationshipTable, devices, applications, SysIds.RandomFor(options.Seed, CmdbTables.Relationship), new GenerationClock(options.GeneratedAt)));

        var clock = new GenerationClock(options.GeneratedAt);
        store.Load(
        [
            (applicationTable, applications),
            (computerTable, devices),
            (adapterTable, adapterRows),
            (relationshipTable, relationshipRows),
            (typeTable, RelationshipGenerator.Types(typeTable, clock)),
            (userTable, Users(userTable, options, clock)),
        ]);
        return store;
    }

    private static Row[] Users(TableStore table, ServiceNowEmulatorOptions options, GenerationClock clock)
    {
        var schema = table.Schema;
        var random = SysIds.RandomFor(options.Seed, CmdbTables.User);
        int userName = schema.IndexOf("user_name"), name = schema.IndexOf("name"), active = schema.IndexOf("active");
        return options.Users.Select(user =>
        {
            var values = schema.EmptyValues();
            values[TableSchema.SysIdIndex] = SysIds.New(random);
            values[userName] = user.Username;
            values[name] = user.Username;
            values[active] = "true";
            clock.Stamp(values, schema, random, 3600);
            return new Row(table, values);
        }).ToArray();
    }
}
