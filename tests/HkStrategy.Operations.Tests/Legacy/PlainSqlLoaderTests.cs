using HkStrategy.Core.Failures;
using HkStrategy.Operations.Legacy;
using HkStrategy.Testing;

namespace HkStrategy.Operations.Tests.Legacy;

public sealed class PlainSqlLoaderTests
{
    private const string Header = "--\n-- PostgreSQL database dump\n--\n\nSET standard_conforming_strings = on;\n";
    private const string Trailer = "\n--\n-- PostgreSQL database dump complete\n--\n";

    /// <summary>What a loader role still owns or holds in this database (other tests load beside it, so roles are counted here only).</summary>
    private static Task<long> LoaderLeftoversAsync(TestDatabase db) => db.ScalarAsync<long>("""
        SELECT (SELECT COUNT(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname LIKE 'hks\_loader\_%')
             + (SELECT COUNT(*) FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba WHERE d.datname = current_database() AND r.rolname LIKE 'hks\_loader\_%')
             + (SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND usename LIKE 'hks\_loader\_%')
        """);

    private static async Task<string> DumpAsync(string body, string name = "dump.sql")
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("hks-dump-").FullName, name);
        await File.WriteAllTextAsync(path, Header + body + Trailer);
        return path;
    }

    [Fact]
    public async Task APrototypeDump_LoadsWithEveryObjectOwnedByTheLoadingUser_AndNoLoaderRoleLeft()
    {
        await using var db = await TestDatabase.CreateAsync();

        await PlainSqlLoader.LoadAsync(db.Database, Fixtures.PrototypeTransitional, CancellationToken.None);

        Assert.True(await db.ScalarAsync<long>("SELECT COUNT(*) FROM portfolio_positions") > 0);
        Assert.True(await db.ScalarAsync<bool>("SELECT to_regprocedure('public.update_strategy_timestamp()') IS NOT NULL"));
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT COUNT(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = current_user)"));
        Assert.Equal(0, await LoaderLeftoversAsync(db));
        Assert.Equal(await db.ScalarAsync<string>("SELECT current_user"), await db.ScalarAsync<string>("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"));
    }

    [Fact]
    public async Task ABrokenDump_LoadsNothing_AndNamesTheLine()
    {
        await using var db = await TestDatabase.CreateAsync();
        var broken = await DumpAsync("CREATE TABLE first_table (id int);\nCREATE TABLE oops (id nonexistent_type);\n");

        var error = await Assert.ThrowsAsync<HksException>(() => PlainSqlLoader.LoadAsync(db.Database, broken, CancellationToken.None));

        Assert.Equal("SqlLoadFailed", error.Name);
        Assert.Contains("line 7", error.Message, StringComparison.Ordinal);
        Assert.False(await db.ScalarAsync<bool>("SELECT to_regclass('public.first_table') IS NOT NULL"));
    }

    [Fact]
    public async Task ACraftedDump_WithMetaCommands_RunsNothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var marker = Path.Combine(Path.GetTempPath(), $"hks-shell-{Guid.NewGuid():N}");
        var crafted = await DumpAsync($"CREATE TABLE planted (id int);\n\\! id > {marker}\n\\c postgres\nCREATE TABLE elsewhere (id int);\n");

        var error = await Assert.ThrowsAsync<HksException>(() => PlainSqlLoader.LoadAsync(db.Database, crafted, CancellationToken.None));

        Assert.Equal("MetaCommandInDump", error.Name);
        Assert.Contains("line 7", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(marker));
        Assert.False(await db.ScalarAsync<bool>("SELECT to_regclass('public.planted') IS NOT NULL"));
    }

    [Theory]
    [InlineData("SELECT pg_read_file('/etc/hostname');")]
    [InlineData("CREATE EXTENSION dblink;")]
    [InlineData("CREATE FUNCTION evil() RETURNS void LANGUAGE plpgsql AS $$BEGIN EXECUTE 'COPY (SELECT 1) TO PROGRAM ''true'''; END$$;\nSELECT evil();")]
    [InlineData("DO $$ BEGIN EXECUTE 'ALTER ROLE ' || quote_ident(current_user) || ' SUPERUSER'; END $$;")]
    [InlineData("DO $$ BEGIN EXECUTE 'GRANT pg_execute_server_program TO ' || quote_ident(current_user); END $$;")]
    public async Task StatementsThatReachBeyondTheDatabase_FailForLackOfRights(string statement)
    {
        await using var db = await TestDatabase.CreateAsync();
        var crafted = await DumpAsync("CREATE TABLE planted (id int);\n" + statement + "\n");

        var error = await Assert.ThrowsAsync<HksException>(() => PlainSqlLoader.LoadAsync(db.Database, crafted, CancellationToken.None));

        Assert.Equal("SqlLoadFailed", error.Name);
        Assert.False(await db.ScalarAsync<bool>("SELECT to_regclass('public.planted') IS NOT NULL"));
        Assert.Equal(0, await LoaderLeftoversAsync(db));
    }

    [Fact]
    public async Task SettingsTheLoadGivesItsDatabase_AreRemoved_BeforeTheUserConnects()
    {
        await using var db = await TestDatabase.CreateAsync();
        var dump = await DumpAsync("""
            DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET search_path = public, pg_catalog', current_database()); END $$;
            CREATE VIEW public.pg_stat_activity AS SELECT 0 AS pid, ''::name AS usename;
            """);

        await PlainSqlLoader.LoadAsync(db.Database, dump, CancellationToken.None);

        Assert.Equal(0, await db.ScalarAsync<long>("SELECT COUNT(*) FROM pg_db_role_setting WHERE setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())"));
    }

    [Fact]
    public async Task SecurityDefinerFunctions_AreRefused()
    {
        await using var db = await TestDatabase.CreateAsync();
        var dump = await DumpAsync("CREATE FUNCTION public.as_owner() RETURNS int LANGUAGE sql SECURITY DEFINER AS $$ SELECT 1 $$;");

        var error = await Assert.ThrowsAsync<HksException>(() => PlainSqlLoader.LoadAsync(db.Database, dump, CancellationToken.None));

        Assert.Equal("SecurityDefinerInDump", error.Name);
        Assert.False(await db.ScalarAsync<bool>("SELECT to_regprocedure('public.as_owner()') IS NOT NULL"));
    }

    [Fact]
    public async Task ABadCopyRow_IsNamedByItsLineInTheDump()
    {
        await using var db = await TestDatabase.CreateAsync();
        var dump = await DumpAsync("CREATE TABLE public.t (a int);\nCOPY public.t (a) FROM stdin;\n1\n2\nthree\n\\.\n");

        var error = await Assert.ThrowsAsync<HksException>(() => PlainSqlLoader.LoadAsync(db.Database, dump, CancellationToken.None));

        Assert.Contains("line 10:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SqlStandardFunctionBodies_AndRules_LoadWhole()
    {
        await using var db = await TestDatabase.CreateAsync();
        var dump = await DumpAsync("""
            CREATE TABLE public.t (a int);
            CREATE TABLE public.u (a int);
            CREATE FUNCTION public.two() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 2 END; END;
            CREATE RULE r AS ON INSERT TO public.t DO ( INSERT INTO public.u VALUES (NEW.a); INSERT INTO public.u VALUES (NEW.a + 1); );
            INSERT INTO public.t VALUES (5);
            COPY public.t (a) FROM stdin;
            6
            \.
            """);

        await PlainSqlLoader.LoadAsync(db.Database, dump, CancellationToken.None);

        Assert.Equal(2, await db.ScalarAsync<int>("SELECT public.two()"));
        Assert.Equal(2, await db.ScalarAsync<long>("SELECT COUNT(*) FROM public.u"));
        Assert.Equal(2, await db.ScalarAsync<long>("SELECT COUNT(*) FROM public.t"));
    }
}
