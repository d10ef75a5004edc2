using AssetBridge.Connectors.Azure.Arm;
using AssetBridge.Connectors.Azure.Transport;
using Microsoft.Extensions.Logging;

namespace AssetBridge.Connectors.Azure.Tests.Support;

/// <summary>An ARM client over a stub handler and a fake clock: no network, no real waiting.</summary>
internal sealed class ArmHarness : IDisposable
{
    public static readonly Uri Arm = new("https://management.azure.com/");
    public const string Subscription = "291bba3f-e0a5-47bc-a099-3bdcb2a50a05";

    public ArmHarness(Func<HttpRequestMessage, HttpResponseMessage> respond, Action<AzureModuleOptions>? configure = null)
    {
        Options = new AzureModuleOptions
        {
            RetryBaseDelay = TimeSpan.FromMilliseconds(100),
            RetryMaxDelay = TimeSpan.FromSeconds(1),
            RequestTimeout = TimeSpan.FromMinutes(30),
        };
        configure?.Invoke(Options);
        Options.Validate();
        Handler = new StubHandler(respond, Clock);
        Http = new HttpClient(Handler);
        Budgets = new ReadBudgets(Options, Clock);
        Client = new ArmClient(Http, Options, Budgets, new ServerTrust(null), Clock, Logs.CreateFactory().CreateLogger("arm"));
    }

    public ManualTimeProvider Clock { get; } = new();

    public CapturedLogs Logs { get; } = new();

    public AzureModuleOptions Options { get; }

    public StubHandler Handler { get; }

    public HttpClient Http { get; }

    public ReadBudgets Budgets { get; }

    public ArmClient Client { get; }

    public StaticAuthenticator Authenticator { get; } = new();

    public ArmSubject Subject(string? subscription = Subscription, string what = "virtual machines") =>
        new(Arm, Authenticator.Principal, subscription, what, Options.MaxAttempts);

    public void Dispose() => Http.Dispose();
}
