using Npgsql;

namespace HkStrategy.Data.Connection;

/// <summary>Which PostgreSQL database a command works on, and how to show it without its password.</summary>
public sealed record DatabaseTarget(string ConnectionString, bool IsEmbedded)
{
    public string DatabaseName => new NpgsqlConnectionStringBuilder(ConnectionString).Database ?? "postgres";

    /// <summary>The target as <c>postgres://user:****@host:port/db</c>: safe to print and to log.</summary>
    public string Display => ConnectionStrings.Mask(ConnectionString);

    /// <summary>The same server, another database on it (scratch databases, the maintenance database).</summary>
    public DatabaseTarget WithDatabase(string database) =>
        this with { ConnectionString = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database }.ConnectionString };

    /// <summary>Never the connection string: it holds the password.</summary>
    public override string ToString() => Display;
}
