namespace AssetBridge.Cli.Output;

/// <summary>
/// Reads a stream's first element before anything is printed, so an error the source raises at once
/// (an unknown connector, a bad filter) is reported alone rather than after a half-written document.
/// </summary>
internal static class PrimedStream
{
    public static async Task<IAsyncEnumerable<T>> PrimeAsync<T>(IAsyncEnumerable<T> source, CancellationToken cancellationToken)
    {
        var enumerator = source.GetAsyncEnumerator(cancellationToken);
        bool any;
        try
        {
            any = await enumerator.MoveNextAsync().ConfigureAwait(false);
        }
        catch
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return Continue(enumerator, any);
    }

    private static async IAsyncEnumerable<T> Continue<T>(IAsyncEnumerator<T> enumerator, bool any)
    {
        await using (enumerator.ConfigureAwait(false))
        {
            while (any)
            {
                yield return enumerator.Current;
                any = await enumerator.MoveNextAsync().ConfigureAwait(false);
            }
        }
    }
}
