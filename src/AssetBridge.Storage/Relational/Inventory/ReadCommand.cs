using System.Data.Common;

namespace AssetBridge.Storage.Relational.Inventory;

/// <summary>Builds the inventory's read commands, whose only parameter is the optional <c>@connectorId</c>.</summary>
internal static class ReadCommand
{
    /// <summary>Binds <c>@connectorId</c> when given; the SQL names it only when it reads one connector.</summary>
    public static DbCommand Create(DbConnection connection, string sql, long? connectorId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        if (connectorId is { } id)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "connectorId";
            parameter.Value = id;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
