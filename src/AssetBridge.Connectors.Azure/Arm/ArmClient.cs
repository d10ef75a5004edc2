using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using AssetBridge.Connectors.Azure.Authentication;
using AssetBridge.Connectors.Azure.Failures;
using AssetBridge.Connectors.Azure.Resources;
using AssetBridge.Connectors.Azure.Transport;
using AssetBridge.Core.Credentials;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace AssetBridge.Connectors.Azure.Arm;

/// <summary>
/// Reads ARM collections page by page. Every request spends from its principal's read budget for the
/// subscription (or tenant), so the process paces itself by ARM's own counts instead of running into
/// 429s; a 429 that comes anyway closes the budget until its Retry-After. Transient faults are retried
/// with exponential backoff and jitter, and a 401 gets one token refresh. What finally fails is a
/// classified <see cref="AzureApiException"/> whose message is the user's sentence.
/// </summary>
internal sealed class ArmClient
{
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    private readonly HttpMessageInvoker _http;
    private readonly ReadBudgets _budgets;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _pipeline;

    public ArmClient(HttpMessageInvoker http, AzureModuleOptions options, ReadBudgets budgets, ServerTrust trust, TimeProvider time, ILogger logger)
    {
        _http = http;
        Options = options;
        _budgets = budgets;
        Trust = trust;
        _time = time;
        _logger = logger;
        _pipeline = BuildPipeline(options, time, logger);
    }

    public AzureModuleOptions Options { get; }

    public ServerTrust Trust { get; }

    public static string PrincipalOf(IAuthenticator authenticator) =>
        authenticator is IAzurePrincipal principal ? principal.Principal : "the connector's principal";

    /// <summary>
    /// Every page of a collection, following nextLink until it is absent or null. A page may be short
    /// or empty and still name a next one. nextLink is followed only to the ARM endpoint's own host
    /// (the bearer token goes with it) and never twice.
    /// </summary>
    public async IAsyncEnumerable<ArmList<T>> ListAsync<T>(
        Uri first, ArmSubject subject, IAuthenticator authenticator, JsonTypeInfo<ArmList<T>> type, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { first.AbsoluteUri };
        var uri = first;
        long pages = 0;
        while (true)
        {
            var page = await GetPageAsync(uri, subject, authenticator, type, cancellationToken).ConfigureAwait(false);
            pages++;
            yield return page;
            if (string.IsNullOrWhiteSpace(page.NextLink))
            {
                yield break;
            }

            uri = NextLink(page.NextLink, subject);
            if (!seen.Add(uri.AbsoluteUri))
            {
                throw ArmSentences.NextLinkLoop(subject, pages);
            }

            if (pages >= Options.MaxPagesPerListing)
            {
                throw ArmSentences.TooManyPages(subject, Options.MaxPagesPerListing);
            }
        }
    }

    /// <summary>One page. A provider the subscription never registered answers as an empty last page.</summary>
    public async Task<ArmList<T>> GetPageAsync<T>(Uri uri, ArmSubject subject, IAuthenticator authenticator, JsonTypeInfo<ArmList<T>> type, CancellationToken cancellationToken)
    {
        var principalKey = authenticator is IAzurePrincipal principal ? principal.BudgetKey : "anonymous";
        var budget = _budgets.For(subject.ArmEndpoint, principalKey, subject.SubscriptionId ?? ReadBudgets.TenantScope);
        var exchange = new Exchange<T>(this, uri, subject, authenticator, budget, type);
        try
        {
            return await _pipeline.ExecuteAsync(static (e, token) => e.SendAsync(token), exchange, cancellationToken).ConfigureAwait(false);
        }
        catch (UnregisteredProviderException)
        {
            ArmLog.ProviderNotRegistered(_logger, subject.Scope, subject.What);
            return new ArmList<T>([], null);
        }
    }

    /// <summary>Checks a nextLink: an absolute URL on the ARM endpoint's scheme, host and port.</summary>
    internal static Uri NextLink(string nextLink, ArmSubject subject)
    {
        if (!Uri.TryCreate(nextLink.Trim(), UriKind.Absolute, out var next) || next.Scheme is not ("https" or "http"))
        {
            throw ArmSentences.NextLinkNotAbsolute(subject);
        }

        var arm = subject.ArmEndpoint;
        if (next.Scheme != arm.Scheme || next.Port != arm.Port || !string.Equals(next.IdnHost, arm.IdnHost, StringComparison.OrdinalIgnoreCase))
        {
            throw ArmSentences.NextLinkElsewhere(subject, next);
        }

        return next;
    }

