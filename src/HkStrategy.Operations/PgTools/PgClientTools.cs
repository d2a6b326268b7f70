using System.Globalization;
using HkStrategy.Core.Failures;
using HkStrategy.Data.Embedded;
using HkStrategy.Data.Processes;

namespace HkStrategy.Operations.PgTools;

/// <summary>pg_dump, pg_restore and psql of a major version at least the server's (an older pg_dump cannot read a newer server).</summary>
public sealed record PgClientTools(string Directory, int MajorVersion, string Version)
{
    public string PgDump => Path.Combine(Directory, "pg_dump");

    public string PgRestore => Path.Combine(Directory, "pg_restore");

    public string Psql => Path.Combine(Directory, "psql");

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, PgClientTools?> Probed = new(StringComparer.Ordinal);

    /// <summary>Probes every candidate folder once (each probe runs pg_dump --version), so a later <see cref="LocateAsync"/> needs none.</summary>
    public static async Task<IReadOnlyList<PgClientTools>> ProbeAllAsync(CancellationToken cancellationToken)
    {
        var found = new List<PgClientTools>();
        foreach (var directory in await PgBinaries.CandidateDirectoriesAsync(cancellationToken))
        {
            if (!Probed.TryGetValue(directory, out var tools))
            {
                tools = await ProbeAsync(directory, cancellationToken);
                Probed[directory] = tools;
            }
            if (tools is not null)
            {
                found.Add(tools);
            }
        }
        return found;
    }

    public static async Task<PgClientTools> LocateAsync(int serverMajor, CancellationToken cancellationToken)
    {
        var found = await ProbeAllAsync(cancellationToken);
        // The same major as the server when there is one, else the oldest newer one.
        return found.Where(t => t.MajorVersion >= serverMajor).OrderBy(t => t.MajorVersion).FirstOrDefault()
            ?? throw HksException.Environment("ClientToolsMissing", found.Count == 0
                ? "pg_dump, pg_restore and psql were not found: install the PostgreSQL client (Debian/Ubuntu: apt-get install postgresql-client)"
                : string.Create(CultureInfo.InvariantCulture,
                    $"the server runs PostgreSQL {serverMajor} but the newest pg_dump found is {found.Max(t => t.MajorVersion)}: install postgresql-client-{serverMajor}"));
    }

    private static async Task<PgClientTools?> ProbeAsync(string directory, CancellationToken cancellationToken)
    {
        var pgDump = Path.Combine(directory, "pg_dump");
        if (!File.Exists(pgDump) || !File.Exists(Path.Combine(directory, "pg_restore")) || !File.Exists(Path.Combine(directory, "psql")) || IsDebianWrapper(pgDump))
        {
            return null;
        }
        var version = await ProcessRunner.RunAsync(pgDump, ["--version"], cancellationToken);
        return version.Succeeded && PgBinaries.ParseMajor(version.StandardOutput) is { } major
            ? new PgClientTools(directory, major, version.StandardOutput.Trim())
            : null;
    }

    /// <summary>
    /// Debian's /usr/bin/pg_dump is a Perl wrapper choosing a version per call: slower, and hks picks the version
    /// itself, so the real programs under /usr/lib/postgresql/N/bin are used instead.
    /// </summary>
    private static bool IsDebianWrapper(string program) =>
        File.ResolveLinkTarget(program, returnFinalTarget: true) is { } target && target.Name == "pg_wrapper";
}
