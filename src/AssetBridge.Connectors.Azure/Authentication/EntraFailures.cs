using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AssetBridge.Connectors.Azure.Failures;
using AssetBridge.Connectors.Azure.Transport;
using AssetBridge.Core.Errors;
using Azure.Identity;
using Microsoft.Identity.Client;

namespace AssetBridge.Connectors.Azure.Authentication;

/// <summary>
/// Turns what Azure.Identity throws into one sentence naming the cause and the fix. Entra ID's answer
/// carries its AADSTS code in <c>error_codes</c> (and at the start of <c>error_description</c>); the
/// code, not the wording, decides the sentence. Transport failures are found in the exception chain.
/// No sentence quotes a request: only codes, hosts, ids and thumbprints.
/// </summary>
internal static partial class EntraFailures
{
    public static AzureApiException Classify(Exception exception, EntraSubject s, ServerTrust trust)
    {
        var msal = Find<MsalServiceException>(exception);
        var code = msal is null ? null : AadstsCode(msal);
        if (code is not null)
        {
            return FromCode(code.Value, s, msal!, exception);
        }

        if (s.ManagedIdentity && exception is CredentialUnavailableException)
        {
            return new AzureApiException(
                AzureFailure.ManagedIdentityUnavailable, ErrorKind.Authentication, retryHere: false,
                $"No managed identity answers on this machine ({FirstSentence(exception.Message)}); run the agent on an Azure VM or other Azure host with a managed identity assigned, or use an azure-sp credential.",
                exception);
        }

        if (TransportFailures.Find(exception, EntraSubject.Service, s.AuthorityHost, s.Attempts, trust) is { } transport)
        {
            return transport;
        }

        if (msal is { StatusCode: 429 or >= 500 })
        {
            return new AzureApiException(
                AzureFailure.ServerError, ErrorKind.Transient, retryHere: true,
                $"Entra ID at {s.AuthorityHost.IdnHost} answered {msal.StatusCode} to the token request of {s.Principal}; Entra ID may be degraded: run the sync again later.",
                exception);
        }

        if (s.ManagedIdentity)
        {
            return new AzureApiException(
                AzureFailure.ManagedIdentityUnavailable, ErrorKind.Authentication, retryHere: false,
                s.ClientId is null
                    ? $"The managed identity of this machine got no token ({FirstSentence(msal?.Message ?? exception.Message)}); check that a system-assigned identity is enabled on the machine, or name a user-assigned one by its client id."
                    : $"The managed identity '{s.ClientId}' got no token on this machine ({FirstSentence(msal?.Message ?? exception.Message)}); check that this user-assigned identity is assigned to the machine the agent runs on.",
                exception);
        }

        return new AzureApiException(
            AzureFailure.SignInRefused, ErrorKind.Authentication, retryHere: false,
            $"Entra ID at {s.AuthorityHost.IdnHost} refused a token for {s.Principal} ({FirstSentence(msal?.Message ?? exception.Message)}); check the tenant id, the client id and the secret or certificate of the credential.",
            exception);
    }

