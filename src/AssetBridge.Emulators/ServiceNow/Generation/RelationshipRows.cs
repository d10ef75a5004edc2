using AssetBridge.Emulators.ServiceNow.Tables;

namespace AssetBridge.Emulators.ServiceNow.Generation;

/// <summary>
/// cmdb_rel_ci rows linking applications and devices in both directions (application parent of a
/// device, and device parent of an application), plus device-to-device rows that have nothing to do
/// with applications, some of them even of the "Depends on::Used by" type: a reader must look at
/// the classes of both ends, not only at the type. Which rows exist is decided per device up front
/// (a few bytes per row); their values are computed on demand.
/// </summary>
internal sealed class RelationshipRows : IRowGenerator
{
    public const string ConnectsTo = "5599a965c0a8010e00da3b58b113d70e";
    public const string RunsOn = "60bc4e22c0a8010e01f074cbe6bd73c3";

    private readonly ulong seed;
    private readonly DeviceRows devices;
    private readonly ApplicationRows applications;
    private readonly GenerationClock clock;
    private readonly ColumnValues columns;
    private readonly List<Link> links = [];

    public RelationshipRows(TableSchema schema, DeviceRows devices, ApplicationRows applications, int seed, DateTimeOffset generatedAt)
    {
        this.seed = RowDraws.TableSeed(seed, schema.Name);
        this.devices = devices;
        this.applications = applications;
        var deviceSeed = RowDraws.TableSeed(seed, "device relationships");
        for (var device = 0; device < devices.Count; device++)
        {
            var draws = new RowDraws(deviceSeed, device);
            if (applications.Count > 0)
            {
                var roll = draws.Pick(Field.Relationship, 100);
                var application = draws.Pick(Field.RelatedApplication, applications.Count);
                if (roll < 40)
                {
                    links.Add(new Link(device, application, roll < 30 ? LinkKind.ApplicationUsesDevice : LinkKind.DeviceUsesApplication));
                }
            }

            var other = devices.Count > 1 ? draws.Pick(Field.RelatedDevice, devices.Count) : device;
            if (other != device && draws.Chance(Field.DeviceRelationship, 5))
            {
                links.Add(new Link(device, other, draws.Pick(Field.RelatedKind, 2) == 0 ? LinkKind.DeviceDependsOnDevice : LinkKind.DeviceConnectsToDevice));
            }
        }

        Count = links.Count;
        clock = new GenerationClock(generatedAt, Count);
        columns = new ColumnValues(schema, new Dictionary<string, Func<int, string>>
        {
            ["parent"] = i => Tables.SysId.Format(Parent(links[i])),
            ["child"] = i => Tables.SysId.Format(Child(links[i])),
            ["type"] = i => links[i].Kind == LinkKind.DeviceConnectsToDevice ? ConnectsTo : CmdbTables.DependsOnUsedBy,
            ["sys_created_on"] = i => GlideDateTime.Format(clock.CreatedOn(Draws(i))),
        });
    }

    private enum LinkKind : byte
    {
        ApplicationUsesDevice,
        DeviceUsesApplication,
        DeviceDependsOnDevice,
        DeviceConnectsToDevice,
    }

    public int Count { get; }

    public UInt128 SysId(int ordinal) => Draws(ordinal).SysId();

    public long UpdatedOn(int ordinal) => clock.UpdatedOn(Draws(ordinal));

    public string Value(int ordinal, int column) => columns.Value(ordinal, column);

    private RowDraws Draws(int ordinal) => new(seed, ordinal);

    private UInt128 Parent(Link link) =>
        link.Kind == LinkKind.ApplicationUsesDevice ? applications.SysId(link.Other) : devices.SysId(link.Device);

    private UInt128 Child(Link link) => link.Kind switch
    {
        LinkKind.ApplicationUsesDevice => devices.SysId(link.Device),
        LinkKind.DeviceUsesApplication => applications.SysId(link.Other),
        _ => devices.SysId(link.Other),
    };

    /// <summary>The device a row was decided for, the other end (application or device ordinal), and how they relate.</summary>
    private readonly record struct Link(int Device, int Other, LinkKind Kind);
}
