using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace HkStrategy.Data.Schema;

/// <summary>
/// The schema versions this program knows, read from the embedded <c>NNNN_name.up.sql</c> / <c>.down.sql</c> pairs (and
/// an optional <c>.return.sql</c>: see <see cref="Migration.ReturnSql"/>).
/// </summary>
public sealed partial class MigrationCatalog
{
    public MigrationCatalog(IEnumerable<Migration> migrations)
    {
        Migrations = migrations.OrderBy(m => m.Version).ToList();
        if (Migrations.Select((m, index) => m.Version != index + 1).Any(gap => gap))
        {
            throw new InvalidOperationException("migration versions must run 1, 2, 3… without gaps");
        }
    }

    public IReadOnlyList<Migration> Migrations { get; }

    public int Latest => Migrations.Count == 0 ? 0 : Migrations[^1].Version;

    public Migration Get(int version) => Migrations[version - 1];

    public static MigrationCatalog Embedded { get; } = LoadEmbedded();

    private static MigrationCatalog LoadEmbedded()
    {
        var assembly = typeof(MigrationCatalog).Assembly;
        var scripts = assembly.GetManifestResourceNames()
            .Select(name => (name, match: ResourceName().Match(name)))
            .Where(x => x.match.Success)
            .ToLookup(x => (version: int.Parse(x.match.Groups["version"].Value, CultureInfo.InvariantCulture), label: x.match.Groups["name"].Value));
        return new MigrationCatalog(scripts.Select(group => new Migration(
            group.Key.version,
            group.Key.label,
            Read(assembly, group.Single(x => x.match.Groups["direction"].Value == "up").name),
            Read(assembly, group.Single(x => x.match.Groups["direction"].Value == "down").name),
            group.SingleOrDefault(x => x.match.Groups["direction"].Value == "return").name is { } back ? Read(assembly, back) : null)));
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^Migrations/(?<version>\d{4})_(?<name>[a-z0-9_]+)\.(?<direction>up|down|return)\.sql$")]
    private static partial Regex ResourceName();
}
