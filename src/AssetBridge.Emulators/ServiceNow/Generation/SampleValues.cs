namespace AssetBridge.Emulators.ServiceNow.Generation;

/// <summary>The vocabulary generated records draw from (plausible CMDB values).</summary>
internal static class SampleValues
{
    public static readonly string[] Criticalities = ["1 - most critical", "2 - somewhat critical", "3 - less critical", "4 - not critical"];

    public static readonly string[] UsedFor = ["Production", "Production", "Production", "Staging", "QA", "Development", "Test", "Disaster recovery"];

    public static readonly string[] DesktopOs = ["Windows 11 Enterprise", "Windows 10 Enterprise", "Mac OS X"];

    public static readonly string[] WindowsServerOs = ["Windows 2022 Standard", "Windows 2019 Datacenter", "Windows 2016 Standard"];

    public static readonly string[] LinuxOs = ["Linux Red Hat", "Linux Ubuntu", "Linux SuSE"];

    public static readonly string[] Manufacturers = ["Dell Inc.", "Lenovo", "HP"];

    public static readonly string[] ApplicationNames =
    [
        "Payroll", "Customer Portal", "ERP Finance", "HR Onboarding", "Data Warehouse", "Email", "CRM",
        "Identity Provider", "Billing", "Inventory Management", "Service Desk", "Document Management",
    ];

    private static readonly string[] Surnames =
    [
        "smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis", "rodriguez", "martinez",
        "hernandez", "lopez", "gonzalez", "wilson", "anderson", "thomas", "taylor", "moore", "jackson", "martin",
        "lee", "perez", "thompson", "white", "harris", "sanchez", "clark", "ramirez", "lewis", "robinson",
        "walker", "young", "allen", "king", "wright", "scott", "torres", "nguyen", "hill", "flores",
    ];

    /// <summary>DOMAIN\user names, as Windows discovery reports logged-on users; shared strings.</summary>
    public static readonly string[] UserNames = BuildUserNames();

    public static string OsVersion(string os) => os switch
    {
        "Windows 11 Enterprise" => "10.0.22631",
        "Windows 10 Enterprise" => "10.0.19045",
        "Mac OS X" => "14.4.1",
        "Windows 2022 Standard" => "10.0.20348",
        "Windows 2019 Datacenter" => "10.0.17763",
        "Windows 2016 Standard" => "10.0.14393",
        "Linux Red Hat" => "9.3",
        "Linux Ubuntu" => "22.04",
        _ => "15.5",
    };

    public static string CpuType(string className, bool isMac) => (className, isMac) switch
    {
        (_, true) => "Apple M2",
        ("cmdb_ci_computer", _) => "Intel(R) Core(TM) i7-1185G7 @ 3.00GHz",
        ("cmdb_ci_win_server", _) => "Intel(R) Xeon(R) Gold 6248R CPU @ 3.00GHz",
        _ => "AMD EPYC 7763 64-Core Processor",
    };

    /// <summary>Organisationally unique identifier (first three MAC octets) by manufacturer.</summary>
    public static string MacPrefix(string manufacturer) => manufacturer switch
    {
        "VMware, Inc." => "00:50:56",
        "Dell Inc." => "f8:bc:12",
        "Lenovo" => "54:ee:75",
        "HP" => "3c:52:82",
        _ => "a4:83:e7",
    };

    private static string[] BuildUserNames()
    {
        var names = new List<string>();
        for (var initial = 'a'; initial <= 'z'; initial++)
        {
            foreach (var surname in Surnames)
            {
                names.Add($"CORP\\{initial}{surname}");
            }
        }

        return [.. names];
    }
}
