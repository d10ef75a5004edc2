using System.CommandLine;
using System.Globalization;
using AssetBridge.Cli.Hosting;
using AssetBridge.Cli.Input;
using AssetBridge.Cli.Output;
using AssetBridge.Connectors.Azure.Settings;
using AssetBridge.Core.Application;
using AssetBridge.Core.Credentials;

namespace AssetBridge.Cli.Commands;

/// <summary><c>credential add|list|remove</c>. Secrets come from stdin or an environment variable, never an argument.</summary>
internal static class CredentialCommands
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("credential", "Manage the encrypted credentials connectors use.");
        var add = new Command("add", "Add a credential (secrets on stdin, or from environment variables).");
        add.Subcommands.Add(AddBasic(console));
        add.Subcommands.Add(AddOAuth(console));
        add.Subcommands.Add(AddAzureServicePrincipal(console));
        add.Subcommands.Add(AddAzureManagedIdentity(console));
        command.Subcommands.Add(add);
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Remove(console));
        return command;
    }

    private static Command AddBasic(CliConsole console)
    {
        var name = new Option<string>("--name") { Description = "Credential name.", Required = true };
        var username = new Option<string>("--username") { Description = "ServiceNow user (read-only, with cmdb_read).", Required = true };
        var passwordEnv = new Option<string?>("--password-env") { Description = "Read the password from this environment variable instead of stdin." };
        var command = new Command(CredentialTypes.ServiceNowBasic, "ServiceNow user and password (HTTP Basic).") { name, username, passwordEnv };
        command.SetAction((parse, cancellationToken) => GlobalOptions.WithPlaneAsync(parse, console, cancellationToken, async session =>
        {
            var password = new SecretReader(console).Read("password", parse.GetValue(passwordEnv), "--password-env");
            var info = await session.Plane.AddCredentialAsync(
                new CredentialDraft(
                    parse.GetValue(name)!,
                    CredentialTypes.ServiceNowBasic,
                    new Dictionary<string, string> { [CredentialTypes.Username] = parse.GetValue(username)! },
                    new CredentialSecret(new Dictionary<string, string> { [CredentialTypes.Password] = password })),
                cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync($"Added credential '{info.Name}' (id {info.Id}, {info.Type}), encrypted under master key {info.KeyId}.").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static Command AddOAuth(CliConsole console)
    {
        var name = new Option<string>("--name") { Description = "Credential name.", Required = true };
        var clientId = new Option<string>("--client-id") { Description = "OAuth client id (Application Registry).", Required = true };
        var username = new Option<string?>("--username") { Description = "Use the password grant as this user; without it, the client_credentials grant." };
        var clientSecretEnv = new Option<string?>("--client-secret-env") { Description = "Read the client secret from this environment variable instead of stdin." };
        var passwordEnv = new Option<string?>("--password-env") { Description = "Read the user's password from this environment variable instead of stdin." };
        var command = new Command(CredentialTypes.ServiceNowOAuth, "ServiceNow OAuth client (client_credentials, or password grant with --username). Stdin: client secret, then password.")
        {
            name, clientId, username, clientSecretEnv, passwordEnv,
        };
        command.SetAction((parse, cancellationToken) => GlobalOptions.WithPlaneAsync(parse, console, cancellationToken, async session =>
        {
            var reader = new SecretReader(console);
            var attributes = new Dictionary<string, string> { [CredentialTypes.ClientId] = parse.GetValue(clientId)! };
            var secrets = new Dictionary<string, string>
            {
                [CredentialTypes.ClientSecret] = reader.Read("client secret", parse.GetValue(clientSecretEnv), "--client-secret-env"),
            };
            if (parse.GetValue(username) is { Length: > 0 } user)
            {
                attributes[CredentialTypes.Username] = user;
                secrets[CredentialTypes.Password] = reader.Read("password", parse.GetValue(passwordEnv), "--password-env");
            }

            var info = await session.Plane.AddCredentialAsync(new CredentialDraft(parse.GetValue(name)!, CredentialTypes.ServiceNowOAuth, attributes, new CredentialSecret(secrets)), cancellationToken).ConfigureAwait(false);
            var grant = info.Attributes.ContainsKey(CredentialTypes.Username) ? "password grant" : "client_credentials grant";
            await console.Out.WriteLineAsync($"Added credential '{info.Name}' (id {info.Id}, {info.Type}, {grant}), encrypted under master key {info.KeyId}.").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    private static Command AddAzureServicePrincipal(CliConsole console)
    {
        var name = new Option<string>("--name") { Description = "Credential name.", Required = true };
        var tenantId = new Option<string>("--tenant-id") { Description = "Directory (tenant) ID, or a verified domain.", Required = true };
        var clientId = new Option<string>("--client-id") { Description = "Application (client) ID of the app registration.", Required = true };
        var clientSecretEnv = new Option<string?>("--client-secret-env") { Description = "Read the client secret from this environment variable instead of stdin." };
        var certificateFile = new Option<string?>("--certificate-file") { Description = "Use a client certificate instead of a secret: PEM (certificate and private key) or PFX." };
        var certificatePasswordEnv = new Option<string?>("--certificate-password-env") { Description = "The PFX's password, from this environment variable." };
        var command = new Command(CredentialTypes.AzureServicePrincipal, "An Entra ID service principal with the Reader role: client secret on stdin (or --client-secret-env), or --certificate-file.")
        {
            name, tenantId, clientId, clientSecretEnv, certificateFile, certificatePasswordEnv,
        };
        command.SetAction((parse, cancellationToken) => GlobalOptions.WithPlaneAsync(parse, console, cancellationToken, async session =>
        {
            var certificate = parse.GetValue(certificateFile);
            string? secret = null;
            string? password = null;
            if (string.IsNullOrWhiteSpace(certificate))
            {
                secret = new SecretReader(console).Read("client secret", parse.GetValue(clientSecretEnv), "--client-secret-env");
            }
            else if (parse.GetValue(certificatePasswordEnv) is { Length: > 0 } variable)
            {
                password = console.Environment(variable)
                    ?? throw new Core.Errors.AssetBridgeException(Core.Errors.ErrorKind.Usage, $"The environment variable {variable} named by --certificate-password-env is not set; set it or drop the option.");
            }

            var path = certificate is null ? null : Path.GetFullPath(certificate, console.WorkingDirectory);
            var parts = AzureCredentialInput.ServicePrincipal(parse.GetValue(tenantId), parse.GetValue(clientId), secret, path, password);
            return await AddAsync(console, session, parse.GetValue(name)!, parts, cancellationToken).ConfigureAwait(false);
        }));
        return command;
    }

    private static Command AddAzureManagedIdentity(CliConsole console)
    {
        var name = new Option<string>("--name") { Description = "Credential name.", Required = true };
        var clientId = new Option<string?>("--client-id") { Description = "A user-assigned identity's client ID; without it, the machine's system-assigned identity." };
        var command = new Command(CredentialTypes.AzureManagedIdentity, "The managed identity of the Azure machine the agent runs on (no secret); pin the connector to that agent.") { name, clientId };
        command.SetAction((parse, cancellationToken) => GlobalOptions.WithPlaneAsync(parse, console, cancellationToken, async session =>
            await AddAsync(console, session, parse.GetValue(name)!, AzureCredentialInput.ManagedIdentity(parse.GetValue(clientId)), cancellationToken).ConfigureAwait(false)));
        return command;
    }

    private static async Task<int> AddAsync(CliConsole console, CliSession session, string name, AzureCredentialParts parts, CancellationToken cancellationToken)
    {
        var info = await session.Plane.AddCredentialAsync(new CredentialDraft(name, parts.Type, parts.Attributes, parts.Secret), cancellationToken).ConfigureAwait(false);
        await console.Out.WriteLineAsync($"Added credential '{info.Name}' (id {info.Id}, {info.Type}: {parts.Description}), encrypted under master key {info.KeyId}.").ConfigureAwait(false);
        return 0;
    }

    private static Command List(CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var command = new Command("list", "List credentials (metadata only; secrets are never shown).") { json };
        command.SetAction((parse, cancellationToken) => GlobalOptions.WithPlaneAsync(parse, console, cancellationToken, async session =>
        {
            var credentials = await session.Plane.ListCredentialsAsync(cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(console.Out, credentials.Select(c => new { c.Id, c.Name, c.Type, c.Attributes, c.KeyId, c.CreatedAt })).ConfigureAwait(false);
                return 0;
            }

            TableOutput.Write(
                console,
                ["ID", "NAME", "TYPE", "IDENTITY", "KEY", "CREATED"],
                credentials.Select(c => new[]
                {
                    c.Id.ToString(CultureInfo.InvariantCulture),
                    c.Name,
                    c.Type,
                    string.Join(", ", c.Attributes.Select(a => $"{a.Key}={a.Value}")),
                    c.KeyId,
                    c.CreatedAt.ToString("u", CultureInfo.InvariantCulture),
                }));
            return 0;
        }));
        return command;
    }

    private static Command Remove(CliConsole console)
    {
        var name = new Argument<string>("name") { Description = "Credential name or id." };
        var command = new Command("remove", "Remove a credential no connector uses.") { name };
        command.SetAction((parse, cancellationToken) => GlobalOptions.WithPlaneAsync(parse, console, cancellationToken, async session =>
        {
            var removed = await session.Plane.RemoveCredentialAsync(parse.GetValue(name)!, cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync($"Removed credential '{removed.Name}'.").ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
