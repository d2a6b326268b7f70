using System.Globalization;
using System.Security.Cryptography;
using Dapper;
using HkStrategy.Core.Failures;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Processes;
using Npgsql;

namespace HkStrategy.Operations.Legacy;

/// <summary>
/// Who loads a file from outside into a scratch database: never a superuser, whose SQL could run programs on the
/// server (<c>COPY … PROGRAM</c>), read its files or reach other databases (dblink). When the user is a superuser, a
/// login role of the moment (<c>hks_loader_PID_TIME…</c>: no superuser, no role or database creation, owner of that one
/// database only) does the loading; afterwards what it made is handed to the user and the role dropped. A user without
/// those rights loads as itself.
/// </summary>
public sealed class RestrictedLoader : IAsyncDisposable
{
    public const string RolePrefix = "hks_loader_";

    private readonly DatabaseTarget _owner;
    private readonly string? _role;
    private readonly string? _originalOwner;

    private RestrictedLoader(DatabaseTarget owner, DatabaseTarget loader, string? role, string? originalOwner)
    {
        _owner = owner;
        Target = loader;
        _role = role;
        _originalOwner = originalOwner;
    }

    /// <summary>The connection the file is loaded through.</summary>
    public DatabaseTarget Target { get; }

    public static async Task<RestrictedLoader> CreateAsync(DatabaseTarget into, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(into.ConnectionString + ";Pooling=false");
        await connection.OpenAsync(cancellationToken);
        // MEMBER, not USAGE: a NOINHERIT member can still SET ROLE to those roles. A CREATEROLE user can grant itself them.
        var rights = await connection.QuerySingleAsync<Rights>(
            """
            SELECT r.rolsuper AS "Super", r.rolcreaterole AS "CreateRole",
                   pg_has_role(current_user, 'pg_execute_server_program', 'MEMBER') OR pg_has_role(current_user, 'pg_read_server_files', 'MEMBER')
                       OR pg_has_role(current_user, 'pg_write_server_files', 'MEMBER') AS "ServerFiles",
                   pg_get_userbyid(d.datdba) AS "Owner"
            FROM pg_roles r, pg_database d WHERE r.rolname = current_user AND d.datname = current_database()
            """, cancellationToken);
        if (!rights.Super && !rights.CreateRole)
        {
            return rights.ServerFiles
                ? throw HksException.Refused("UnsafeLoadRefused",
                    $"{new NpgsqlConnectionStringBuilder(into.ConnectionString).Username} may run programs or read files on the server: a file from outside is loaded only by a user without those rights")
                : new RestrictedLoader(into, into, null, null);
        }
        // Process id, then time and a random tail (two loads of one process may start in the same millisecond).
        var role = string.Create(CultureInfo.InvariantCulture, $"{RolePrefix}{Environment.ProcessId}_{DateTime.UtcNow:yyyyMMddHHmmssfff}{RandomNumberGenerator.GetHexString(6, lowercase: true)}");
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await connection.ExecuteAsync(
            $"CREATE ROLE {Quote(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS CONNECTION LIMIT 1 " +
            $"PASSWORD '{ScramVerifier.For(password)}' VALID UNTIL '{DateTime.UtcNow.AddDays(1):yyyy-MM-dd HH:mm:ss}+00'", cancellationToken);
        if (!rights.Super)
        {
            // A CREATEROLE user may hand the database to the role only as a member of it (and takes it back the same way).
            await connection.ExecuteAsync($"GRANT {Quote(role)} TO CURRENT_USER", cancellationToken);
        }
        await connection.ExecuteAsync($"ALTER DATABASE {Quote(into.DatabaseName)} OWNER TO {Quote(role)}", cancellationToken);
        // A data-only load goes into tables that exist already: the role may fill them (DROP OWNED takes this back).
        await connection.ExecuteAsync($$"""
            DO $grant$ DECLARE s text; BEGIN
                FOR s IN SELECT nspname FROM pg_namespace WHERE nspname <> 'information_schema' AND nspname !~ '^pg_' LOOP
                    EXECUTE format('GRANT USAGE, CREATE ON SCHEMA %I TO %I', s, '{{role}}');
                    EXECUTE format('GRANT ALL ON ALL TABLES IN SCHEMA %I TO %I', s, '{{role}}');
                    EXECUTE format('GRANT ALL ON ALL SEQUENCES IN SCHEMA %I TO %I', s, '{{role}}');
                END LOOP;
            END $grant$
            """, cancellationToken);
        var builder = new NpgsqlConnectionStringBuilder(into.ConnectionString) { Username = role, Password = password, Passfile = null, Pooling = false };
        return new RestrictedLoader(into, into with { ConnectionString = builder.ConnectionString }, role, rights.Owner);
    }

