using System.Data.Common;

namespace AssetBridge.Storage.Relational.Inventory;

/// <summary>Reads nullable columns without boxing through <see cref="DbDataReader.GetValue"/>.</summary>
internal static class ReaderColumns
{
    public static string? Text(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static bool? Flag(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetBoolean(ordinal);

    public static long? Number(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
