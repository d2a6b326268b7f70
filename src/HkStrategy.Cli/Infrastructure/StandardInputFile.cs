using System.Text;

namespace HkStrategy.Cli.Infrastructure;

/// <summary>
/// Standard input written to a file of the moment (readable by this account only, deleted afterwards), for a command
/// that reads its input more than once. Copied in blocks: memory stays bounded whatever the size.
/// </summary>
public sealed class StandardInputFile : IAsyncDisposable
{
    private StandardInputFile(string path) => Path = path;

    public string Path { get; }

    public static async Task<StandardInputFile> CopyAsync(TextReader input, CancellationToken cancellationToken)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"hks-stdin-{Environment.ProcessId}-{Guid.NewGuid():N}.csv");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        var file = new StandardInputFile(path);
        try
        {
            await using var writer = new StreamWriter(new FileStream(path, options), new UTF8Encoding(false));
            var buffer = new char[1 << 16];
            int read;
            while ((read = await input.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
            {
                await writer.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
        return file;
    }

    public ValueTask DisposeAsync()
    {
        File.Delete(Path);
        return ValueTask.CompletedTask;
    }
}
