using System.Text;
using AssetBridge.Connectors.ServiceNow.Mapping;
using AssetBridge.Connectors.ServiceNow.TableApi;
using AssetBridge.Connectors.ServiceNow.Tests.Support;

namespace AssetBridge.Connectors.ServiceNow.Tests.TableApi;

public class TablePageParserTests
{
    private static void AssertRow(string?[] expected, string?[] actual) => Assert.Equal<IEnumerable<string?>>(expected, actual);

    private static ColumnSet Columns(params string[] columns) => new(columns.ToDictionary(c => c, c => c));

    private static PageBody Parse(string fixture, params string[] columns) => TablePageParser.Parse(Fixtures.Bytes(fixture), Columns(columns));

    private static PageBody ParseText(string json, params string[] columns) => TablePageParser.Parse(Encoding.UTF8.GetBytes(json), Columns(columns));

    [Fact]
    public void Parse_TakesDisplayValue_WhenReferenceHasLinkAndDisplayValueButNoValue()
    {
        var body = Parse("stackstate/cmdb_ci_result_200.json", "sys_id", "name", "sys_domain", "discovery_source", "sys_class_name", "fault_count");

        Assert.False(body.IsMalformed);
        var row = Assert.Single(body.Rows);
        AssertRow(["8fbc3c053bc07300b924874064efc4ae", "Unknown", "global", null, "Configuration Item", "0"], row);
    }

