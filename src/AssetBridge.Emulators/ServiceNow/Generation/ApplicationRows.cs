using System.Globalization;
using AssetBridge.Emulators.ServiceNow.Tables;

namespace AssetBridge.Emulators.ServiceNow.Generation;

/// <summary>
/// cmdb_ci_business_app rows numbered APM0001001 upwards. u_criticality holds the bare digit
/// ("1".."4"), business_criticality the full choice; either may be empty.
/// </summary>
internal sealed class ApplicationRows : IRowGenerator
{
    private readonly ulong seed;
    private readonly GenerationClock clock;
    private readonly ColumnValues columns;

    public ApplicationRows(TableSchema schema, int count, int seed, DateTimeOffset generatedAt)
    {
        Count = count;
        this.seed = RowDraws.TableSeed(seed, schema.Name);
        clock = new GenerationClock(generatedAt, count);
        columns = new ColumnValues(schema, new Dictionary<string, Func<int, string>>
        {
            ["number"] = i => "APM" + (1001 + i).ToString("D7", CultureInfo.InvariantCulture),
            ["name"] = Name,
            ["sys_class_name"] = _ => CmdbTables.BusinessApp,
            ["business_criticality"] = i => Draws(i).Pick(Field.AppCriticality, 5) == 0
                ? string.Empty
                : SampleValues.Criticalities[Draws(i).Pick(Field.AppCriticalityLevel, 4)],
            ["u_criticality"] = i => Draws(i).Pick(Field.AppUCriticality, 3) == 0
                ? string.Empty
                : (1 + Draws(i).Pick(Field.AppUCriticalityLevel, 4)).ToString(CultureInfo.InvariantCulture),
            ["operational_status"] = _ => "1",
            ["install_status"] = _ => "1",
            ["sys_created_on"] = i => GlideDateTime.Format(clock.CreatedOn(Draws(i))),
        });
    }

    public int Count { get; }

    public UInt128 SysId(int ordinal) => Draws(ordinal).SysId();

    public long UpdatedOn(int ordinal) => clock.UpdatedOn(Draws(ordinal));

    public string Value(int ordinal, int column) => columns.Value(ordinal, column);

    private RowDraws Draws(int ordinal) => new(seed, ordinal);

    private static string Name(int i)
    {
        var names = SampleValues.ApplicationNames;
        var round = i / names.Length;
        return round == 0 ? names[i] : string.Create(CultureInfo.InvariantCulture, $"{names[i % names.Length]} {round + 1}");
    }
}
