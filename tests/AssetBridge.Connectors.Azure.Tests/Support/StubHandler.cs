using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace AssetBridge.Connectors.Azure.Tests.Support;

/// <summary>
/// An HTTP handler that answers from a function, without a network, and records every request with
/// the fake time it was sent at. <see cref="Json"/> builds an ARM-shaped answer.
/// </summary>
internal sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> respond, TimeProvider? time = null) : HttpMessageHandler
{
    private readonly ConcurrentQueue<(HttpRequestMessage Request, DateTimeOffset At, string? Body)> _requests = new();

    public IReadOnlyList<(HttpRequestMessage Request, DateTimeOffset At, string? Body)> Requests => [.. _requests];

    public static HttpResponseMessage Json(HttpStatusCode status, string json, params (string Name, string Value)[] headers) =>
        Json(status, Encoding.UTF8.GetBytes(json), headers);

    public static HttpResponseMessage Json(HttpStatusCode status, byte[] json, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(json) };
        response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    public static string Page(string? nextLink, params string[] items) =>
        $$"""{"value":[{{string.Join(',', items)}}]{{(nextLink is null ? string.Empty : $",\"nextLink\":\"{nextLink}\"")}}}""";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        _requests.Enqueue((request, (time ?? TimeProvider.System).GetUtcNow(), body));
        return respond(request);
    }
}
