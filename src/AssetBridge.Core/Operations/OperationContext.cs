using AssetBridge.Core.Credentials;
using AssetBridge.Core.Jobs;
using Microsoft.Extensions.Logging;

namespace AssetBridge.Core.Operations;

/// <summary>What an operation handler gets for one job: the ticket, an authenticator built from the job's credential, a clock and a logger.</summary>
public sealed record OperationContext(
    JobTicket Job,
    Func<AuthenticationTarget, IAuthenticator> Authenticate,
    TimeProvider Time,
    ILogger Logger);
