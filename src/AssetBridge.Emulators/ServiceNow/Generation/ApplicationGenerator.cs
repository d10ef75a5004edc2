using System.Globalization;
using AssetBridge.Emulators.ServiceNow.Tables;

namespace AssetBridge.Emulators.ServiceNow.Generation;

/// <summary>
/// cmdb_ci_business_app rows numbered APM0001001 upwards. u_criticality holds the bare digit
/// ("1".."4"), business_criticality the full choice; either may be empty.
/// </summary>
internal static class ApplicationGenerator
{
    public static Row[] Generate(TableStore table, int count, Random random, GenerationClock clock)
    {
        var schema = table.Schema;
        int number = schema.IndexOf("number"), name = schema.IndexOf("name"), className = schema.IndexOf("sys_class_name");
        int businessCriticality = schema.IndexOf("business_criticality"), criticality = schema.IndexOf("u_criticality");
        int operationalStatus = schema.IndexOf("operational_status"), installStatus = schema.IndexOf("install_status");
        var span = GenerationClock.SpanFor(count);
        var rows = new Row[count];
        for (var i = 0; i < count; i++)
        {
            var values = schema.EmptyValues();
            values[TableSchema.SysIdIndex] = SysIds.New(random);
            values[number] = "APM" + (1001 + i).ToString("D7", CultureInfo.InvariantCulture);
            var baseName = SampleValues.ApplicationNames[i % SampleValues.ApplicationNames.Length];
            var round = i / SampleValues.ApplicationNames.Length;
            values[name] = round == 0 ? baseName : string.Create(CultureInfo.InvariantCulture, $"{baseName} {round + 1}");
            values[className] = CmdbTables.BusinessApp;
            values[businessCriticality] = random.Next(5) == 0 ? string.Empty : SampleValues.Criticalities[random.Next(4)];
            values[criticality] = random.Next(3) == 0 ? string.Empty : (1 + random.Next(4)).ToString(CultureInfo.InvariantCulture);
            values[operationalStatus] = "1";
            values[installStatus] = "1";
            clock.Stamp(values, schema, random, span);
            rows[i] = new Row(table, values);
        }

        return rows;
    }
}
