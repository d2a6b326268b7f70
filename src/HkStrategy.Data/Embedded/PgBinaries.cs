using System.Globalization;
using HkStrategy.Core.Failures;
using HkStrategy.Data.Processes;

namespace HkStrategy.Data.Embedded;

/// <summary>A folder holding PostgreSQL's server programs (initdb, pg_ctl, postgres) of one major version.</summary>
public sealed record PgBinaries(string Directory, int MajorVersion)
{
    public const string InstallHint =
        "PostgreSQL server binaries (initdb, pg_ctl) were not found: install them (Debian/Ubuntu: apt-get install postgresql) or set HKS_DATABASE_URL to an existing server";

    public string Tool(string name) => Path.Combine(Directory, name);

    /// <summary>
    /// Finds server binaries: <c>HKS_PG_BINDIR</c> if set (and only there), else PATH, <c>pg_config --bindir</c>
    /// and /usr/lib/postgresql/*/bin. With <paramref name="wantedMajor"/>, only that major version will do.
    /// </summary>
    public static async Task<PgBinaries> LocateAsync(int? wantedMajor, CancellationToken cancellationToken)
    {
        var found = new List<PgBinaries>();
        foreach (var directory in await CandidateDirectoriesAsync(cancellationToken))
        {
            var binaries = await ProbeAsync(directory, cancellationToken);
            if (binaries is not null && (wantedMajor is null || binaries.MajorVersion == wantedMajor))
            {
                found.Add(binaries);
            }
        }
        if (found.Count > 0)
        {
            return found.OrderByDescending(b => b.MajorVersion).First();
        }
        throw wantedMajor is null
            ? HksException.Environment("ServerBinariesMissing", InstallHint)
            : HksException.Environment("ServerBinariesMissing", string.Create(CultureInfo.InvariantCulture,
                $"the embedded cluster was created by PostgreSQL {wantedMajor}, whose server binaries were not found: install postgresql-{wantedMajor}"));
    }

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IReadOnlyList<string>? _candidates;
    private static (string? Pinned, IReadOnlyList<string> SearchPath) _search = (null, []);

    /// <summary>
    /// Where to look, from the program's settings (<c>HKS_PG_BINDIR</c>, <c>PATH</c>): set once when a program starts,
    /// before the first search. Without it, only Debian's folders (or <c>pg_config</c>'s) are searched.
    /// </summary>
    public static void SearchIn(string? pinned, IReadOnlyList<string> searchPath)
    {
        Gate.Wait();
        try
        {
            _search = (string.IsNullOrWhiteSpace(pinned) ? null : pinned, searchPath);
            _candidates = null;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Folders that may hold PostgreSQL programs, in the order they are searched (found once per process).</summary>
    public static async Task<IReadOnlyList<string>> CandidateDirectoriesAsync(CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            return _candidates ??= await FindCandidateDirectoriesAsync(_search.Pinned, _search.SearchPath, cancellationToken);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<IReadOnlyList<string>> FindCandidateDirectoriesAsync(string? pinned, IReadOnlyList<string> searchPath, CancellationToken cancellationToken)
    {
        if (pinned is not null)
        {
            return [pinned];
        }
        var candidates = new List<string>(searchPath);
        const string debianRoot = "/usr/lib/postgresql";
        if (System.IO.Directory.Exists(debianRoot))
        {
            candidates.AddRange(System.IO.Directory.GetDirectories(debianRoot).Select(d => Path.Combine(d, "bin")));
        }
        else
        {
            // Elsewhere the server programs may live outside PATH; Debian's pg_config only names a folder listed above.
            var pgConfig = await ProcessRunner.RunAsync("pg_config", ["--bindir"], cancellationToken);
            if (pgConfig.Succeeded)
            {
                candidates.Add(pgConfig.StandardOutput.Trim());
            }
        }
        return candidates.Distinct(StringComparer.Ordinal).ToList();
    }

    private static async Task<PgBinaries?> ProbeAsync(string directory, CancellationToken cancellationToken)
    {
        var initdb = Path.Combine(directory, "initdb");
        if (!File.Exists(initdb) || !File.Exists(Path.Combine(directory, "pg_ctl")))
        {
            return null;
        }
        var version = await ProcessRunner.RunAsync(initdb, ["--version"], cancellationToken);
        var major = ParseMajor(version.StandardOutput);
        return version.Succeeded && major is not null ? new PgBinaries(directory, major.Value) : null;
    }

    /// <summary>Reads the major version from output such as <c>initdb (PostgreSQL) 15.18</c>.</summary>
    public static int? ParseMajor(string versionOutput)
    {
        var token = versionOutput.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        var digits = new string((token ?? "").TakeWhile(char.IsDigit).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : null;
    }
}
