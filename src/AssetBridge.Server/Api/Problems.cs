using AssetBridge.Core.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AssetBridge.Server.Api;

/// <summary>
/// Errors as problem bodies (RFC 9457): the user's sentence as <c>detail</c>, the <see cref="ErrorKind"/>
/// as the <c>kind</c> extension (which the CLI turns back into the same exit code), the status from the kind.
/// </summary>
internal static class Problems
{
    public const string KindExtension = "kind";

    public static int StatusFor(ErrorKind kind) => kind switch
    {
        ErrorKind.Usage => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.RunFailed => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.RateLimited => StatusCodes.Status429TooManyRequests,
        ErrorKind.Authentication or ErrorKind.Unreachable or ErrorKind.BadResponse => StatusCodes.Status502BadGateway,
        _ => StatusCodes.Status503ServiceUnavailable,
    };

    public static async Task WriteAsync(HttpContext context, AssetBridgeException error, int? status = null)
    {
        context.Response.StatusCode = status ?? StatusFor(error.Kind);
        var problem = new ProblemDetails
        {
            Status = context.Response.StatusCode,
            Title = error.Kind.ToString(),
            Detail = error.Message,
            Extensions = { [KindExtension] = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(error.Kind.ToString()) },
        };
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await service.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }).ConfigureAwait(false);
    }
}

/// <summary>Turns what an endpoint throws into a problem body; anything unexpected is logged and answered with a 500 that leaks nothing.</summary>
internal sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var error = exception switch
        {
            AssetBridgeException known => known,
            BadHttpRequestException bad => new AssetBridgeException(ErrorKind.Usage, $"The request could not be read ({bad.Message.TrimEnd('.')}); send the JSON body this route documents in /openapi/v1.json."),
            _ => null,
        };
        if (error is null)
        {
            LogUnexpected(logger, exception.GetType().Name, httpContext.Request.Path);
            error = new AssetBridgeException(ErrorKind.Transient, "The server failed unexpectedly; its log names the failure. Retry, and report it if it persists.");
            await Problems.WriteAsync(httpContext, error, StatusCodes.Status500InternalServerError).ConfigureAwait(false);
            return true;
        }

        await Problems.WriteAsync(httpContext, error).ConfigureAwait(false);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected {Failure} while serving {Path}")]
    private static partial void LogUnexpected(ILogger logger, string failure, string path);
}
