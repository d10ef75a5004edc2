namespace AssetBridge.Emulators.Estate;

/// <summary>The plausible names, sizes and images generated VMs draw from.</summary>
internal static class EstateVocabulary
{
    public static readonly string[] SubscriptionNames =
    [
        "Contoso Production", "Contoso Development", "Contoso Shared Services", "Contoso Data Platform", "Contoso Sandbox",
    ];

    public static readonly string[] Regions = ["westeurope", "northeurope", "eastus", "eastus2", "uksouth"];

    /// <summary>What a VM does, the resource group such VMs live in (mixed case, as people type them), and its OS.</summary>
    public static readonly (string Role, string ResourceGroup, string? OsType)[] Roles =
    [
        ("web", "RG-Web", null),
        ("app", "RG-Apps", null),
        ("api", "rg-api-prod", "Linux"),
        ("sql", "RG-Data", "Windows"),
        ("dc", "RG-Identity", "Windows"),
        ("jump", "RG-Management", "Windows"),
        ("batch", "rg-batch", "Linux"),
        ("kube", "MC_rg-aks_aks-prod_westeurope", "Linux"),
    ];

    public static readonly string[] WindowsSizes = ["Standard_D4s_v5", "Standard_D2s_v5", "Standard_E8s_v5"];

    public static readonly string[] LinuxSizes = ["Standard_D2s_v5", "Standard_B2ms", "Standard_F4s_v2", "Standard_D8ds_v5"];

    /// <summary>Marketplace images and the os a ServiceNow discovery of such a guest records.</summary>
    public static readonly (EstateImage Image, string CmdbOs)[] WindowsImages =
    [
        (new EstateImage("MicrosoftWindowsServer", "WindowsServer", "2022-datacenter-azure-edition", "latest"), "Windows 2022 Standard"),
        (new EstateImage("MicrosoftWindowsServer", "WindowsServer", "2019-datacenter-gensecond", "latest"), "Windows 2019 Datacenter"),
        (new EstateImage("MicrosoftWindowsServer", "WindowsServer", "2016-datacenter-gensecond", "latest"), "Windows 2016 Standard"),
    ];

    public static readonly (EstateImage Image, string CmdbOs)[] LinuxImages =
    [
        (new EstateImage("Canonical", "0001-com-ubuntu-server-jammy", "22_04-lts-gen2", "latest"), "Linux Ubuntu"),
        (new EstateImage("RedHat", "RHEL", "9-lvm-gen2", "latest"), "Linux Red Hat"),
        (new EstateImage("SUSE", "sles-15-sp5", "gen2", "latest"), "Linux SuSE"),
    ];

    public static readonly string[] Environments = ["production", "production", "production", "staging", "dev"];

    public static readonly string[] Owners = ["team-web", "team-data", "team-platform", "team-identity", "team-finance"];

    /// <summary>The domain some CMDB names carry (NameIp twins written as an FQDN).</summary>
    public const string DnsDomain = "corp.contoso.com";

    /// <summary>Where VMs the CMDB still lists but Azure no longer has used to live.</summary>
    public const string RetiredResourceGroup = "RG-Retired";

    public static string CmdbOs(EstateImage image)
    {
        foreach (var (candidate, os) in WindowsImages.Concat(LinuxImages))
        {
            if (candidate == image)
            {
                return os;
            }
        }

        return image.Publisher;
    }
}
