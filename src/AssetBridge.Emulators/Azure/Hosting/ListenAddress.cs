namespace AssetBridge.Emulators.Azure.Hosting;

/// <summary>
/// The emulator's https://127.0.0.1:{port}/ address. With port 0 the port is known only once Kestrel
/// listens, so the parts that need it (audiences, assertion checks) read it from here after start.
/// </summary>
internal sealed class ListenAddress
{
    private Uri? value;

    public Uri Value => Volatile.Read(ref value) ?? throw new InvalidOperationException("The emulator is not listening yet.");

    public void Set(Uri address) => Volatile.Write(ref value, address);
}
