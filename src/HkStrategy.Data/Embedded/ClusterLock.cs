using HkStrategy.Core.Failures;

namespace HkStrategy.Data.Embedded;

/// <summary>
/// An exclusive lock on <c>$HKS_HOME/cluster.lock</c> (flock underneath), held while one hks process
/// creates, starts or stops the embedded cluster, so two processes never start two servers.
/// </summary>
public sealed class ClusterLock : IDisposable
{
    private readonly FileStream _stream;

    private ClusterLock(FileStream stream) => _stream = stream;

    public static async Task<ClusterLock> AcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new ClusterLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
            catch (IOException)
            {
                throw HksException.Environment("ClusterBusy", $"another hks process has held {path} for over {timeout.TotalSeconds:0} s; try again");
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
