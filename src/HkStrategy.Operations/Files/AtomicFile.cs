using System.Runtime.InteropServices;
using System.Text;

namespace HkStrategy.Operations.Files;

/// <summary>
/// Files that are either complete or absent: written under a temporary name, flushed to disk, renamed into place,
/// and the folder flushed too, so a crash can never leave a half-written file under the final name.
/// </summary>
public static partial class AtomicFile
{
    public static async Task WriteAllTextAsync(string path, string content, CancellationToken cancellationToken)
    {
        var temporary = TemporaryName(path, "tmp");
        await using (var stream = new FileStream(temporary, new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        }))
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(content), cancellationToken);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
        FlushDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>
    /// <c>NAME.PID.SUFFIX</c>: the writing process's id in the name tells leftovers of dead processes (safe to remove)
    /// from files another hks is still writing.
    /// </summary>
    public static string TemporaryName(string final, string suffix) =>
        $"{final}.{Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)}.{suffix}";

    /// <summary>Whether a temporary file's writer (by the id in its name) has gone.</summary>
    public static bool IsAbandoned(string temporary)
    {
        var parts = Path.GetFileName(temporary).Split('.');
        if (parts.Length < 3 || !int.TryParse(parts[^2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid))
        {
            return true;
        }
        return !HkStrategy.Data.Processes.ProcessIds.IsAlive(pid);
    }

    /// <summary>Moves a finished file into place and makes the rename durable.</summary>
    public static void Commit(string temporary, string final)
    {
        using (var stream = new FileStream(temporary, FileMode.Open, FileAccess.ReadWrite))
        {
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, final);
        FlushDirectory(Path.GetDirectoryName(Path.GetFullPath(final))!);
    }

    public static void FlushDirectory(string directory)
    {
        var descriptor = Open(directory, 0 /* O_RDONLY */);
        if (descriptor < 0)
        {
            return;
        }
        _ = Fsync(descriptor);
        _ = Close(descriptor);
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync")]
    private static partial int Fsync(int descriptor);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int descriptor);
}
