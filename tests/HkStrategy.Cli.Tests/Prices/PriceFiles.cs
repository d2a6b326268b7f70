using System.Text;
using HkStrategy.Testing;

namespace HkStrategy.Cli.Tests.Prices;

/// <summary>A folder of price files of one test class's own, removed afterwards, and hks run against a test database.</summary>
public sealed class PriceFiles : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hks-prices-").FullName;

    /// <summary>Writes the lines (a header, then rows) as a CSV file and returns its path.</summary>
    public string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n", Encoding.UTF8);
        return path;
    }

    public static Task<HksRun> Hks(TestDatabase db, params string[] args) =>
        db.HksAsync(args);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
