using HkStrategy.Data.Schema;
using HkStrategy.Operations.Content;
using HkStrategy.Operations.Integrity;
using HkStrategy.Testing;

namespace HkStrategy.Data.Tests.Schema;

/// <summary>
/// The prototype's own later scripts, run with psql on its version 2 as its users ran them (going on past the
/// statements that fail), then the database adopted and taken through a rollback to version 1 and back.
/// </summary>
public sealed class PrototypeLaterScriptsTests
{
    [PrototypeFact]
    public async Task EveryLaterScriptInTurn_EndingWithRemoveOldAnalysisTables_IsAdopted_AndRollsBackAndForthWithEveryRow()
    {
        await using var db = await PrototypeDatabases.PrototypeV2ByItsScriptAsync();
        foreach (var script in new[] { "migration_v2_to_v3.sql", "create_new_analysis_schema.sql", "init_dashboard_extensions.sql",
                     "strategic_signal_final_migration.sql", "create_daily_equity_technicals.sql", "remove_old_analysis_tables.sql" })
        {
            await PrototypeScripts.RunAsync(db, script, onErrorStop: false);
        }

        var outcome = await db.MigrateAsync();

        Assert.Equal(SchemaShape.PrototypeMultiPortfolio, outcome.Adopted!.Shape);
        Assert.Contains("portfolio_analyses (dropped by the prototype's remove_old_analysis_tables.sql) created again, empty", outcome.AdoptionChanges);
        Assert.True(await db.ScalarAsync<bool>("SELECT to_regclass('public.daily_equity_technicals') IS NOT NULL AND to_regclass('public.indicator_snapshot') IS NOT NULL"));
        await PrototypeAssertions.AssertTheSeedsNumbersAsync(db);
        await AssertRoundTripAsync(db, "My_HKEX_ALL", byColumnName: true); // strategic_signal_final_migration.sql's columns come back before portfolio_id
    }

    [PrototypeFact]
    public async Task ItsNewAnalysisSchema_AfterRemoveOldAnalysisTables_IsKeptAsPrototypeAnalyses()
    {
        await using var db = await PrototypeDatabases.PrototypeV2ByItsScriptAsync();
        await PrototypeScripts.RunAsync(db, "remove_old_analysis_tables.sql", onErrorStop: false);
        await PrototypeScripts.RunAsync(db, "create_new_analysis_schema.sql", onErrorStop: false);

        var outcome = await db.MigrateAsync();

        Assert.Contains(outcome.AdoptionChanges, c => c.StartsWith("portfolio_analyses in the shape of the prototype's create_new_analysis_schema.sql kept as prototype_analyses", StringComparison.Ordinal));
        Assert.True(await db.ScalarAsync<bool>("SELECT to_regclass('public.portfolio_analysis_state_changes') IS NOT NULL"));
        await PrototypeAssertions.AssertTheSeedsNumbersAsync(db);
        await AssertRoundTripAsync(db, "My_HKEX_ALL");
    }

    [PrototypeFact]
    public async Task ItsMigration_OnAVersion1ItsDashboardNeverOpened_IsAdopted()
    {
        await using var db = await TestDatabase.CreateAsync();
        await PrototypeDatabases.LoadAsync(db, Fixtures.PrototypeV1);
        var ran = await PrototypeScripts.RunAsync(db, "migration_v1_to_v2.sql");
        Assert.True(ran.ExitCode == 0, ran.StandardError);

        var outcome = await db.MigrateAsync();

        Assert.Equal(SchemaShape.PrototypeMultiPortfolio, outcome.Adopted!.Shape);
        Assert.Equal(4_052_660.20m, await db.ScalarAsync<decimal>("SELECT SUM(market_value) FROM portfolio_positions WHERE portfolio_id = 'DEFAULT'"));
        await PrototypeAssertions.AssertCleanAsync(db);
        await AssertRoundTripAsync(db, "DEFAULT");
    }

    private static async Task AssertRoundTripAsync(TestDatabase db, string kept, bool byColumnName = false)
    {
        var migrated = await TableSnapshot.TakeAsync(db, byColumnName: byColumnName);
        await db.MigrateAsync(1, new Dictionary<string, string> { ["keep_portfolio"] = kept });
        await db.MigrateAsync();
        Assert.Equal(migrated, await TableSnapshot.TakeAsync(db, byColumnName: byColumnName));
    }
}
