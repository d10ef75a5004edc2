using Microsoft.Extensions.Logging;

namespace AssetBridge.Cli.Hosting;

/// <summary>
/// Writes log lines to the command's error stream (never stdout, which carries data such as JSON).
/// Messages come from templates AssetBridge writes; none carries a header or a secret.
/// </summary>
internal sealed class StderrLoggerProvider(TextWriter error, LogLevel minimum) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new StderrLogger(error, minimum, categoryName);

    public void Dispose()
    {
    }

    private sealed class StderrLogger(TextWriter error, LogLevel minimum, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var level = logLevel switch
            {
                LogLevel.Trace => "trce",
                LogLevel.Debug => "dbug",
                LogLevel.Information => "info",
                LogLevel.Warning => "warn",
                LogLevel.Error => "fail",
                _ => "crit",
            };
            var shortCategory = category[(category.LastIndexOf('.') + 1)..];
            var line = $"{level}: {shortCategory}: {formatter(state, exception)}";
            if (exception is not null)
            {
                line += $" ({exception.GetType().Name}: {exception.Message})";
            }

            error.WriteLine(line);
        }
    }
}
