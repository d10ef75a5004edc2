namespace AssetBridge.Connectors.Azure.Arm;

/// <summary>
/// Reads a response body into memory up to a limit, so a runaway answer fails with a sentence instead
/// of exhausting memory. ARM pages are small (a thousand resources at most), one per listing at a time.
/// </summary>
internal static class ResponseBody
{
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpContent content, long maxBytes, ArmSubject subject, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is { } declared && declared > maxBytes)
        {
            throw ArmSentences.TooLarge(subject, maxBytes);
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new MemoryStream(capacity: (int)Math.Min(content.Headers.ContentLength ?? 64 * 1024, maxBytes));
        var chunk = new byte[81920];
        while (true)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
            }

            if (buffer.Length + read > maxBytes)
            {
                throw ArmSentences.TooLarge(subject, maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }
    }
}
