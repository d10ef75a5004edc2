using System.Net.Sockets;
using System.Security.Authentication;
using AssetBridge.Connectors.Azure.Authentication;

namespace AssetBridge.Connectors.Azure.Tests.Authentication;

public sealed class EntraRetryPolicyTests
{
    public static TheoryData<Exception, bool> Failures => new()
    {
        { new HttpRequestException("SSL failed", new AuthenticationException("The remote certificate is invalid")), true },
        { new HttpRequestException("DNS", new SocketException((int)SocketError.HostNotFound)), true },
        { new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)), false },
        { new IOException("reset"), false },
        { new TaskCanceledException("timeout"), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void IsPermanent_StopsRetriesOnlyForWhatNoRetryCures(Exception failure, bool permanent) =>
        Assert.Equal(permanent, EntraRetryPolicy.IsPermanent(failure));
}