    // Checkpoint: the order of strategies decides what "consecutive" means. The outer retry handles
    // transient faults; the inner one only 429s, with no delay of its own because the read budget
    // already holds every request back until Retry-After has passed.
    private static ResiliencePipeline BuildPipeline(AzureModuleOptions options, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<AzureApiException>(e => e.RetryHere && e.Failure != AzureFailure.Throttled),
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                OnRetry = args =>
                {
                    ArmLog.Retrying(logger, (args.Outcome.Exception as AzureApiException)?.Failure, args.AttemptNumber + 2, args.RetryDelay);
                    return default;
                },
            });
        }

        if (options.MaxConsecutiveThrottles > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<AzureApiException>(e => e.RetryHere && e.Failure == AzureFailure.Throttled),
                MaxRetryAttempts = options.MaxConsecutiveThrottles - 1,
                BackoffType = DelayBackoffType.Constant,
                Delay = TimeSpan.Zero,
            });
        }

        return builder.Build();
    }

    /// <summary>One logical request across its attempts; remembers whether the token was refreshed already.</summary>
    private sealed class Exchange<T>(ArmClient client, Uri uri, ArmSubject subject, IAuthenticator authenticator, ReadBudget budget, JsonTypeInfo<ArmList<T>> type)
    {
        private bool _refreshed;

        public async ValueTask<ArmList<T>> SendAsync(CancellationToken cancellationToken)
        {
            var options = client.Options;
            var tenantScope = subject.SubscriptionId is null;
            while (true)
            {
                using var message = new HttpRequestMessage(HttpMethod.Get, uri);
                message.Headers.Accept.Add(Json);
                await authenticator.AuthenticateAsync(message, cancellationToken).ConfigureAwait(false);

                var waited = await budget.SpendAsync(cancellationToken).ConfigureAwait(false);
                if (waited > TimeSpan.Zero)
                {
                    ArmLog.Paced(client._logger, subject.Scope, waited);
                }

                var settled = false;
                long? remaining = null;
                using var timeout = new CancellationTokenSource(options.RequestTimeout, client._time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
                try
                {
                    using var response = await client._http.SendAsync(message, linked.Token).ConfigureAwait(false);
                    remaining = ArmResponses.RemainingReads(response, tenantScope);
                    if (response.StatusCode == HttpStatusCode.Unauthorized && !_refreshed)
                    {
                        // Checkpoint: one new token per logical request; a second 401 is the answer.
                        _refreshed = true;
                        settled = true;
                        budget.Complete(remaining);
                        if (await authenticator.RefreshAsync(cancellationToken).ConfigureAwait(false))
                        {
                            continue;
                        }
                    }

                    if (response.StatusCode == HttpStatusCode.TooManyRequests)
                    {
                        settled = true;
                        throw Throttled(response);
                    }

                    var body = await ResponseBody.ReadAsync(response.Content, options.MaxResponseBytes, subject, linked.Token).ConfigureAwait(false);
                    return ArmResponses.ToPage(response, body.Span, type, subject);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw ArmSentences.TimedOut(subject, options.RequestTimeout);
                }
                catch (HttpRequestException e)
                {
                    throw TransportFailures.Classify(e, ArmSubject.Service, subject.ArmEndpoint, subject.Attempts, client.Trust);
                }
                catch (IOException e)
                {
                    throw TransportFailures.Classify(e, ArmSubject.Service, subject.ArmEndpoint, subject.Attempts, client.Trust);
                }
                finally
                {
                    if (!settled)
                    {
                        budget.Complete(remaining);
                    }
                }
            }
        }

        private AzureApiException Throttled(HttpResponseMessage response)
        {
            var options = client.Options;
            var now = client._time.GetUtcNow();
            var until = ArmResponses.RetryAt(response, now, options.DefaultRetryAfter);
            budget.CloseUntil(until);
            if (until - now > options.MaxRetryAfter)
            {
                return ArmSentences.ThrottleWaitTooLong(subject, until - now, options.MaxRetryAfter);
            }

            ArmLog.Throttled(client._logger, subject.Scope, until - now);
            return ArmSentences.ThrottledTooOften(subject, options.MaxConsecutiveThrottles);
        }
    }
}
