using System.Text;

namespace AssetBridge.EndToEnd.Tests.Infrastructure;

/// <summary>Searches processes' output and every file under a directory for a secret that must never appear in clear.</summary>
public static class Canary
{
    public static void AssertAbsent(string secret, string root, IEnumerable<CliProcess> processes)
    {
        foreach (var process in processes)
        {
            Assert.False(process.Output.Contains(secret, StringComparison.Ordinal), $"{process.Name} printed the secret in clear.");
        }

        var needle = Encoding.UTF8.GetBytes(secret);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            byte[] bytes;
            try
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                bytes = copy.ToArray();
            }
            catch (IOException)
            {
                continue;
            }

            Assert.True(bytes.AsSpan().IndexOf(needle) < 0, $"{file} holds the secret in clear.");
        }
    }
}
