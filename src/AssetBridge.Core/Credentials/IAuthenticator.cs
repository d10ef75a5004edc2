namespace AssetBridge.Core.Credentials;

/// <summary>Puts a credential onto an outgoing request (the <c>Authorization</c> header).</summary>
public interface IAuthenticator
{
    ValueTask AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken);

    /// <summary>
    /// Called once after a 401: refreshes what can be refreshed (an OAuth token) and returns true when
    /// the request is worth sending again. Static credentials return false.
    /// </summary>
    ValueTask<bool> RefreshAsync(CancellationToken cancellationToken);
}
