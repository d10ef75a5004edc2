using System.Buffers;
using AssetBridge.Core.Errors;

namespace AssetBridge.Connectors.ServiceNow.TableApi;

/// <summary>
/// A response body buffered in pooled memory so it can be parsed as one span; returned to the pool on
/// dispose. Pages are read one at a time per job, so memory stays at a few pages whatever the table size.
/// </summary>
internal sealed class ResponseBuffer : IDisposable
{
    private const int InitialSize = 64 * 1024;
    private byte[] _buffer;
    private int _length;

    private ResponseBuffer(int size)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(size);
    }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, _length);

    public static async Task<ResponseBuffer> ReadAsync(HttpContent content, long maxBytes, string table, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        var buffer = new ResponseBuffer((int)Math.Clamp(declared ?? InitialSize, 1024, Math.Min(maxBytes, 16 * 1024 * 1024)));
        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                if (buffer._length == buffer._buffer.Length)
                {
                    buffer.Grow(maxBytes, table);
                }

                var read = await stream.ReadAsync(buffer._buffer.AsMemory(buffer._length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return buffer;
                }

                buffer._length += read;
            }
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Grow(long maxBytes, string table)
    {
        if (_buffer.Length >= maxBytes)
        {
            throw new TableApiException(
                TableApiFailure.Refused,
                ErrorKind.BadResponse,
                retryHere: false,
                $"A page of {table} exceeded {maxBytes / (1024 * 1024)} MiB; lower --page-size and run the sync again.");
        }

        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buffer.Length * 2, maxBytes));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
