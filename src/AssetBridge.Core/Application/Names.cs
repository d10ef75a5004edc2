using AssetBridge.Core.Errors;

namespace AssetBridge.Core.Application;

/// <summary>Rules for the names users give connectors and credentials.</summary>
internal static class Names
{
    public static void Validate(string name, string what)
    {
        if (string.IsNullOrWhiteSpace(name)
            || name.Length > 64
            || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            || name.All(char.IsAsciiDigit))
        {
            throw new AssetBridgeException(
                ErrorKind.Usage,
                $"'{name}' is not a valid {what} name; use 1-64 letters, digits, '-', '_' or '.', not only digits.");
        }
    }
}
