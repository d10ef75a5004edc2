namespace AssetBridge.Core.Connectors;

/// <summary>One line of <c>connector test</c>: what was checked, whether it passed, and the sentence to read.</summary>
public sealed record ProbeCheck(string Name, bool Passed, string Detail);

/// <summary>Checks that a connector can reach and read its source, step by step (DNS, TLS, authentication, read access).</summary>
public interface IConnectorProbe
{
    string ConnectorKind { get; }

    IAsyncEnumerable<ProbeCheck> TestAsync(Connector connector, CancellationToken cancellationToken);
}
