using System.Collections.Concurrent;

namespace AssetBridge.Server.Tests.Agents;

/// <summary>A handler on the agent's side of the wire that keeps every request and response body.</summary>
internal sealed class CapturedBodies
{
    public ConcurrentQueue<string> Bodies { get; } = new();

    public string All => string.Join("\n", Bodies);

    public HttpMessageHandler Wrap(HttpMessageHandler inner) => new Handler(this) { InnerHandler = inner };

    private sealed class Handler(CapturedBodies owner) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is not null)
            {
                owner.Bodies.Enqueue(request.RequestUri + " > " + await request.Content.ReadAsStringAsync(cancellationToken));
            }

            var response = await base.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            owner.Bodies.Enqueue(request.RequestUri + " < " + System.Text.Encoding.UTF8.GetString(body));
            var copy = new ByteArrayContent(body);
            foreach (var header in response.Content.Headers)
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content = copy;
            return response;
        }
    }
}
