using System.Text.Json;
using HkStrategy.Testing;

namespace HkStrategy.Cli.Tests.Db;

public sealed class StatusCommandTests
{
    [Fact]
    public async Task StatusJson_OfTheDemoState_HasTheSeedsPortfoliosAndTotals()
    {
        await using var db = await TestDatabase.CreateAsync();
        Assert.Equal(0, (await HksProcess.RunAsync(["db", "seed", "--demo", "--database", db.Target.ConnectionString])).ExitCode);

        var run = await HksProcess.RunAsync(["db", "status", "--json", "--database", db.Target.ConnectionString]);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal(HkStrategy.Data.Schema.MigrationCatalog.Embedded.Latest, root.GetProperty("schemaVersion").GetInt32());
        Assert.StartsWith("15", root.GetProperty("serverVersion").GetString() is { } v && v.Length > 0 ? v[..2] : "", StringComparison.Ordinal);
        Assert.Equal(12, root.GetProperty("tables").GetProperty("portfolio_positions").GetInt32());
        Assert.Equal(
            ["My_HKEX_ALL", "HKEX_NonTech", "Backup_HKEXALL", "MyHKEX_Tech", "HKEXALL_Backup"],
            root.GetProperty("portfolios").EnumerateArray().Select(p => p.GetProperty("portfolioId").GetString()));
        Assert.Equal(12, root.GetProperty("portfolios")[0].GetProperty("positions").GetInt32());
        Assert.Equal(5, root.GetProperty("totals").GetProperty("portfolios").GetInt32());
        Assert.Equal(12, root.GetProperty("totals").GetProperty("positions").GetInt32());
        Assert.Equal("4052660.20", root.GetProperty("totals").GetProperty("marketValue").GetRawText());
        Assert.Equal("0.00", root.GetProperty("portfolios")[1].GetProperty("marketValue").GetRawText());
        Assert.Empty(root.GetProperty("warnings").EnumerateArray());
        Assert.DoesNotContain(db.Target.ConnectionString.Split("Password=")[1].Split(';')[0], run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_OfAPrototypeDatabase_WarnsAboutPendingMigrationsAndExits1()
    {
        await using var db = await TestDatabase.CreateAsync();
        await PrototypeDatabases.LoadAsync(db, Fixtures.PrototypeTransitional);

        var run = await HksProcess.RunAsync(["db", "status", "--json", "--database", db.Target.ConnectionString]);

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("schemaVersion").ValueKind);
        Assert.Equal("4052660.20", json.RootElement.GetProperty("totals").GetProperty("marketValue").GetRawText());
        var warnings = json.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Contains(warnings, w => w.Contains("pending", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("not assigned to portfolios", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Status_ReportsHoldingsWithoutPositions_AndMigrateTurnsThemIntoPositions()
    {
        await using var db = await TestDatabase.CreateAsync();
        await PrototypeDatabases.LoadAsync(db, Fixtures.PrototypeTransitional);
        Assert.Equal(0, (await HksProcess.RunAsync(["db", "migrate", "--database", db.Target.ConnectionString])).ExitCode);

        var before = await HksProcess.RunAsync(["db", "status", "--database", db.Target.ConnectionString]);
        var migrate = await HksProcess.RunAsync(["db", "migrate", "--holdings-as-positions", "--database", db.Target.ConnectionString]);

        Assert.Contains("portfolio HKEX_NonTech has 3 holding(s) but no positions", before.Out, StringComparison.Ordinal);
        Assert.Equal(0, migrate.ExitCode);
        Assert.Contains("5 holding(s) became positions", migrate.Out, StringComparison.Ordinal);
        Assert.Equal(100.100m, await db.ScalarAsync<decimal>("SELECT current_price FROM portfolio_positions WHERE portfolio_id = 'HKEX_NonTech' AND symbol = '0005.HK'"));
        Assert.Equal(70.000m, await db.ScalarAsync<decimal>("SELECT current_price FROM portfolio_positions WHERE portfolio_id = 'MyHKEX_Tech' AND symbol = '2382.HK'"));
        Assert.Equal("Other", await db.ScalarAsync<string>("SELECT sector FROM portfolio_positions WHERE symbol = '2382.HK'"));
        Assert.Equal(0, (await HksProcess.RunAsync(["db", "status", "--database", db.Target.ConnectionString])).ExitCode);
    }
}
