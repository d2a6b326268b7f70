using System.Text.Json;
using HkStrategy.Testing;

namespace HkStrategy.Cli.Tests.Launcher;

/// <summary>
/// <c>./hks</c> builds hks as a native program (compiled ahead of time) and runs it. The rest of the suite runs hks on
/// the JIT, where reflection always works; this runs the native program through the paths that would break without
/// it: every kind of query (Dapper.AOT's generated code, array parameters of each type), every JSON written and read
/// (generated contexts), pg_dump and pg_restore.
/// </summary>
public sealed class NativeLauncherTests
{
    private static readonly string Root = Checkout.Root;
    private static readonly string Launcher = Path.Combine(Root, "hks");

    [Fact]
    public async Task TheLauncher_BuildsANativeProgram_ThatReadsWritesBacksUpAndChecksLikeTheTestedOne()
    {
        // The first run builds (the native compile takes a minute or two on two cores).
        var version = await Launch(["--version"], TimeSpan.FromMinutes(15));
        Assert.True(version.ExitCode == 0, version.Error);
        Assert.True(File.Exists(Path.Combine(Root, ".build", "hks", ".native")),
            "the launcher fell back to a .NET build: the native compile needs a C linker (gcc or clang) and NuGet's ILCompiler package");

        await using var db = await DemoDatabases.SeededAsync();
        var folder = Directory.CreateTempSubdirectory("hks-native-").FullName;
        try
        {
            var status = await Json(db, "db", "status", "--json");
            Assert.Equal(4052660.20m, status.GetProperty("totals").GetProperty("marketValue").GetDecimal());

            var portfolios = await Json(db, "portfolio", "list", "--json");
            Assert.Equal(4052660.20m, portfolios.EnumerateArray().Single(p => p.GetProperty("portfolioId").GetString() == "My_HKEX_ALL").GetProperty("marketValue").GetDecimal());

            var document = Path.Combine(folder, "all.json");
            Assert.Equal(0, (await Run(db, "portfolio", "export", "My_HKEX_ALL", "--out", document)).ExitCode);
            var imported = await Json(db, "portfolio", "import", document, "--as", "Native_Copy", "--yes", "--json");
            Assert.Equal(12, imported.GetProperty("outcome").GetProperty("positionsAdded").GetInt32());
            Assert.Equal(4052660.20m, await db.ScalarAsync<decimal>("SELECT SUM(market_value) FROM portfolio_positions WHERE portfolio_id = 'Native_Copy'"));

            var added = await Json(db, "position", "add", "Native_Copy", "2800.HK", "--quantity", "500", "--avg-cost", "24.5", "--json");
            Assert.Equal("2800.HK", added.GetProperty("symbol").GetString());

            var bought = await Json(db, "activity", "add", "Native_Copy", "--type", "buy", "--date", "2024-06-03", "--symbol", "3988.HK",
                "--quantity", "2000", "--price", "3.9", "--json");
            Assert.Equal("2.00", bought.GetProperty("fees").GetProperty("settlementFee").GetRawText());
            var edited = await Json(db, "activity", "edit", bought.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--quantity", "1000", "--json");
            Assert.Equal(1000, edited.GetProperty("position").GetProperty("quantity").GetInt32());
            var ledger = await Json(db, "activity", "list", "Native_Copy", "--symbol", "3988.HK", "--json");
            Assert.Equal(["buy"], ledger.EnumerateArray().Select(a => a.GetProperty("type").GetString()));

            var signals = await Json(db, "signals", "generate", "--portfolio", "My_HKEX_ALL", "--json");
            Assert.True(signals.GetProperty("runId").GetInt32() > 0);

            var backup = await Json(db, "backup", "create", "--json");
            var archive = backup.GetProperty("path").GetString()!;
            var verified = await Json(db, "backup", "verify", archive, "--json");
            Assert.True(verified.GetProperty("verified").GetBoolean());

            var check = await Run(db, "check", "--json");
            Assert.True(check.ExitCode == 0, check.Out + check.Error);
            Assert.All(JsonDocument.Parse(check.Out).RootElement.EnumerateArray(), f => Assert.NotEqual("error", f.GetProperty("severity").GetString()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<JsonElement> Json(TestDatabase db, params string[] args)
    {
        var run = await Run(db, args);
        Assert.True(run.ExitCode == 0, $"hks {string.Join(' ', args)}: {run.Error}");
        return JsonDocument.Parse(run.Out).RootElement.Clone();
    }

    private static Task<HksRun> Run(TestDatabase db, params string[] args) => Launch([.. args, "--database", db.Target.ConnectionString], TimeSpan.FromMinutes(3));

    private static Task<HksRun> Launch(string[] args, TimeSpan timeLimit) => HksProcess.RunProgramAsync(Launcher, args, null, null, timeLimit);
}
