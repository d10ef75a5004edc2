namespace AssetBridge.Core.Inventory;

/// <summary>
/// Decides a device's criticality: the most critical of its own <c>business_criticality</c> and the
/// criticality of every business application linked to it (an application counts with the more
/// critical of its <c>business_criticality</c> and <c>u_criticality</c>). Ties go to the device's own
/// field, then to the application with the lowest number, so the reason is stable between runs.
/// </summary>
public static class CriticalityEvaluator
{
    public static CriticalityAssessment Evaluate(Device device, IReadOnlyList<BusinessApplication> applications)
    {
        int? bestLevel = null;
        string? reason = null;

        var own = CriticalityScale.Parse(device.ServiceNowCriticality);
        if (own is not null)
        {
            bestLevel = own;
            reason = $"device business_criticality is '{device.ServiceNowCriticality!.Trim()}'";
        }

        foreach (var app in applications.OrderBy(a => a.Number ?? a.SysId, StringComparer.Ordinal))
        {
            var (level, field, raw) = Strongest(app);
            if (level is null || (bestLevel is not null && level >= bestLevel))
            {
                continue;
            }

            bestLevel = level;
            var label = app.Number is null ? app.SysId : app.Number;
            var name = string.IsNullOrEmpty(app.Name) ? string.Empty : $" ({app.Name})";
            reason = $"business application {label}{name} {field} is '{raw}'";
        }

        return bestLevel is null ? CriticalityAssessment.Unknown : new CriticalityAssessment(bestLevel, reason);
    }

    private static (int? Level, string Field, string? Raw) Strongest(BusinessApplication app)
    {
        var business = CriticalityScale.Parse(app.BusinessCriticality);
        var custom = CriticalityScale.Parse(app.UCriticality);
        if (custom is not null && (business is null || custom < business))
        {
            return (custom, "u_criticality", app.UCriticality!.Trim());
        }

        return (business, "business_criticality", app.BusinessCriticality?.Trim());
    }
}
