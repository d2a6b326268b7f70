namespace HkStrategy.Cli.Tests.Launcher;

/// <summary>The checkout the tests run from: the folder above them holding HkStrategy.slnx and the launcher, hks.</summary>
internal static class Checkout
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "HkStrategy.slnx")) && File.Exists(Path.Combine(folder.FullName, "hks")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"no checkout above {AppContext.BaseDirectory}");
    }
}
