using System.Buffers;
using System.Text;

namespace AssetBridge.Emulators.ServiceNow.Faults;

/// <summary>Bodies of the faults that answer 200 with broken JSON.</summary>
internal static class MalformedBodies
{
    /// <summary>The opening of every list body; a cut never falls before it.</summary>
    private const int ResultArrayStart = 11; // {"result":[

    // The tail of stackstate's cmdb_ci_result_malformed_json_with_error_msg.txt: the stream was cut
    // inside the result array, then the instance appended its error and status.
    private static readonly byte[] TransactionCancelledTail = Encoding.UTF8.GetBytes(
        "}\"\"],\"error\":{\"detail\":\"Transaction cancelled: maximum execution time exceeded. Check logs for error trace.\","
        + "\"message\":\"Transaction cancelled: maximum execution time exceeded\"},\"status\":\"failure\"}");

    /// <summary>Where a truncated body stops: half way, but inside the result array.</summary>
    public static int CutPoint(int length) => Math.Min(length, Math.Max(length / 2, ResultArrayStart));

    public static byte[] TransactionCancelled(ReadOnlySpan<byte> completeBody)
    {
        var cut = completeBody[..CutPoint(completeBody.Length)];
        var body = new ArrayBufferWriter<byte>(cut.Length + TransactionCancelledTail.Length);
        body.Write(cut);
        body.Write(TransactionCancelledTail);
        return body.WrittenSpan.ToArray();
    }
}
