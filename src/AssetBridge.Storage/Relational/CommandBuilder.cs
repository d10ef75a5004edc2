using System.Data.Common;

namespace AssetBridge.Storage.Relational;

/// <summary>Builds commands with named parameters whose values are set per execution.</summary>
/// <remarks>
/// Names are given with their <c>@</c> prefix, exactly as the SQL spells them: Microsoft.Data.Sqlite
/// looks a bare name up once more per prefix on every execution, which the hot path would pay per value.
/// </remarks>
internal static class CommandBuilder
{
    public static DbCommand Create(DbConnection connection, string sql, params string[] parameterNames)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name[0] == '@' ? name : "@" + name;
            parameter.Value = DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public static void Set(this DbCommand command, int index, object? value) =>
        command.Parameters[index].Value = value ?? DBNull.Value;
}
