using System.Net;
using System.Text;
using AssetBridge.Connectors.ServiceNow.Mapping;
using AssetBridge.Connectors.ServiceNow.TableApi;
using AssetBridge.Connectors.ServiceNow.Tests.Support;
using AssetBridge.Core.Errors;

namespace AssetBridge.Connectors.ServiceNow.Tests.TableApi;

public class ResponseClassifierTests
{
    private static readonly RequestSubject Subject = new(new Uri("https://contoso.service-now.com/"), "cmdb_ci_computer", "--device-table", "user 'svc'", 6);
    private static readonly ColumnSet Columns = new(new Dictionary<string, string> { ["sysId"] = "sys_id" });

    private static TableApiException Classify(HttpStatusCode status, byte[] body, string mediaType = "application/json")
    {
        using var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(body) };
        response.Content.Headers.ContentType = new(mediaType);
        return Assert.Throws<TableApiException>(() => ResponseClassifier.ToPage(response, body, Columns, Subject));
    }

    private static TableApiException Classify(HttpStatusCode status, string body) => Classify(status, Encoding.UTF8.GetBytes(body));

    [Fact]
    public void Unauthorized_NamesTheAccountAndTheFix()
    {
        var e = Classify(HttpStatusCode.Unauthorized, Fixtures.Bytes("servicenowdocs/add-OIDC-entity__401_user_not_authenticated.json"));

        Assert.Equal(ErrorKind.Authentication, e.Kind);
        Assert.False(e.RetryHere);
        Assert.Equal(
            "ServiceNow rejected the credentials of user 'svc' (401: User Not Authenticated); check the username and password (or the OAuth client id and secret) stored in the connector's credential.",
            e.Message);
    }

    [Fact]
    public void Forbidden_NamesTheMissingRole()
    {
        var e = Classify(HttpStatusCode.Forbidden, """{"error":{"message":"User Not Authorized","detail":"Failed API level ACL Validation"},"status":"failure"}""");

        Assert.Equal(TableApiFailure.Forbidden, e.Failure);
        Assert.Equal(ErrorKind.Authentication, e.Kind);
        Assert.Equal(
            "ServiceNow refused user 'svc' access to cmdb_ci_computer (403: User Not Authorized): the account lacks the cmdb_read role (or an ACL denies the table); grant cmdb_read to user 'svc' and run the sync again.",
            e.Message);
    }

    [Fact]
    public void InvalidTable_NamesTheTableAndItsOption()
    {
        var e = Classify(HttpStatusCode.BadRequest, """{"error":{"message":"Invalid table cmdb_ci_computer","detail":null},"status":"failure"}""");

        Assert.Equal(TableApiFailure.NoSuchTable, e.Failure);
        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.Equal(
            "ServiceNow has no table 'cmdb_ci_computer' (400: Invalid table cmdb_ci_computer); check --device-table (the table's name, not its label) and the instance URL.",
            e.Message);
    }

    [Fact]
    public void NotFound_IsAMissingTable()
    {
        var e = Classify(HttpStatusCode.NotFound, "");

        Assert.Equal(TableApiFailure.NoSuchTable, e.Failure);
        Assert.StartsWith("ServiceNow has no table 'cmdb_ci_computer' (404); check --device-table", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherBadRequest_QuotesTheServerMessage()
    {
        var e = Classify(HttpStatusCode.BadRequest, Fixtures.Bytes("stackstate/cmdb_ci_result_error_message.json"));

        Assert.Equal(ErrorKind.BadResponse, e.Kind);
        Assert.Equal(
            "ServiceNow refused the request for cmdb_ci_computer (400: The resource you requested is not part of the API); check the field map (--map) and the table settings of the connector.",
            e.Message);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.BadGateway)]
    public void ServerErrors_AreRetriedThenTransient(HttpStatusCode status)
    {
        var e = Classify(status, Fixtures.Bytes("servicenowdocs/cmdb-instance-api__error_exception.json"));

        Assert.True(e.RetryHere);
        Assert.Equal(ErrorKind.Transient, e.Kind);
        Assert.Equal($"ServiceNow answered {(int)status} {status} for cmdb_ci_computer on all 6 attempts; the instance may be busy or in maintenance: run the sync again later.", e.Message);
    }

    [Fact]
    public void MalformedPage_IsRetriedThenBadResponse()
    {
        var e = Classify(HttpStatusCode.OK, Fixtures.Bytes("stackstate/cmdb_ci_result_with_malformed_json.txt"));

        Assert.Equal(TableApiFailure.Malformed, e.Failure);
        Assert.True(e.RetryHere);
        Assert.Equal(ErrorKind.BadResponse, e.Kind);
        Assert.StartsWith("ServiceNow sent a malformed page of cmdb_ci_computer on all 6 attempts (", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CancelledTransaction_IsRetriedThenTransient()
    {
        var e = Classify(HttpStatusCode.OK, Fixtures.Bytes("stackstate/cmdb_ci_result_malformed_json_with_error_msg.txt"));

        Assert.Equal(TableApiFailure.TransactionCancelled, e.Failure);
        Assert.True(e.RetryHere);
        Assert.Equal(ErrorKind.Transient, e.Kind);
        Assert.Contains("lower --page-size", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorEnvelopeWithOkStatus_IsNotTakenAsAnEmptyPage()
    {
        var e = Classify(HttpStatusCode.OK, Fixtures.Bytes("servicenowdocs/c_CustomWebServices__error_response_format.json"));

        Assert.Equal(ErrorKind.BadResponse, e.Kind);
        Assert.Contains("My error message", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlPage_SaysTheInstanceMayBeAsleep()
    {
        var e = Classify(HttpStatusCode.OK, Encoding.UTF8.GetBytes("<html>Your instance is hibernating</html>"), "text/html");

        Assert.False(e.RetryHere);
        Assert.Contains("hibernating", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Redirect_NamesOnlyTheTargetHost()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Found);
        response.Headers.Location = new Uri("https://login.example.com/sso?token=abc");

        var e = Assert.Throws<TableApiException>(() => ResponseClassifier.ToPage(response, [], Columns, Subject));

        Assert.Contains("login.example.com", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("token=abc", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OkPage_CarriesTheTotalCount()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.Add("X-Total-Count", "42");

        var page = ResponseClassifier.ToPage(response, """{"result":[{"sys_id":"a"}]}"""u8, Columns, Subject);

        Assert.Equal(42, page.TotalCount);
        Assert.Single(page.Rows);
    }

    [Fact]
    public void RetryAt_PrefersRetryAfter_ThenRateLimitReset_ThenTheDefault()
    {
        var now = new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);
        using var retryAfter = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        retryAfter.Headers.Add("Retry-After", "7");
        retryAfter.Headers.Add("X-RateLimit-Reset", (now.ToUnixTimeSeconds() + 30).ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var reset = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        reset.Headers.Add("X-RateLimit-Reset", (now.ToUnixTimeSeconds() + 30).ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var bare = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        using var past = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        past.Headers.Add("X-RateLimit-Reset", (now.ToUnixTimeSeconds() - 30).ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(now.AddSeconds(7), ResponseClassifier.RetryAt(retryAfter, now, TimeSpan.FromSeconds(1)));
        Assert.Equal(now.AddSeconds(30), ResponseClassifier.RetryAt(reset, now, TimeSpan.FromSeconds(1)));
        Assert.Equal(now.AddSeconds(1), ResponseClassifier.RetryAt(bare, now, TimeSpan.FromSeconds(1)));
        Assert.Equal(now.AddSeconds(1), ResponseClassifier.RetryAt(past, now, TimeSpan.FromSeconds(1)));
    }
}