    /// <summary>
    /// Refuses what the load made that would act with other rights once handed over: a SECURITY DEFINER function runs
    /// as its owner, who after the hand-over is the user. pg_dump of the prototype's databases has none.
    /// </summary>
    public static async Task RequireNoDefinerRightsAsync(NpgsqlConnection loaded, string source, CancellationToken cancellationToken)
    {
        var definers = (await loaded.QueryAsync<string>(
            """
            SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE p.prosecdef AND n.nspname <> 'information_schema' AND n.nspname !~ '^pg_' ORDER BY 1 LIMIT 3
            """, cancellationToken)).ToList();
        if (definers.Count > 0)
        {
            throw HksException.Refused("SecurityDefinerInDump",
                $"{source} creates SECURITY DEFINER functions ({string.Join(", ", definers)}), which would run with the restoring user's rights; nothing was kept");
        }
    }

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(Target.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException)
        {
            await connection.DisposeAsync();
            throw _role is null
                ? Database.Explain(error, Target)
                : HksException.Environment("LoaderLoginRefused",
                    $"the server did not let hks's restricted role {_role} log in to load the file ({FirstLine(error.Message)}): allow password logins from this host in pg_hba.conf; a file from outside is never loaded as a superuser");
        }
    }

    /// <summary>
    /// What the load made goes to the user; the role is dropped. Also when the load failed (the caller drops the
    /// database). Settings the load may have given the database (a search_path that puts its own objects before the
    /// catalog's, say) are removed from the maintenance database before the user's first connection to it, and that
    /// connection searches the catalog only.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_role is null)
        {
            return;
        }
        await using (var maintenance = await OpenMaintenanceAsync(_owner))
        {
            await maintenance.ExecuteAsync(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = @role", new { role = _role });
            await maintenance.ExecuteAsync($"ALTER DATABASE {Quote(_owner.DatabaseName)} RESET ALL");
            await maintenance.ExecuteAsync($"ALTER DATABASE {Quote(_owner.DatabaseName)} OWNER TO {Quote(_originalOwner!)}");
        }
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_owner.ConnectionString) { Pooling = false, SearchPath = "pg_catalog" }.ConnectionString))
        {
            await connection.OpenAsync(CancellationToken.None);
            await connection.ExecuteAsync($"REASSIGN OWNED BY {Quote(_role)} TO CURRENT_USER");
            await connection.ExecuteAsync($"DROP OWNED BY {Quote(_role)}");
            await DropRoleAsync(connection, _role);
        }
    }

    /// <summary>Roles of loads whose hks process died (a kill): their databases were scratch databases, dropped first.</summary>
    public static async Task<IReadOnlyList<string>> DropAbandonedAsync(NpgsqlConnection maintenance, CancellationToken cancellationToken)
    {
        var roles = await maintenance.QueryAsync<string>(
            "SELECT rolname FROM pg_roles WHERE rolname LIKE 'hks\\_loader\\_%' ORDER BY rolname", cancellationToken);
        var dropped = new List<string>();
        foreach (var role in roles.Where(r => Owner(r) is not { } pid || !ProcessIds.IsAlive(pid)))
        {
            try
            {
                await DropRoleAsync(maintenance, role);
                dropped.Add(role);
            }
            catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.DependentObjectsStillExist)
            {
                // It still owns objects in a database that is not a scratch one: left for the user to see.
            }
        }
        return dropped;
    }

    private static async Task<NpgsqlConnection> OpenMaintenanceAsync(DatabaseTarget target)
    {
        try
        {
            return await OpenAsync(target.WithDatabase("postgres"));
        }
        catch (PostgresException missing) when (missing.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return await OpenAsync(target.WithDatabase("template1"));
        }

        static async Task<NpgsqlConnection> OpenAsync(DatabaseTarget database)
        {
            var connection = new NpgsqlConnection(database.ConnectionString + ";Pooling=false");
            try
            {
                await connection.OpenAsync(CancellationToken.None);
                return connection;
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }
    }

    private static async Task DropRoleAsync(NpgsqlConnection connection, string role) =>
        await connection.ExecuteAsync($"DROP ROLE IF EXISTS {Quote(role)}");

    private static int? Owner(string role)
    {
        var parts = role[RolePrefix.Length..].Split('_');
        return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    internal sealed record Rights(bool Super, bool CreateRole, bool ServerFiles, string Owner);
}
