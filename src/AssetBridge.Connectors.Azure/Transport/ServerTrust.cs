using System.Collections.Concurrent;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace AssetBridge.Connectors.Azure.Transport;

/// <summary>
/// Decides whether a server certificate is trusted: by the system store (which honours SSL_CERT_FILE),
/// or, when the system chain fails only because its root is unknown, by a chain built again with the
/// extra roots as the only trust anchors. Host name mismatches and every other chain error are never
/// forgiven. It remembers why it last refused each host, so a TLS failure can say "not trusted".
/// </summary>
internal sealed class ServerTrust(X509Certificate2Collection? extraRoots)
{
    private readonly X509Certificate2Collection _extraRoots = extraRoots is null ? [] : [.. extraRoots];
    private readonly ConcurrentDictionary<string, string> _rejections = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Why the last certificate of <paramref name="host"/> was refused, or null when none was.</summary>
    public string? RejectionOf(string host) => _rejections.TryGetValue(host, out var reason) ? reason : null;

    /// <summary>The callback for <see cref="SslClientAuthenticationOptions.RemoteCertificateValidationCallback"/>.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var host = sender switch
        {
            SslStream stream => stream.TargetHostName,
            HttpRequestMessage request => request.RequestUri?.IdnHost,
            _ => null,
        } ?? string.Empty;

        var reason = Check(certificate, chain, errors);
        if (reason is null)
        {
            _rejections.TryRemove(host, out _);
            return true;
        }

        _rejections[host] = reason;
        return false;
    }

    /// <summary>Null when trusted; otherwise what is wrong, in words.</summary>
    internal string? Check(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return null;
        }

        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || certificate is null || chain is null)
        {
            return errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)
                ? "the certificate is for another host name"
                : "no usable certificate was presented";
        }

        var statuses = chain.ChainStatus.Select(s => s.Status).Where(s => s != X509ChainStatusFlags.NoError).Distinct().ToList();
        var onlyUnknownRoot = statuses.Count > 0 && statuses.All(s => s is X509ChainStatusFlags.UntrustedRoot or X509ChainStatusFlags.PartialChain);
        if (!onlyUnknownRoot || _extraRoots.Count == 0)
        {
            return $"its chain does not build to a trusted root ({string.Join(", ", statuses)})";
        }

        // Checkpoint: validation is never switched off; the same certificate must chain to one of the
        // extra roots, with intermediates only as the server presented them.
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_extraRoots);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        foreach (var element in chain.ChainElements.Skip(1))
        {
            custom.ChainPolicy.ExtraStore.Add(element.Certificate);
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return custom.Build(leaf)
            ? null
            : $"its chain builds neither to the system store nor to the extra trusted roots ({string.Join(", ", custom.ChainStatus.Select(s => s.Status).Distinct())})";
    }
}
