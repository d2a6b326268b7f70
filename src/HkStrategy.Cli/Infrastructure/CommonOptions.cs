using System.CommandLine;

namespace HkStrategy.Cli.Infrastructure;

/// <summary>Options shared by many commands, defined once so they read the same everywhere.</summary>
public static class CommonOptions
{
    public static Option<string?> Database { get; } = new("--database")
    {
        Description = "A postgres:// URL or Npgsql connection string (default: HKS_DATABASE_URL, else the embedded database)",
        Recursive = true,
    };

    public static Option<bool> Json() => new("--json") { Description = "Print one JSON document instead of tables" };

    public static Option<bool> Yes() => new("--yes", "-y") { Description = "Do not ask for the typed confirmation" };

    public static Option<bool> DryRun() => new("--dry-run") { Description = "Print what would be done (the SQL it would run); change nothing" };
}
