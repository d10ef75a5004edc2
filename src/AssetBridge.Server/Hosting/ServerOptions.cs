using Microsoft.Extensions.Logging;

namespace AssetBridge.Server.Hosting;

/// <summary>How a server starts. Every default is the one <c>assetbridge server</c> uses.</summary>
public sealed class ServerOptions
{
    /// <summary>The data directory: master key, default SQLite database, generated certificate. Required.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>HTTPS addresses to listen on, separated by ';'. Default https://127.0.0.1:8443; port 0 picks a free port.</summary>
    public string Urls { get; init; } = "https://127.0.0.1:8443";

    /// <summary><c>sqlite:PATH</c> or <c>postgres:CONNSTRING</c>; null: the data directory's SQLite database.</summary>
    public string? Store { get; init; }

    /// <summary>A PFX to serve; null: a self-signed certificate generated once and kept in the data directory.</summary>
    public string? CertificatePath { get; init; }

    /// <summary>The PFX's password, when it has one.</summary>
    public string? CertificatePassword { get; init; }

    /// <summary>The environment (master key, retry tuning). Default: the process environment.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Where logs go; null: nowhere.</summary>
    public ILoggerProvider? Logs { get; init; }

    /// <summary>How often the scheduler looks for due connectors. Default 5 s: a run starts at most this late.</summary>
    public TimeSpan ScheduleInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether this process runs an embedded agent. Default true, so a lone server syncs on its own.</summary>
    public bool EmbeddedAgent { get; init; } = true;

    /// <summary>The embedded agent's name; replicas on one host need different names. Default embedded-HOST.</summary>
    public string? EmbeddedAgentName { get; init; }

    /// <summary>How long an agent may stay silent before it is Down and its jobs are re-homed; null keeps the default.</summary>
    public TimeSpan? AgentDownAfter { get; init; }
}
