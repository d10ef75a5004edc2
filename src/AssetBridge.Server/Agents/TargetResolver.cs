using System.Net;
using System.Net.Sockets;

namespace AssetBridge.Server.Agents;

/// <summary>Resolves job targets to addresses on the server, once per host per dispatch pass.</summary>
internal sealed class TargetResolver
{
    private static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(2);
    private readonly Dictionary<string, IReadOnlyList<IPAddress>> _cache = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The host's addresses; empty when it names none or does not resolve (that excludes only range-limited agents).</summary>
    public async Task<IReadOnlyList<IPAddress>> ResolveAsync(string? host, CancellationToken cancellationToken)
    {
        if (host is null)
        {
            return [];
        }

        if (IPAddress.TryParse(host, out var literal))
        {
            return [literal];
        }

        if (_cache.TryGetValue(host, out var cached))
        {
            return cached;
        }

        IReadOnlyList<IPAddress> addresses;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(LookupTimeout);
            addresses = await Dns.GetHostAddressesAsync(host, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (error is SocketException or ArgumentException || (error is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            addresses = [];
        }

        _cache[host] = addresses;
        return addresses;
    }
}