    private static AzureApiException FromCode(int code, EntraSubject s, MsalServiceException msal, Exception inner)
    {
        var tenant = s.TenantId ?? "the tenant";
        var app = s.ClientId is null ? s.Principal : $"application '{s.ClientId}'";
        var (failure, sentence) = code switch
        {
            7000215 => (AzureFailure.SignInRefused,
                $"Entra ID rejected the client secret of {app} in tenant '{tenant}' (AADSTS7000215: wrong secret); copy the secret's Value (not its Secret ID) from the app registration's Certificates & secrets page and add the credential again."),
            7000222 => (AzureFailure.SignInRefused,
                $"The client secret of {app} in tenant '{tenant}' has expired (AADSTS7000222); create a new client secret on the app registration's Certificates & secrets page and add the credential again with it."),
            700016 => (AzureFailure.SignInRefused,
                $"Entra ID knows no {app} in tenant '{tenant}' (AADSTS700016); check the client id (the app registration's Application (client) ID) and that the tenant id is the application's tenant, or have an administrator of '{tenant}' add the application to it."),
            90002 or 900023 or 90072 => (AzureFailure.SignInRefused,
                $"Entra ID at {s.AuthorityHost.IdnHost} knows no tenant '{tenant}' (AADSTS{code}); check the tenant id (Directory (tenant) ID) and that the authority host is the tenant's cloud (login.microsoftonline.us for US Government, login.chinacloudapi.cn for China)."),
            700027 or 700023 => (AzureFailure.SignInRefused,
                $"Entra ID refused the certificate of {app} (AADSTS{code}: it matches no certificate the app registration holds); upload this certificate's public part{(s.Thumbprint is null ? string.Empty : $" (thumbprint {s.Thumbprint})")} on the app registration's Certificates & secrets page, or add the credential again with the certificate registered there."),
            700024 => (AzureFailure.SignInRefused,
                $"Entra ID refused the signed assertion of {app} as outside its valid time (AADSTS700024); check this machine's clock."),
            65001 => (AzureFailure.ConsentMissing,
                $"{Capital(app)} has no consent in tenant '{tenant}' (AADSTS65001); an administrator of the tenant must grant admin consent for it (Enterprise applications > the application > Permissions)."),
            7000112 => (AzureFailure.ConsentMissing,
                $"{Capital(app)} is disabled in tenant '{tenant}' (AADSTS7000112); an administrator must enable it (Enterprise applications > the application > Properties > Enabled for users to sign-in)."),
            500011 or 70011 => (AzureFailure.SignInRefused,
                $"Entra ID at {s.AuthorityHost.IdnHost} issues no token for {s.ArmEndpoint.GetLeftPart(UriPartial.Authority)} in tenant '{tenant}' (AADSTS{code}); check that the connector's ARM endpoint belongs to the cloud of its authority host."),
            53003 => (AzureFailure.ConsentMissing,
                $"A Conditional Access policy in tenant '{tenant}' blocks {app} (AADSTS53003); ask an administrator to exempt this workload identity or to allow the agent's network location."),
            _ => (AzureFailure.SignInRefused,
                $"Entra ID at {s.AuthorityHost.IdnHost} refused a token for {app} in tenant '{tenant}' (AADSTS{code}: {FirstSentence(Description(msal) ?? msal.Message)}); check the tenant id, the client id and the secret or certificate of the credential."),
        };

        return new AzureApiException(failure, ErrorKind.Authentication, retryHere: false, sentence, inner);
    }

    /// <summary>The AADSTS code: <c>error_codes[0]</c> of the response body, else the code that opens the description.</summary>
    internal static int? AadstsCode(MsalServiceException msal)
    {
        if (!string.IsNullOrEmpty(msal.ResponseBody))
        {
            try
            {
                using var document = JsonDocument.Parse(msal.ResponseBody);
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("error_codes", out var codes)
                    && codes.ValueKind == JsonValueKind.Array
                    && codes.GetArrayLength() > 0
                    && codes[0].TryGetInt32(out var first))
                {
                    return first;
                }
            }
            catch (JsonException)
            {
            }
        }

        var match = Aadsts().Match(Description(msal) ?? msal.Message);
        return match.Success ? int.Parse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture) : null;
    }

    private static string? Description(MsalServiceException msal)
    {
        if (string.IsNullOrEmpty(msal.ResponseBody))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(msal.ResponseBody);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error_description", out var description)
                && description.ValueKind == JsonValueKind.String
                    ? description.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The first line of a message without Entra ID's trace and correlation ids, bounded.</summary>
    private static string FirstSentence(string message)
    {
        var line = message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
        var trace = line.IndexOf(" Trace ID:", StringComparison.Ordinal);
        return SentenceText.Clean(trace > 0 ? line[..trace] : line);
    }

    private static T? Find<T>(Exception? e)
        where T : Exception
    {
        while (e is not null)
        {
            if (e is T match)
            {
                return match;
            }

            e = e.InnerException;
        }

        return null;
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    [GeneratedRegex(@"AADSTS(\d{4,7})", RegexOptions.CultureInvariant)]
    private static partial Regex Aadsts();
}
