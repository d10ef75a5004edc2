using System.Net;
using System.Net.Http.Headers;
using AssetBridge.Core.Credentials;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace AssetBridge.Connectors.ServiceNow.TableApi;

/// <summary>
/// Reads one page of a table. Every request passes the instance gate (concurrency cap, 429 blackout);
/// transient faults are retried with exponential backoff and jitter, 429s are waited out with their
/// own budget, and a 401 gets one credential refresh. What finally fails is a classified
/// <see cref="TableApiException"/> whose message is the user's sentence.
/// </summary>
internal sealed class TableApiClient
{
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    private readonly HttpClient _http;
    private readonly TableApiClientOptions _options;
    private readonly InstanceGates _gates;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _pipeline;

    public TableApiClient(HttpClient http, TableApiClientOptions options, InstanceGates gates, TimeProvider time, ILogger logger)
    {
        _http = http;
        _options = options;
        _gates = gates;
        _time = time;
        _logger = logger;
        _pipeline = BuildPipeline(options, time, logger);
    }

    public TableApiClientOptions Options => _options;

    public async Task<TablePage> GetPageAsync(TableRequest request, IAuthenticator authenticator, int maxConcurrentRequests, CancellationToken cancellationToken)
    {
        var subject = new RequestSubject(
            request.Instance, request.Table, request.TableOption, RequestSubject.PrincipalOf(authenticator), _options.MaxAttempts);
        var exchange = new Exchange(this, request, authenticator, _gates.For(request.Instance, maxConcurrentRequests), subject);
        return await _pipeline.ExecuteAsync(static (e, token) => e.SendAsync(token), exchange, cancellationToken).ConfigureAwait(false);
    }

    // Checkpoint: the order of strategies decides what "consecutive" means. The outer retry handles
    // transient faults; the inner one only 429s, with no delay of its own because the gate already
    // holds every request back until the instance opens. A transient fault between two 429s starts
    // the 429 count afresh.
    private static ResiliencePipeline BuildPipeline(TableApiClientOptions options, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<TableApiException>(e => e.RetryHere && e.Failure != TableApiFailure.RateLimited),
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                OnRetry = args =>
                {
                    var failure = (args.Outcome.Exception as TableApiException)?.Failure;
                    TableApiLog.Retrying(logger, failure, args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            });
        }

        if (options.MaxConsecutiveRateLimits > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<TableApiException>(e => e.RetryHere && e.Failure == TableApiFailure.RateLimited),
                MaxRetryAttempts = options.MaxConsecutiveRateLimits - 1,
                BackoffType = DelayBackoffType.Constant,
                Delay = TimeSpan.Zero,
            });
        }

        return builder.Build();
    }

    /// <summary>One logical request across its attempts; remembers whether the credential was refreshed already.</summary>
    private sealed class Exchange(TableApiClient client, TableRequest request, IAuthenticator authenticator, InstanceGate gate, RequestSubject subject)
    {
        private bool _refreshed;

        public async ValueTask<TablePage> SendAsync(CancellationToken cancellationToken)
        {
            var options = client._options;
            using var lease = await gate.EnterAsync(cancellationToken).ConfigureAwait(false);
            var uri = request.ToUri();
            while (true)
            {
                using var message = new HttpRequestMessage(HttpMethod.Get, uri);
                message.Headers.Accept.Add(Json);
                await authenticator.AuthenticateAsync(message, cancellationToken).ConfigureAwait(false);
                await lease.WaitUntilOpenAsync(cancellationToken).ConfigureAwait(false);

                using var timeout = new CancellationTokenSource(options.RequestTimeout, client._time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
                try
                {
                    using var response = await client._http
                        .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token)
                        .ConfigureAwait(false);
                    if (response.StatusCode == HttpStatusCode.Unauthorized && !_refreshed)
                    {
                        // Checkpoint: one refresh per logical request, and only a credential that can
                        // change (an OAuth token) is worth a second send.
                        _refreshed = true;
                        if (await authenticator.RefreshAsync(cancellationToken).ConfigureAwait(false))
                        {
                            continue;
                        }
                    }

                    if (response.StatusCode == HttpStatusCode.TooManyRequests)
                    {
                        throw CloseGate(response);
                    }

                    using var body = await ResponseBuffer.ReadAsync(response.Content, options.MaxResponseBytes, request.Table, linked.Token)
                        .ConfigureAwait(false);
                    return ResponseClassifier.ToPage(response, body.Span, request.Columns, subject);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw FailureSentences.TimedOut(subject, options.RequestTimeout);
                }
                catch (HttpRequestException e)
                {
                    throw TransportFailures.Classify(e, subject);
                }
                catch (IOException e)
                {
                    throw TransportFailures.Classify(e, subject);
                }
            }
        }

        private TableApiException CloseGate(HttpResponseMessage response)
        {
            var options = client._options;
            var now = client._time.GetUtcNow();
            var until = ResponseClassifier.RetryAt(response, now, options.DefaultRetryAfter);
            if (until - now > options.MaxRetryAfter)
            {
                return FailureSentences.RateLimitWaitTooLong(subject, until - now, options.MaxRetryAfter);
            }

            gate.CloseUntil(until);
            TableApiLog.RateLimited(client._logger, subject.Host, until - now);
            return FailureSentences.RateLimited(subject, options.MaxConsecutiveRateLimits, ResponseClassifier.RateLimitRule(response));
        }
    }
}
