namespace AssetBridge.Core.Errors;

/// <summary>Puts text a server or the runtime sent into a sentence the user reads: one line, bounded, without a trailing full stop.</summary>
public static class SentenceText
{
    /// <summary>The longest server message quoted in a sentence; longer ones are cut with an ellipsis.</summary>
    public const int DefaultMaxLength = 240;

    /// <summary>A server message introduced by a colon; empty when there is none.</summary>
    public static string Quote(string? message, int maxLength = DefaultMaxLength)
    {
        var text = Clean(message, maxLength);
        return text.Length == 0 ? string.Empty : $": {text}";
    }

    /// <summary>The text on one line, at most <paramref name="maxLength"/> characters, without a trailing full stop.</summary>
    public static string Clean(string? text, int maxLength = DefaultMaxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= maxLength ? line.TrimEnd('.') : line[..maxLength] + "…";
    }

    /// <summary>The message of the innermost exception, cleaned.</summary>
    public static string Innermost(Exception e, int maxLength = DefaultMaxLength)
    {
        ArgumentNullException.ThrowIfNull(e);
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return Clean(e.Message, maxLength);
    }
}
