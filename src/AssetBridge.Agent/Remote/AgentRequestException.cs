using System.Net;
using AssetBridge.Core.Errors;

namespace AssetBridge.Agent.Remote;

/// <summary>The server answered an agent request with an error status; the message is its problem detail.</summary>
internal sealed class AgentRequestException : AssetBridgeException
{
    public AgentRequestException(HttpStatusCode status, ErrorKind kind, string message)
        : base(kind, message)
    {
        Status = status;
    }

    public HttpStatusCode Status { get; }
}
