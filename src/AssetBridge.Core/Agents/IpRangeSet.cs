using System.Net;

namespace AssetBridge.Core.Agents;

/// <summary>
/// The addresses an agent serves: include ranges (none means every address) minus exclude ranges.
/// Written as a list of ranges where an exclude range starts with <c>!</c>.
/// </summary>
public sealed record IpRangeSet(IReadOnlyList<IpRange> Include, IReadOnlyList<IpRange> Exclude)
{
    public static readonly IpRangeSet Everything = new([], []);

    /// <summary>Parses <c>10.0.0.0/8</c>, <c>10.1.2.3-10.1.2.9</c>, <c>!10.9.0.0/16</c> (exclude) entries.</summary>
    public static IpRangeSet Parse(IEnumerable<string> entries)
    {
        var include = new List<IpRange>();
        var exclude = new List<IpRange>();
        foreach (var entry in entries.Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            if (entry.StartsWith('!'))
            {
                exclude.Add(IpRange.Parse(entry[1..]));
            }
            else
            {
                include.Add(IpRange.Parse(entry));
            }
        }

        return new IpRangeSet(include, exclude);
    }

    /// <summary>Whether this set limits addresses at all; an unlimited agent needs no name resolution.</summary>
    public bool IsUnlimited => Include.Count == 0 && Exclude.Count == 0;

    public bool Allows(IPAddress address) =>
        (Include.Count == 0 || Include.Any(r => r.Contains(address))) && !Exclude.Any(r => r.Contains(address));

    /// <summary>The entries as written, excludes prefixed with <c>!</c>, for storage and display.</summary>
    public IReadOnlyList<string> ToEntries() => [.. Include.Select(r => r.Text), .. Exclude.Select(r => "!" + r.Text)];

    public override string ToString() => IsUnlimited ? "any" : string.Join(", ", ToEntries());
}
