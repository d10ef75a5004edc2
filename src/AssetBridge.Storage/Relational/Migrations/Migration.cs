namespace AssetBridge.Storage.Relational.Migrations;

/// <summary>One schema step of a dialect, applied once, in version order.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
