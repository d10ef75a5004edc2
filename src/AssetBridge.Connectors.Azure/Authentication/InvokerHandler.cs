namespace AssetBridge.Connectors.Azure.Authentication;

/// <summary>
/// Lets Azure.Identity send through the module's own HTTP stack (its TLS trust, timeouts and pooled
/// connections) when it is only known as an <see cref="HttpMessageInvoker"/>. Disposing it leaves the
/// invoker alone: the module owns that.
/// </summary>
internal sealed class InvokerHandler(HttpMessageInvoker inner) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        inner.SendAsync(request, cancellationToken);
}
