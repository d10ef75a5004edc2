using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AssetBridge.Connectors.ServiceNow.Tests.Support;

/// <summary>
/// A loopback HTTP server that answers every Table API request with one fixed status and JSON body:
/// for the refusals the emulator cannot yet produce on a table it does not serve.
/// </summary>
internal sealed class StubInstance : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task serving;

    public StubInstance(HttpStatusCode status, string body)
    {
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add(BaseAddress.AbsoluteUri);
        listener.Start();
        serving = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                Requests.Add(context.Request.Url!.AbsolutePath);
                var bytes = Encoding.UTF8.GetBytes(body);
                context.Response.StatusCode = (int)status;
                context.Response.ContentType = "application/json";
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        });
    }

    public Uri BaseAddress { get; }

    public System.Collections.Concurrent.ConcurrentBag<string> Requests { get; } = [];

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        serving.Wait(TimeSpan.FromSeconds(5));
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
