using System.Text;
using AssetBridge.Core.Errors;

namespace AssetBridge.Cli.Input;

/// <summary>
/// Reads secrets from a named environment variable or from stdin — never from the command line, where
/// they would land in shell history and in every process listing.
/// </summary>
internal sealed class SecretReader(CliConsole console)
{
    /// <summary>
    /// The secret from <paramref name="environmentVariable"/> when one is named, else the next line of
    /// stdin (prompted without echo on a terminal).
    /// </summary>
    public string Read(string what, string? environmentVariable, string envOption)
    {
        if (!string.IsNullOrEmpty(environmentVariable))
        {
            var value = console.Environment(environmentVariable);
            return string.IsNullOrEmpty(value)
                ? throw new AssetBridgeException(ErrorKind.Usage, $"The environment variable {environmentVariable} named by {envOption} is not set or empty; export it, or pipe the {what} on stdin instead.")
                : value;
        }

        if (!console.IsInputRedirected)
        {
            return Prompt(what);
        }

        var line = console.In.ReadLine();
        return string.IsNullOrEmpty(line)
            ? throw new AssetBridgeException(ErrorKind.Usage, $"No {what} on stdin; pipe it in (one line), or name an environment variable with {envOption}.")
            : line;
    }

    private string Prompt(string what)
    {
        console.Error.Write($"{char.ToUpperInvariant(what[0])}{what[1..]}: ");
        console.Error.Flush();
        var builder = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (builder.Length > 0)
                {
                    builder.Length--;
                }

                continue;
            }

            builder.Append(key.KeyChar);
        }

        console.Error.WriteLine();
        return builder.Length == 0
            ? throw new AssetBridgeException(ErrorKind.Usage, $"An empty {what} was entered; run the command again and type it, or use {what} from an environment variable.")
            : builder.ToString();
    }
}
