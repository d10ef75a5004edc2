using AssetBridge.Core.Application;

namespace AssetBridge.Cli.Hosting;

/// <summary>
/// What one command works against: the control plane, and — only when it is this machine's data
/// directory rather than a server — the local host, whose embedded agent runs a sync in-process.
/// </summary>
public sealed record CliSession(IControlPlane Plane, AppHost? Local)
{
    public bool IsRemote => Local is null;
}
