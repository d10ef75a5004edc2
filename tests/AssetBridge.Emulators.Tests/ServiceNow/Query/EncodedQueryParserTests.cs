using AssetBridge.Emulators.ServiceNow.Query;

namespace AssetBridge.Emulators.Tests.ServiceNow.Query;

public sealed class EncodedQueryParserTests
{
    [Fact]
    public void Parse_SplitsGroupsTermsAndAlternatives()
    {
        var parsed = EncodedQueryParser.Parse("a=1^b=2^ORc=3^NQd>4^ORDERBYe^ORDERBYDESCf");

        Assert.Equal(2, parsed.Groups.Count);
        Assert.Equal(2, parsed.Groups[0].Count);
        Assert.Equal(["b", "c"], parsed.Groups[0][1].Select(c => c.Field));
        Assert.Equal(QueryOperator.GreaterThan, parsed.Groups[1][0][0].Operator);
        Assert.Equal([new RawOrder("e", false), new RawOrder("f", true)], parsed.Orders);
    }

    [Theory]
    [InlineData("x!=1", "NotEquals", "1")]
    [InlineData("x>=1", "GreaterOrEqual", "1")]
    [InlineData("x<=1", "LessOrEqual", "1")]
    [InlineData("x<1", "LessThan", "1")]
    [InlineData("xISEMPTY", "IsEmpty", "")]
    [InlineData("xISNOTEMPTY", "IsNotEmpty", "")]
    [InlineData("xINa,b", "In", "a,b")]
    [InlineData("xNOT INa,b", "NotIn", "a,b")]
    [InlineData("xSTARTSWITHab", "StartsWith", "ab")]
    [InlineData("xLIKEab", "Like", "ab")]
    [InlineData("x.y=2026-01-01 00:00:00", "Equals", "2026-01-01 00:00:00")]
    public void Parse_ReadsEachOperator(string text, string op, string value)
    {
        var condition = EncodedQueryParser.Parse(text).Groups[0][0][0];

        Assert.Equal(Enum.Parse<QueryOperator>(op), condition.Operator);
        Assert.Equal(value, condition.Value);
    }

    [Fact]
    public void Parse_DropsClausesItCannotRead()
    {
        var parsed = EncodedQueryParser.Parse("^^Garbage^a=1^EQ");

        Assert.Single(parsed.Groups[0]);
    }
}
