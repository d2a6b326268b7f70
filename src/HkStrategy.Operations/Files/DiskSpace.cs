using System.Globalization;
using HkStrategy.Core.Failures;

namespace HkStrategy.Operations.Files;

/// <summary>Refuses to start writing what would not fit: better one clear line before than a full disk halfway.</summary>
public static class DiskSpace
{
    public static void Require(string folder, long estimatedBytes, string what)
    {
        var available = new DriveInfo(Path.GetFullPath(folder)).AvailableFreeSpace;
        var needed = estimatedBytes + (64L << 20); // a margin for the manifest, temporary files and the file system
        if (available < needed)
        {
            throw HksException.Environment("InsufficientDiskSpace", string.Create(CultureInfo.InvariantCulture,
                $"{what} needs about {needed / (1 << 20):N0} MiB in {folder}, which has {available / (1 << 20):N0} MiB free"));
        }
    }
}