    [Fact]
    public void Parse_KeepsUtf8Text_WhenNamesCarryNonAsciiCharacters()
    {
        var body = Parse("stackstate/cmdb_ci_result_with_utf8.json", "name", "short_description");

        var row = Assert.Single(body.Rows);
        Assert.Equal("Avery® Wizard 2.1 forMicrosoft® Word 2000", row[0]);
        Assert.Contains("‘Duplicate’", row[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReadsErrorEnvelope_WhenThereIsNoResult()
    {
        var body = Parse("stackstate/cmdb_ci_result_error_message.json", "sys_id");

        Assert.False(body.HasResult);
        Assert.False(body.IsMalformed);
        Assert.Equal("The resource you requested is not part of the API.", body.ErrorMessage);
        Assert.Equal(" ", body.ErrorDetail);
        Assert.False(body.IsTransactionCancelled);
    }

    [Fact]
    public void Parse_ReportsTransactionCancelled_WhenTruncatedBodyCarriesTheCancellation()
    {
        var body = Parse("stackstate/cmdb_ci_result_malformed_json_with_error_msg.txt", "sys_id");

        Assert.True(body.IsMalformed);
        Assert.True(body.IsTransactionCancelled);
    }

    [Fact]
    public void Parse_ReportsMalformed_WhenBodyIsBrokenJsonWithoutError()
    {
        var body = Parse("stackstate/cmdb_ci_result_with_malformed_json.txt", "sys_id");

        Assert.True(body.IsMalformed);
        Assert.False(body.IsTransactionCancelled);
    }

    [Fact]
    public void Parse_TakesValueNotDisplayValue_WhenBothArePresent()
    {
        var body = Parse("stackstate/CHG0000001.json", "parent", "reason", "sys_updated_on", "number", "cmdb_ci");

        var row = Assert.Single(body.Rows);
        Assert.Equal("a9e4890bc6112276003d7a5a5c774a74", row[0]);
        Assert.Equal(string.Empty, row[1]);
        Assert.Equal("2020-09-24 12:42:23", row[2]);
        Assert.Equal("CHG0000001", row[3]);
    }

    [Fact]
    public void Parse_ReadsEveryRowWithEscapedQuotes_WhenBatchHasFiveComputers()
    {
        var body = Parse("stackstate/mock_collect_components_batch.derived.json", "sys_id", "name", "sys_class_name");

        Assert.Equal(5, body.Rows.Count);
        Assert.Equal("MacBook Air 13\"", body.Rows[1][1]);
        Assert.All(body.Rows, r => Assert.Equal("cmdb_ci_computer", r[2]));
    }

    [Fact]
    public void Parse_TakesValue_WhenRelationshipReferencesHaveLinkValueAndDisplayValue()
    {
        var body = Parse("stackstate/mock_relation_components.derived.json", "parent", "child", "type");

        AssertRow(["451047c6c0a8016400de0ae6df9b9d76", "53979c53c0a801640116ad2044643fb2", "1a9cb166f1571100a92eb60da2bce5c5"], Assert.Single(body.Rows));
    }

    [Fact]
    public void Parse_ReadsPlainSysIdReferences_WhenLinksAreExcluded()
    {
        var columns = new ColumnSet(EntityFields.NetworkAdapter.Resolve(new Dictionary<string, string>()));
        var body = TablePageParser.Parse(Fixtures.Bytes("nautobot-app-ssot/cmdb_ci_network_adapter.derived.json"), columns);

        Assert.Equal(2, body.Rows.Count);
        var row = body.Rows[0];
        Assert.Equal("f9c500a62f513010fe08351ef699b65d", row[columns.IndexOfField("sysId")]);
        Assert.Equal("f9c500a62f513010fe08351ef699b65b", row[columns.IndexOfField("deviceSysId")]);
        Assert.Equal("Ethernet1", row[columns.IndexOfField("name")]);
        Assert.Equal("2021-07-14 21:40:27", row[columns.IndexOfField("sysUpdatedOn")]);
    }

    [Theory]
    [InlineData("nautobot-app-ssot/cmdb_ci_ip_switch.derived.json", 2)]
    [InlineData("nautobot-app-ssot/cmn_location.derived.json", 5)]
    public void Parse_ReadsAllRecords_WhenRecordsHaveManyUnrequestedColumns(string fixture, int expected)
    {
        var body = Parse(fixture, "sys_id", "name");

        Assert.Equal(expected, body.Rows.Count);
        Assert.All(body.Rows, r => Assert.Matches("^[0-9a-f]{32}$", r[0]));
    }

    [Fact]
    public void Parse_TakesValue_WhenReferencesHaveLinkAndValue()
    {
        var body = Parse("servicenowdocs/c_TableAPI__GET_table_problem_sysparm_limit_1.response.json", "sys_id", "opened_by", "cmdb_ci", "parent");

        AssertRow(["04ce72c9c0a8016600b5b7f75ac67b5b", "glide.maint", "55b35562c0a8010e01cff22378e0aea9", string.Empty], Assert.Single(body.Rows));
    }

    [Theory]
    [InlineData("servicenowdocs/c_TableAPI__GET_table_incident_by_sys_id.response.json", "a9e30c7dc61122760116894de7bcc7bd", "105cf7f3c611227501e75e08b14a38ba")]
    [InlineData("servicenowdocs/c_TableAPI__PATCH_table_incident.response.json", "ef43c6d40a0a0b5700c77f9bf387afe3", "108752c8c611227501d4ab0e392ba97f")]
    public void Parse_ReadsOneRow_WhenResultIsASingleObject(string fixture, string sysId, string location)
    {
        var body = Parse(fixture, "sys_id", "location");

        AssertRow([sysId, location], Assert.Single(body.Rows));
    }

    [Theory]
    [InlineData("servicenowdocs/add-OIDC-entity__401_user_not_authenticated.json", "User Not Authenticated", "Required to provide Auth information")]
    [InlineData("servicenowdocs/c_CustomWebServices__error_response_format.json", "My error message", "My details")]
    [InlineData("servicenowdocs/inbound-REST-API-rate-limiting__429_error.json", "Rate limit exceeded", "Rate limit of 100 requests per hour for Table API exceeded")]
    [InlineData("servicenowdocs/cmdb-instance-api__error_exception.json", "Exception while executing request: null", "Exception while executing request: null Check logs for error trace or enable glide.rest.debug property to verify REST request processing")]
    public void Parse_ReadsMessageAndDetail_WhenBodyIsAnErrorEnvelope(string fixture, string message, string detail)
    {
        var body = Parse(fixture, "sys_id");

        Assert.False(body.HasResult);
        Assert.Equal(message, body.ErrorMessage);
        Assert.Equal(detail, body.ErrorDetail);
    }

    [Fact]
    public void Parse_TurnsNumbersAndBooleansIntoText_AndSkipsNestedValues()
    {
        var body = ParseText(
            """{"result":[{"a":42,"b":true,"c":false,"d":null,"e":[1,2],"f":{"value":{"deep":1},"display_value":"x"},"g":{"nested":{"x":[1]}},"skip":{"x":[{"y":1}]},"h":1.5e3}]}""",
            "a", "b", "c", "d", "e", "f", "g", "h");

        AssertRow(["42", "true", "false", null, null, null, null, "1.5e3"], Assert.Single(body.Rows));
    }

    [Fact]
    public void Parse_ReadsEmptyResult_AsNoRows()
    {
        var body = ParseText("""{"result":[]}""", "sys_id");

        Assert.True(body.HasResult);
        Assert.Empty(body.Rows);
        Assert.False(body.IsMalformed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("""{"result":[{"sys_id":"a"}""")]
    [InlineData("""{"result":[{"sys_id":"a"}]}{"x":1}""")]
    [InlineData("""{"result":"oops"}""")]
    [InlineData("<html><body>Instance hibernating</body></html>")]
    public void Parse_ReportsMalformed_WhenBodyIsTruncatedOrNotAResultObject(string text)
    {
        Assert.True(ParseText(text, "sys_id").IsMalformed);
    }

    [Fact]
    public void Parse_ReportsMalformed_WhenAValidPageIsCutShort()
    {
        var whole = Fixtures.Bytes("stackstate/cmdb_ci_result_200.json");

        var body = TablePageParser.Parse(whole.AsSpan(0, whole.Length / 2), Columns("sys_id"));

        Assert.True(body.IsMalformed);
    }

    [Fact]
    public void Parse_ReportsTransactionCancelled_WhenValidBodyCarriesCancellationError()
    {
        var body = ParseText(
            """{"result":[{"sys_id":"a"}],"error":{"message":"Transaction cancelled: maximum execution time exceeded","detail":"x"},"status":"failure"}""",
            "sys_id");

        Assert.True(body.IsTransactionCancelled);
    }
}
