namespace AssetBridge.Connectors.Azure.Failures;

/// <summary>Puts text a server sent into a sentence: one line, bounded, without a trailing full stop.</summary>
internal static class SentenceText
{
    /// <summary>A server message introduced by a colon; empty when there is none.</summary>
    public static string Quote(string? message)
    {
        var text = Clean(message);
        return text.Length == 0 ? string.Empty : $": {text}";
    }

    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 240 ? line.TrimEnd('.') : line[..240] + "…";
    }

    /// <summary>The message of the innermost exception, cleaned.</summary>
    public static string Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return Clean(e.Message);
    }
}
