namespace AssetBridge.Server.Tests.Agents;

/// <summary>Cuts one agent off from the server (every request fails as a refused connection) until healed.</summary>
internal sealed class NetworkPartition(CapturedBodies bodies)
{
    private volatile bool _cut;

    public void Cut() => _cut = true;

    public void Heal() => _cut = false;

    public HttpMessageHandler Wrap(HttpMessageHandler inner) => new Handler(this) { InnerHandler = bodies.Wrap(inner) };

    private sealed class Handler(NetworkPartition owner) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            owner._cut
                ? throw new HttpRequestException(HttpRequestError.ConnectionError, "partitioned by the test")
                : base.SendAsync(request, cancellationToken);
    }
}
