using System.Globalization;
using HkStrategy.Data.Connection;
using Npgsql;

namespace HkStrategy.Operations.PgTools;

/// <summary>
/// A target as libpq environment variables, so pg_dump/psql get the password through PGPASSWORD and never on a
/// command line (which other users can read in the process list).
/// </summary>
public static class PgEnvironment
{
    public static IReadOnlyDictionary<string, string?> For(DatabaseTarget target)
    {
        var builder = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["PGHOST"] = builder.Host,
            ["PGPORT"] = builder.Port.ToString(CultureInfo.InvariantCulture),
            ["PGUSER"] = builder.Username,
            ["PGPASSWORD"] = builder.Password,
            ["PGPASSFILE"] = builder.Passfile,
            ["PGDATABASE"] = builder.Database,
            ["PGSSLMODE"] = SslMode(builder.SslMode),
            ["PGAPPNAME"] = "hks",
            ["PGCONNECT_TIMEOUT"] = builder.Timeout.ToString(CultureInfo.InvariantCulture),
        };
    }

    private static string SslMode(Npgsql.SslMode mode) => mode switch
    {
        Npgsql.SslMode.Disable => "disable",
        Npgsql.SslMode.Allow => "allow",
        Npgsql.SslMode.Require => "require",
        Npgsql.SslMode.VerifyCA => "verify-ca",
        Npgsql.SslMode.VerifyFull => "verify-full",
        _ => "prefer",
    };
}
