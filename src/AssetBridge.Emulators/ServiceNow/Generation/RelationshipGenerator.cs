using AssetBridge.Emulators.ServiceNow.Tables;

namespace AssetBridge.Emulators.ServiceNow.Generation;

/// <summary>
/// cmdb_rel_ci rows linking applications and devices in both directions (application parent of a
/// device, and device parent of an application), plus device-to-device rows that have nothing to do
/// with applications, some of them even of the same "Depends on::Used by" type. A reader must look
/// at the classes of both ends, not only at the type.
/// </summary>
internal static class RelationshipGenerator
{
    public const string ConnectsTo = "5599a965c0a8010e00da3b58b113d70e";
    public const string RunsOn = "60bc4e22c0a8010e01f074cbe6bd73c3";

    public static Row[] Generate(TableStore table, IReadOnlyList<Row> devices, IReadOnlyList<Row> applications, Random random, GenerationClock clock)
    {
        var schema = table.Schema;
        int parent = schema.IndexOf("parent"), child = schema.IndexOf("child"), type = schema.IndexOf("type");
        var links = new List<(string Parent, string Child, string Type)>(devices.Count / 2);
        foreach (var device in devices)
        {
            if (applications.Count > 0)
            {
                var roll = random.Next(100);
                var application = applications[random.Next(applications.Count)].SysId;
                if (roll < 30)
                {
                    links.Add((application, device.SysId, CmdbTables.DependsOnUsedBy));
                }
                else if (roll < 40)
                {
                    links.Add((device.SysId, application, CmdbTables.DependsOnUsedBy));
                }
            }

            if (devices.Count > 1 && random.Next(100) < 5)
            {
                var other = devices[random.Next(devices.Count)].SysId;
                if (other != device.SysId)
                {
                    links.Add((device.SysId, other, random.Next(2) == 0 ? CmdbTables.DependsOnUsedBy : ConnectsTo));
                }
            }
        }

        var span = GenerationClock.SpanFor(links.Count);
        var rows = new Row[links.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var values = schema.EmptyValues();
            values[TableSchema.SysIdIndex] = SysIds.New(random);
            (values[parent], values[child], values[type]) = links[i];
            clock.Stamp(values, schema, random, span);
            rows[i] = new Row(table, values);
        }

        return rows;
    }

    /// <summary>cmdb_rel_type: the types the relationship rows use.</summary>
    public static Row[] Types(TableStore table, GenerationClock clock)
    {
        var schema = table.Schema;
        int name = schema.IndexOf("name"), parentDescriptor = schema.IndexOf("parent_descriptor"), childDescriptor = schema.IndexOf("child_descriptor");
        (string SysId, string Parent, string Child)[] types =
        [
            (CmdbTables.DependsOnUsedBy, "Depends on", "Used by"),
            (ConnectsTo, "Connects to", "Connected by"),
            (RunsOn, "Runs on", "Runs"),
        ];
        var stamp = clock.Text((long)TimeSpan.FromDays(1000).TotalSeconds);
        return Array.ConvertAll(types, t =>
        {
            var values = schema.EmptyValues();
            values[TableSchema.SysIdIndex] = t.SysId;
            values[name] = t.Parent + "::" + t.Child;
            values[parentDescriptor] = t.Parent;
            values[childDescriptor] = t.Child;
            values[schema.CreatedOnIndex] = stamp;
            values[schema.UpdatedOnIndex] = stamp;
            return new Row(table, values);
        });
    }
}
