using System.CommandLine;
using System.Globalization;
using AssetBridge.Cli.Output;
using AssetBridge.Core.Agents;
using AssetBridge.Core.Application;
using AssetBridge.Core.Connectors;
using AssetBridge.Core.Errors;

namespace AssetBridge.Cli.Commands;

/// <summary><c>connector add|list|test|remove|schedule|placement</c>.</summary>
internal static class ConnectorCommands
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("connector", "Manage connectors: a source (ServiceNow instance, Azure tenant) and the credential to read it.");
        var add = new Command("add", "Add a connector.");
        add.Subcommands.Add(AddServiceNow(console));
        add.Subcommands.Add(AddAzure(console));
        command.Subcommands.Add(add);
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Test(console));
        command.Subcommands.Add(Remove(console));
        command.Subcommands.Add(ConnectorScheduleCommands.Schedule(console));
        command.Subcommands.Add(ConnectorScheduleCommands.Placement(console));
        return command;
    }

    private static Command AddServiceNow(CliConsole console)
    {
        var name = new Option<string>("--name") { Description = "Connector name.", Required = true };
        var instance = new Option<string>("--instance") { Description = "Instance URL, e.g. https://contoso.service-now.com (plain http only to loopback).", Required = true };
        var credential = new Option<string>("--credential") { Description = "Credential name or id.", Required = true };
        var deviceTable = new Option<string?>("--device-table") { Description = "Device table. Default cmdb_ci_computer." };
        var vmInstanceTable = new Option<string?>("--vm-instance-table") { Description = "Virtual machine instance table (cloud VMs the CMDB knows). Default cmdb_ci_vm_instance; when that table does not exist, none are read." };
        var maps = new Option<string[]>("--map") { Description = "Re-map a field to a column: field=column (device fields bare, others as adapter.f, application.f, relationship.f). Repeatable." };
        var pageSize = new Option<int?>("--page-size") { Description = "Records per request, 1-10000. Default 1000." };
        var maxConcurrency = new Option<int?>("--max-concurrent-requests") { Description = "Cap on concurrent requests to this instance. Default 4." };
        var every = ConnectorScheduleCommands.Every();
        var placement = new PlacementOptions();
        var command = new Command(ConnectorKinds.ServiceNow, "A ServiceNow instance read through the Table API.")
        {
            name, instance, credential, deviceTable, vmInstanceTable, maps, pageSize, maxConcurrency, every,
        };
        placement.AddTo(command);
        command.SetAction((parse, cancellationToken) => GlobalOptions.WithPlaneAsync(parse, console, cancellationToken, async session =>
        {
            var draft = new ConnectorDraft(
                parse.GetValue(name)!,
                ConnectorKinds.ServiceNow,
                parse.GetValue(instance)!,
                parse.GetValue(credential)!,
                parse.GetValue(deviceTable),
                parse.GetValue(maps) ?? [],
                parse.GetValue(pageSize),
                parse.GetValue(maxConcurrency))
            {
                Every = parse.GetValue(every) is { } interval ? DurationText.Parse(interval, "--every") : null,
                Placement = placement.Read(parse),
                VmInstanceTable = parse.GetValue(vmInstanceTable),
            };
            var connector = await session.Plane.AddConnectorAsync(draft, cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync($"Added connector '{connector.Name}' (id {connector.Id}) for {connector.Target}. Check it with 'assetbridge connector test {connector.Name}', then 'assetbridge sync {connector.Name} --full'.").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static Command AddAzure(CliConsole console)
    {
        var name = new Option<string>("--name") { Description = "Connector name.", Required = true };
        var credential = new Option<string>("--credential") { Description = "An azure-sp or azure-managed-identity credential (name or id).", Required = true };
        var subscriptions = new Option<string[]>("--subscription") { Description = "A subscription id to read. Repeatable. Default: every subscription the principal can read." };
        var authorityHost = new Option<string?>("--authority-host") { Description = "Entra ID authority host. Default the public cloud (https://login.microsoftonline.com); US Gov https://login.microsoftonline.us, China https://login.chinacloudapi.cn." };
        var armEndpoint = new Option<string?>("--arm-endpoint") { Description = "Azure Resource Manager endpoint. Default https://management.azure.com; US Gov https://management.usgovcloudapi.net, China https://management.chinacloudapi.cn." };
        var every = ConnectorScheduleCommands.Every();
        var placement = new PlacementOptions();
        var command = new Command(ConnectorKinds.Azure, "An Azure tenant: its subscriptions and virtual machines, read through Azure Resource Manager.")
        {
            name, credential, subscriptions, authorityHost, armEndpoint, every,
        };
        placement.AddTo(command);
        command.SetAction((parse, cancellationToken) => GlobalOptions.WithPlaneAsync(parse, console, cancellationToken, async session =>
        {
            var draft = new ConnectorDraft(parse.GetValue(name)!, ConnectorKinds.Azure, string.Empty, parse.GetValue(credential)!, null, [], null, null)
            {
                Subscriptions = parse.GetValue(subscriptions) ?? [],
                AuthorityHost = parse.GetValue(authorityHost),
                ArmEndpoint = parse.GetValue(armEndpoint),
                Every = parse.GetValue(every) is { } interval ? DurationText.Parse(interval, "--every") : null,
                Placement = placement.Read(parse),
            };
            var connector = await session.Plane.AddConnectorAsync(draft, cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync($"Added connector '{connector.Name}' (id {connector.Id}) for {connector.Target}. Check it with 'assetbridge connector test {connector.Name}', then 'assetbridge sync {connector.Name}'.").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static Command List(CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var command = new Command("list", "List connectors.") { json };
        command.SetAction((parse, cancellationToken) => GlobalOptions.WithPlaneAsync(parse, console, cancellationToken, async session =>
        {
            var connectors = await session.Plane.ListConnectorsAsync(cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(console.Out, connectors.Select(c => new
                {
                    c.Id,
                    c.Name,
                    c.Kind,
                    c.Target,
                    c.CredentialId,
                    Settings = System.Text.Json.JsonDocument.Parse(c.SettingsJson).RootElement,
                    c.CreatedAt,
                    Every = c.Every is { } e ? DurationText.Format(e) : null,
                    c.NextRunAt,
                    c.Placement,
                })).ConfigureAwait(false);
                return 0;
            }

            TableOutput.Write(
                console,
                ["ID", "NAME", "KIND", "TARGET", "CREDENTIAL", "CREATED", "EVERY", "AGENTS"],
                connectors.Select(c => new[]
                {
                    c.Id.ToString(CultureInfo.InvariantCulture), c.Name, c.Kind, c.Target,
                    c.CredentialId.ToString(CultureInfo.InvariantCulture), c.CreatedAt.ToString("u", CultureInfo.InvariantCulture),
                    c.Every is { } e ? DurationText.Format(e) : "-",
                    PlacementOptions.Describe(c.Placement),
                }));
            return 0;
        }));
        return command;
    }

    private static Command Test(CliConsole console)
    {
        var name = new Argument<string>("name") { Description = "Connector name or id." };
        var command = new Command("test", "Check DNS, TLS, authentication and read access to each table; one line per check.") { name };
        command.SetAction((parse, cancellationToken) => GlobalOptions.WithPlaneAsync(parse, console, cancellationToken, async session =>
        {
            var connector = await session.Plane.GetConnectorAsync(parse.GetValue(name)!, cancellationToken).ConfigureAwait(false);
            session.Local?.RequireMasterKey();
            var failed = 0;
            await foreach (var check in session.Plane.TestConnectorAsync(connector.Name, cancellationToken).ConfigureAwait(false))
            {
                failed += check.Passed ? 0 : 1;
                await console.Out.WriteLineAsync($"{(check.Passed ? "ok  " : "FAIL")}  {check.Name,-36} {check.Detail}").ConfigureAwait(false);
            }

            return failed == 0 ? ExitCodes.Success : ExitCodes.ChecksFailed;
        }));
        return command;
    }

    private static Command Remove(CliConsole console)
    {
        var name = new Argument<string>("name") { Description = "Connector name or id." };
        var command = new Command("remove", "Remove a connector with its inventory, runs and jobs.") { name };
        command.SetAction((parse, cancellationToken) => GlobalOptions.WithPlaneAsync(parse, console, cancellationToken, async session =>
        {
            var removed = await session.Plane.RemoveConnectorAsync(parse.GetValue(name)!, cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync($"Removed connector '{removed.Name}' and its inventory.").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
