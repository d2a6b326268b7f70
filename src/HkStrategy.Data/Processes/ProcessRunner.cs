using System.Diagnostics;
using System.Text;

namespace HkStrategy.Data.Processes;

/// <summary>Runs an external program (initdb, pg_ctl, pg_dump, psql…) with arguments passed as a list, never through a shell.</summary>
public static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? environment = null,
        Stream? standardInput = null,
        Stream? standardOutput = null,
        Func<Stream, CancellationToken, Task>? writeInput = null,
        Action<string>? onErrorLine = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            startInfo.Environment[key] = value;
        }
        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            return new ProcessResult(127, "", $"cannot start {fileName}: {error.Message}");
        }
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                lock (stderr)
                {
                    stderr.AppendLine(line.Data);
                }
                onErrorLine?.Invoke(line.Data);
            }
        };
        process.BeginErrorReadLine();
        var feed = writeInput is null
            ? FeedAsync(process, standardInput, cancellationToken)
            : WriteAsync(process, writeInput, cancellationToken);
        var stdoutText = "";
        try
        {
            if (standardOutput is not null)
            {
                await process.StandardOutput.BaseStream.CopyToAsync(standardOutput, cancellationToken);
            }
            else
            {
                stdoutText = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            }
            await feed;
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        lock (stderr)
        {
            return new ProcessResult(process.ExitCode, stdoutText, stderr.ToString());
        }
    }

    private static Task FeedAsync(Process process, Stream? input, CancellationToken cancellationToken) =>
        WriteAsync(process, (stdin, token) => input is null ? Task.CompletedTask : input.CopyToAsync(stdin, token), cancellationToken);

    private static async Task WriteAsync(Process process, Func<Stream, CancellationToken, Task> writeInput, CancellationToken cancellationToken)
    {
        try
        {
            await writeInput(process.StandardInput.BaseStream, cancellationToken);
        }
        catch (IOException)
        {
            // The program stopped reading (it failed early); its exit code and stderr tell why.
        }
        finally
        {
            try
            {
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // Already gone: nothing left to close.
            }
        }
    }
}
