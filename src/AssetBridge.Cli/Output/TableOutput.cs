using Spectre.Console;
using Spectre.Console.Rendering;

namespace AssetBridge.Cli.Output;

/// <summary>Renders tables with Spectre.Console: coloured on a terminal, plain and wide when redirected.</summary>
internal static class TableOutput
{
    public static IAnsiConsole For(CliConsole console)
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(console.Out),
            Ansi = console.IsOutputTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = console.IsOutputTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = console.IsOutputTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!console.IsOutputTerminal)
        {
            ansi.Profile.Width = 240;
        }

        return ansi;
    }

    public static void Write(CliConsole console, IEnumerable<string> headers, IEnumerable<IEnumerable<string>> rows)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(Markup.Escape(header)));
        }

        foreach (var row in rows)
        {
            table.AddRow(row.Select(cell => (IRenderable)new Text(cell)).ToArray());
        }

        For(console).Write(table);
    }
}
