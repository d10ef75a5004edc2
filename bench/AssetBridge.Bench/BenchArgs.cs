using System.Globalization;

namespace AssetBridge.Bench;

/// <summary>Tiny "--name value" argument reader; the bench is a tool for engineers, not a product surface.</summary>
internal sealed class BenchArgs(string[] args)
{
    public string? Get(string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public int Int(string name, int fallback) => Get(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public string Require(string name) => Get(name) ?? throw new ArgumentException($"{name} is required.");
}
