using AssetBridge.Core.Errors;

namespace AssetBridge.Core.Jobs;

/// <summary>
/// The operation map's key, <c>(provider, interface, version, operation)</c>, written
/// <c>servicenow-cmdb-1.0-ListDevices</c> like the seed's CAPI method mapper names.
/// </summary>
public readonly record struct OperationKey(string Provider, string Interface, string Version, string Operation)
{
    public override string ToString() => $"{Provider}-{Interface}-{Version}-{Operation}";

    public static OperationKey Parse(string text)
    {
        var parts = text.Split('-');
        if (parts.Length != 4 || parts.Any(string.IsNullOrWhiteSpace))
        {
            throw new AssetBridgeException(
                ErrorKind.Usage,
                $"'{text}' is not an operation name; write it as provider-interface-version-operation, e.g. servicenow-cmdb-1.0-ListDevices.");
        }

        return new OperationKey(parts[0], parts[1], parts[2], parts[3]);
    }
}
