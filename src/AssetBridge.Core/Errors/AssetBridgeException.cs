namespace AssetBridge.Core.Errors;

/// <summary>
/// An error a user can cause or fix. <see cref="Exception.Message"/> is the one sentence the user
/// reads: it names the cause and the fix, and never contains a secret.
/// </summary>
public class AssetBridgeException : Exception
{
    public AssetBridgeException(ErrorKind kind, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
    }

    public ErrorKind Kind { get; }

    /// <summary>True when retrying later, unchanged, may succeed.</summary>
    public bool IsRetryable => Kind is ErrorKind.Transient or ErrorKind.RateLimited or ErrorKind.Unreachable;

    /// <summary>The process exit code for this kind of error (documented in the README).</summary>
    public int ExitCode => ExitCodes.For(Kind);
}
