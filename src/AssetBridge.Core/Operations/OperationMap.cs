using AssetBridge.Core.Errors;
using AssetBridge.Core.Jobs;

namespace AssetBridge.Core.Operations;

/// <summary>Resolves <c>(provider, interface, version, operation)</c> to its handler.</summary>
public sealed class OperationMap
{
    private readonly Dictionary<OperationKey, IOperation> _handlers = [];

    public OperationMap(IEnumerable<IOperation> operations)
    {
        foreach (var operation in operations)
        {
            if (!_handlers.TryAdd(operation.Key, operation))
            {
                throw new InvalidOperationException($"Two handlers are registered for {operation.Key}.");
            }
        }
    }

    public IReadOnlyCollection<OperationKey> Keys => _handlers.Keys;

    public bool Supports(OperationKey key) => _handlers.ContainsKey(key);

    public IOperation Resolve(OperationKey key) =>
        _handlers.TryGetValue(key, out var handler)
            ? handler
            : throw new AssetBridgeException(
                ErrorKind.Configuration,
                $"This agent has no handler for {key}; upgrade the agent or run the job on one that supports it.");
}
