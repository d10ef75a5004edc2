using System.Text.Json;

namespace AssetBridge.Emulators.ServiceNow.Tables;

/// <summary>How a column's value is rendered and followed.</summary>
internal enum ColumnKind
{
    Text,
    Reference,
    DateTime,

    /// <summary>sys_class_name: its display value is the class label ("Computer"), not the table name.</summary>
    ClassName,
}

/// <summary>One column of a table. Every value is stored as a string, as the Table API returns it.</summary>
internal sealed class ColumnDefinition
{
    public ColumnDefinition(string name, int index, ColumnKind kind = ColumnKind.Text, string? referenceTable = null)
    {
        Name = name;
        Index = index;
        Kind = kind;
        ReferenceTable = referenceTable;
        JsonName = JsonEncodedText.Encode(name);
    }

    public string Name { get; }

    public int Index { get; }

    public ColumnKind Kind { get; }

    /// <summary>
    /// The table named in reference links. "cmdb_ci" is the base class: the referenced record may sit
    /// in any configuration item table, as on a real instance.
    /// </summary>
    public string? ReferenceTable { get; }

    /// <summary>Pre-encoded so each record's property names cost no escaping.</summary>
    public JsonEncodedText JsonName { get; }

    public bool IsReference => Kind == ColumnKind.Reference;
}
