using System.CommandLine;

namespace AssetBridge.Cli.Commands;

/// <summary>Builds the <c>assetbridge</c> command tree.</summary>
internal static class RootCommandFactory
{
    public static RootCommand Create(CliConsole console)
    {
        var root = new RootCommand("AssetBridge: an exposure inventory from your ServiceNow CMDB — devices, network adapters, business applications and criticality.")
        {
            GlobalOptions.DataDir,
            GlobalOptions.Verbose,
            GlobalOptions.Server,
            GlobalOptions.Token,
            GlobalOptions.ServerThumbprint,
        };
        root.Subcommands.Add(InitCommand.Create(console));
        root.Subcommands.Add(CredentialCommands.Create(console));
        root.Subcommands.Add(ConnectorCommands.Create(console));
        root.Subcommands.Add(SyncCommand.Create(console));
        root.Subcommands.Add(RunsCommand.Create(console));
        root.Subcommands.Add(DevicesCommand.Create(console));
        root.Subcommands.Add(ExposureCommand.Create(console));
        root.Subcommands.Add(AgentsCommands.Create(console));
        root.Subcommands.Add(ServerCommand.Create(console));
        root.Subcommands.Add(TokenCommand.Create(console));
        root.Subcommands.Add(AgentCommand.Create(console));
        root.Subcommands.Add(EmulateCommand.Create(console));
        root.Subcommands.Add(DemoCommand.Create(console));
        return root;
    }
}
