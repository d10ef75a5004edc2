using System.Runtime.CompilerServices;
using AssetBridge.Connectors.ServiceNow.Mapping;
using AssetBridge.Connectors.ServiceNow.Planning;
using AssetBridge.Connectors.ServiceNow.Settings;
using AssetBridge.Connectors.ServiceNow.TableApi;
using AssetBridge.Core.Connectors;
using AssetBridge.Core.Credentials;
using AssetBridge.Core.Errors;
using AssetBridge.Core.Inventory;

namespace AssetBridge.Connectors.ServiceNow.Probe;

/// <summary>
/// <c>connector test</c> for ServiceNow: DNS, TCP/TLS, authentication, then read access to each table
/// a sync reads. Each step says what it found; a failed network or sign-in step ends the test, since
/// the later steps could only fail the same way.
/// </summary>
internal sealed class ServiceNowConnectorProbe(
    TableApiClient client,
    HttpClient http,
    ServiceNowProbeAuthenticatorFactory authenticate,
    NetworkChecks network) : IConnectorProbe
{
    public string ConnectorKind => ConnectorKinds.ServiceNow;

    public async IAsyncEnumerable<ProbeCheck> TestAsync(Connector connector, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connector);
        var (settings, instance, settingsFailure) = ReadSettings(connector);
        if (settingsFailure is not null)
        {
            yield return settingsFailure;
            yield break;
        }

        var dns = await network.ResolveAsync(instance!, cancellationToken).ConfigureAwait(false);
        yield return dns;
        if (!dns.Passed)
        {
            yield break;
        }

        var connect = await network.ConnectAsync(instance!, client.Options.ConnectTimeout, cancellationToken).ConfigureAwait(false);
        yield return connect;
        if (!connect.Passed)
        {
            yield break;
        }

        var (authenticator, signIn) = await SignInAsync(connector, instance!, settings!, cancellationToken).ConfigureAwait(false);
        yield return signIn;
        if (!signIn.Passed)
        {
            yield break;
        }

        foreach (var fields in EntityFields.All)
        {
            yield return await ReadAccessAsync(instance!, settings!, fields.Kind, authenticator!, cancellationToken).ConfigureAwait(false);
        }
    }

    private static (ServiceNowConnectorSettings?, Uri?, ProbeCheck?) ReadSettings(Connector connector)
    {
        try
        {
            return (ServiceNowConnectorSettings.FromJson(connector.SettingsJson), ServiceNowConnectorSettings.ValidateInstanceUrl(connector.Target), null);
        }
        catch (AssetBridgeException e)
        {
            return (null, null, new ProbeCheck("Settings", false, e.Message));
        }
    }

    private async Task<(IAuthenticator?, ProbeCheck)> SignInAsync(Connector connector, Uri instance, ServiceNowConnectorSettings settings, CancellationToken cancellationToken)
    {
        const string name = "Authentication";
        IAuthenticator authenticator;
        try
        {
            authenticator = await authenticate(connector, new AuthenticationTarget(instance, http), cancellationToken).ConfigureAwait(false);
        }
        catch (AssetBridgeException e)
        {
            return (null, new ProbeCheck(name, false, e.Message));
        }

        var principal = RequestSubject.PrincipalOf(authenticator);
        try
        {
            await client.GetPageAsync(Request(instance, settings, EntityKind.Device, withCount: false), authenticator, settings.MaxConcurrentRequests, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (TableApiException e) when (e.Failure is TableApiFailure.Forbidden or TableApiFailure.NoSuchTable)
        {
            // Signed in: the refusal is about a table, which the read checks below report one by one.
            return (authenticator, new ProbeCheck(name, true, $"ServiceNow accepted the credentials of {principal}."));
        }
        catch (AssetBridgeException e)
        {
            return (null, new ProbeCheck(name, false, e.Message));
        }

        return (authenticator, new ProbeCheck(name, true, $"ServiceNow accepted the credentials of {principal}."));
    }

    private async Task<ProbeCheck> ReadAccessAsync(Uri instance, ServiceNowConnectorSettings settings, EntityKind kind, IAuthenticator authenticator, CancellationToken cancellationToken)
    {
        var table = settings.TableFor(kind);
        var name = $"Read {table}";
        try
        {
            var page = await client.GetPageAsync(Request(instance, settings, kind, withCount: true), authenticator, settings.MaxConcurrentRequests, cancellationToken)
                .ConfigureAwait(false);
            if (page.Rows.Count > 0)
            {
                return new ProbeCheck(name, true, page.TotalCount is { } total ? $"{total} records visible." : "Records are visible.");
            }

            if (page.TotalCount is > 0 and var counted)
            {
                var subject = new RequestSubject(instance, table, ServiceNowConnectorSettings.TableOption(kind), RequestSubject.PrincipalOf(authenticator), client.Options.MaxAttempts);
                return new ProbeCheck(name, false, FailureSentences.AllRowsHidden(subject, counted).Message);
            }

            return new ProbeCheck(name, true, "The table is readable and has no records yet.");
        }
        catch (TableApiException e) when (e.Failure == TableApiFailure.NoSuchTable && settings.MissingTableIsEmpty(kind))
        {
            // As in a sync: the instance keeps no VM instances (no cloud discovery); nothing to fix.
            return new ProbeCheck(name, true, "The instance has no such table (no cloud discovery), so syncs read no VM instances from it.");
        }
        catch (AssetBridgeException e)
        {
            return new ProbeCheck(name, false, e.Message);
        }
    }

    private static TableRequest Request(Uri instance, ServiceNowConnectorSettings settings, EntityKind kind, bool withCount)
    {
        var columns = new ColumnSet(new Dictionary<string, string> { [EntityFields.SysId] = EntityFields.SysIdColumn });
        var filter = kind == EntityKind.Relationship ? ServiceNowSyncPlanner.RelationshipFilter(settings) : string.Empty;
        return new TableRequest(instance, settings.TableFor(kind), columns, filter, 1, 0, withCount, ServiceNowConnectorSettings.TableOption(kind));
    }
}
