using AssetBridge.Core.Inventory;

namespace AssetBridge.Core.Tests.Inventory;

public sealed class CriticalityEvaluatorTests
{
    private static readonly Device Server = new() { SysId = "d1", Name = "srv-1" };

    [Fact]
    public void Evaluate_IsUnknown_WhenNeitherDeviceNorApplicationsSayAnything()
    {
        var result = CriticalityEvaluator.Evaluate(Server, []);

        Assert.Null(result.Level);
        Assert.Null(result.Reason);
    }

    [Fact]
    public void Evaluate_UsesDeviceField_WhenNoApplicationIsMoreCritical()
    {
        var device = Server with { ServiceNowCriticality = "2 - somewhat critical" };
        var app = new BusinessApplication { SysId = "a1", Number = "APM0001001", BusinessCriticality = "3 - less critical" };

        var result = CriticalityEvaluator.Evaluate(device, [app]);

        Assert.Equal(1, result.Level);
        Assert.Equal("device business_criticality is '2 - somewhat critical'", result.Reason);
    }

    [Fact]
    public void Evaluate_TakesMostCriticalApplication_AndNamesIt()
    {
        var device = Server with { ServiceNowCriticality = "3 - less critical" };
        var payroll = new BusinessApplication { SysId = "a1", Number = "APM0001002", Name = "Payroll", BusinessCriticality = "1 - most critical" };
        var wiki = new BusinessApplication { SysId = "a2", Number = "APM0001001", Name = "Wiki", BusinessCriticality = "4 - not critical" };

        var result = CriticalityEvaluator.Evaluate(device, [wiki, payroll]);

        Assert.Equal(0, result.Level);
        Assert.Equal("business application APM0001002 (Payroll) business_criticality is '1 - most critical'", result.Reason);
    }

    [Fact]
    public void Evaluate_CountsApplicationCustomCriticality_WhenItIsMoreCritical()
    {
        var app = new BusinessApplication { SysId = "a1", Number = "APM0001001", BusinessCriticality = "3 - less critical", UCriticality = "2 - somewhat critical" };

        var result = CriticalityEvaluator.Evaluate(Server, [app]);

        Assert.Equal(1, result.Level);
        Assert.Contains("u_criticality is '2 - somewhat critical'", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PrefersDeviceField_OnATie()
    {
        var device = Server with { ServiceNowCriticality = "1 - most critical" };
        var app = new BusinessApplication { SysId = "a1", Number = "APM0001001", BusinessCriticality = "1 - most critical" };

        var result = CriticalityEvaluator.Evaluate(device, [app]);

        Assert.Equal(0, result.Level);
        Assert.StartsWith("device", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BreaksApplicationTies_ByLowestNumber_WhateverTheInputOrder()
    {
        var first = new BusinessApplication { SysId = "z", Number = "APM0001001", BusinessCriticality = "2 - somewhat critical" };
        var second = new BusinessApplication { SysId = "a", Number = "APM0001009", BusinessCriticality = "2 - somewhat critical" };

        var forward = CriticalityEvaluator.Evaluate(Server, [first, second]);
        var backward = CriticalityEvaluator.Evaluate(Server, [second, first]);

        Assert.Equal(forward, backward);
        Assert.Contains("APM0001001", forward.Reason, StringComparison.Ordinal);
    }
}
