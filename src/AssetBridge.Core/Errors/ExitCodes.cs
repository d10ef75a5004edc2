namespace AssetBridge.Core.Errors;

/// <summary>Process exit codes; the README's troubleshooting table lists the same numbers.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Unexpected = 1;
    public const int Usage = 2;

    /// <summary><c>connector test</c> ran, and at least one check failed.</summary>
    public const int ChecksFailed = 11;

    public static int For(ErrorKind kind) => kind switch
    {
        ErrorKind.Usage => Usage,
        ErrorKind.NotFound => Usage,
        ErrorKind.Configuration => 3,
        ErrorKind.Authentication => 4,
        ErrorKind.Unreachable => 5,
        ErrorKind.RateLimited => 6,
        ErrorKind.BadResponse => 7,
        ErrorKind.Transient => 8,
        ErrorKind.Conflict => 9,
        ErrorKind.RunFailed => 10,
        _ => Unexpected,
    };
}
