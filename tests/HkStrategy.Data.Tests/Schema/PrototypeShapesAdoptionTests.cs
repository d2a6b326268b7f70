using HkStrategy.Data.Schema;
using HkStrategy.Operations.Integrity;
using HkStrategy.Testing;

namespace HkStrategy.Data.Tests.Schema;

/// <summary>
/// The prototype's version 2 as its later scripts left it: what they took away comes back empty, what they reshaped is
/// kept under another name, nothing of the user's is dropped, and each change is said.
/// </summary>
public sealed class PrototypeShapesAdoptionTests
{
    [Fact]
    public async Task AfterItsRemoveOldAnalysisTables_PortfolioAnalysesAndTheDashboardsTablesComeBack_AndOrphanedValuesAreKept()
    {
        await using var db = await PrototypeDatabases.ShapeAsync("v2-after-remove-old");
        var values = await db.ScalarAsync<long>("SELECT COUNT(*) FROM portfolio_value_history");

        var outcome = await db.MigrateAsync();

        Assert.Equal(SchemaShape.PrototypeMultiPortfolio, outcome.Adopted!.Shape);
        Assert.Contains("portfolio_analyses (dropped by the prototype's remove_old_analysis_tables.sql) created again, empty", outcome.AdoptionChanges);
        Assert.Contains(outcome.AdoptionChanges, c => c.StartsWith("the prototype dashboard's tables equity_strategy_analyses, portfolio_analysis_equities", StringComparison.Ordinal));
        Assert.True(values > 0, "the fixture has value history");
        Assert.Contains($"{values} value history row(s) of analyses the prototype dropped kept in hks_orphaned.portfolio_value_history", outcome.AdoptionChanges);
        Assert.Equal(values, await db.ScalarAsync<long>("SELECT COUNT(*) FROM hks_orphaned.portfolio_value_history"));
        Assert.True(await db.ScalarAsync<bool>("SELECT to_regclass('public.strategy_performance_summary') IS NOT NULL"));
        await PrototypeAssertions.AssertCleanAsync(db);
    }

    [Theory]
    [InlineData("v1-after-remove-old", SchemaShape.SinglePortfolio)]
    [InlineData("transitional-after-remove-old", SchemaShape.Transitional)]
    public async Task ItsRemoveOldAnalysisTables_OnAVersion1OrTransitionalDatabase_IsAdoptedToo(string shape, SchemaShape expected)
    {
        await using var db = await PrototypeDatabases.ShapeAsync(shape);

        var outcome = await db.MigrateAsync();

        Assert.Equal(expected, outcome.Adopted!.Shape);
        Assert.Contains("portfolio_analyses (dropped by the prototype's remove_old_analysis_tables.sql) created again, empty", outcome.AdoptionChanges);
        Assert.Equal(4_052_660.20m, await db.ScalarAsync<decimal>("SELECT SUM(market_value) FROM portfolio_positions"));
        await PrototypeAssertions.AssertCleanAsync(db);
    }

    [Fact]
    public async Task AfterItsNewAnalysisSchema_TheReshapedTableIsKeptAsPrototypeAnalyses_WithItsRowsAndItsLog()
    {
        await using var db = await PrototypeDatabases.ShapeAsync("v2-after-new-analysis");

        var outcome = await db.MigrateAsync();

        Assert.Contains("portfolio_analyses in the shape of the prototype's create_new_analysis_schema.sql kept as prototype_analyses (1 row(s))", outcome.AdoptionChanges);
        Assert.Equal("Q3 review", await db.ScalarAsync<string>("SELECT analysis_name FROM prototype_analyses"));
        Assert.Equal(2, await db.ScalarAsync<long>("SELECT COUNT(*) FROM portfolio_analysis_state_changes s JOIN prototype_analyses a ON a.id = s.analysis_id"));
        Assert.True(await db.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'portfolio_analyses' AND column_name = 'name')"));
        await PrototypeAssertions.AssertCleanAsync(db);
    }

    [Fact]
    public async Task ItsMigrationOnAVersion1WithoutTheDashboard_IsAdopted_WithTheDashboardsTablesCreated_AndItsOwnPortfoliosKept()
    {
        await using var db = await PrototypeDatabases.ShapeAsync("v1-migrated");

        var outcome = await db.MigrateAsync();

        Assert.Equal(SchemaShape.PrototypeMultiPortfolio, outcome.Adopted!.Shape);
        Assert.Contains(outcome.AdoptionChanges, c => c.StartsWith("the prototype dashboard's tables portfolio_holdings, strategies", StringComparison.Ordinal));
        Assert.Equal(12, await db.ScalarAsync<long>("SELECT COUNT(*) FROM portfolio_positions WHERE portfolio_id = 'DEFAULT'"));
        Assert.Equal(4_052_660.20m, await db.ScalarAsync<decimal>("SELECT SUM(market_value) FROM portfolio_positions"));
        Assert.Equal(1, await db.ScalarAsync<int>("SELECT id FROM portfolios WHERE portfolio_id = 'DEFAULT'")); // its own column, kept
        Assert.Contains("portfolios is keyed by portfolio_id (its id column is kept, no longer the key)", outcome.AdoptionChanges);
        await PrototypeAssertions.AssertCleanAsync(db);
    }

    [Theory]
    [InlineData("v2-after-remove-old", "My_HKEX_ALL")]
    [InlineData("v2-after-new-analysis", "My_HKEX_ALL")]
    [InlineData("v2-with-signals", "My_HKEX_ALL")]
    [InlineData("v1-migrated", "DEFAULT")]
    [InlineData("v1-after-remove-old", "DEFAULT")]
    [InlineData("transitional-after-remove-old", "My_HKEX_ALL")]
    public async Task EachShape_RollsBackToVersion1AndMigratesAgain_WithEveryRowIdentical(string shape, string kept)
    {
        await using var db = await PrototypeDatabases.ShapeAsync(shape);
        await db.MigrateAsync();
        var byName = shape == "v2-with-signals"; // its four columns on trading_signals come back before portfolio_id
        var migrated = await TableSnapshot.TakeAsync(db, byColumnName: byName);

        await db.MigrateAsync(to: 1, settings: new Dictionary<string, string> { ["keep_portfolio"] = kept });
        await db.MigrateAsync();

        Assert.Equal(migrated, await TableSnapshot.TakeAsync(db, byColumnName: byName));
    }

    [Fact]
    public async Task AUsersOwnRequiredColumn_OnTradingSignals_KeepsItsValuesThroughARollbackTo1_AndIsRequiredAgain()
    {
        await using var db = await PrototypeDatabases.ShapeAsync("v2");
        await db.MigrateAsync();
        await db.ExecuteAsync("""
            ALTER TABLE trading_signals ADD COLUMN reviewed_by text;
            UPDATE trading_signals SET reviewed_by = 'me';
            ALTER TABLE trading_signals ALTER COLUMN reviewed_by SET NOT NULL;
            INSERT INTO portfolio_positions (portfolio_id, symbol, quantity, avg_cost, current_price) VALUES ('HKEX_NonTech', '0005.HK', 500, 60, 100.1);
            INSERT INTO trading_signals (portfolio_id, symbol, signal_type, price, reviewed_by) VALUES ('HKEX_NonTech', '0005.HK', 'B', 99.5, 'my partner');
            """);
        var migrated = await TableSnapshot.TakeAsync(db, byColumnName: true);

        await db.MigrateAsync(to: 1, settings: new Dictionary<string, string> { ["keep_portfolio"] = "My_HKEX_ALL" });
        await db.MigrateAsync();

        Assert.Equal(migrated, await TableSnapshot.TakeAsync(db, byColumnName: true));
        Assert.True(await db.ScalarAsync<bool>("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'trading_signals'::regclass AND attname = 'reviewed_by'"));
    }

    [Fact]
    public async Task AColumnDroppedWhileAtVersion1_KeepsTheArchivedRowsValuesApart_AndTheMigrationGoesOn()
    {
        await using var db = await PrototypeDatabases.ShapeAsync("v2-with-signals");
        await db.MigrateAsync();
        await db.ExecuteAsync("""
            INSERT INTO portfolio_positions (portfolio_id, symbol, quantity, avg_cost, current_price) VALUES ('HKEX_NonTech', '0005.HK', 500, 60, 100.1);
            INSERT INTO trading_signals (portfolio_id, symbol, signal_type, price, evidence) VALUES ('HKEX_NonTech', '0005.HK', 'SOVB3', 101.5, '{"kept": true}');
            """);
        await db.MigrateAsync(to: 1, settings: new Dictionary<string, string> { ["keep_portfolio"] = "My_HKEX_ALL" });
        await db.ExecuteAsync("ALTER TABLE trading_signals DROP COLUMN evidence");

        await db.MigrateAsync();

        Assert.Equal("""{"kept": true}""", await db.ScalarAsync<string>(
            "SELECT evidence::text FROM hks_orphaned.\"" + await db.ScalarAsync<string>("SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'hks_orphaned' AND relname LIKE 'trading_signals_columns_%'") + "\" WHERE evidence IS NOT NULL"));
        Assert.Equal("BBRK9", await db.ScalarAsync<string>("SELECT strategy_key FROM trading_signals WHERE signal_type = 'BBRK9'"));
    }

    [Theory]
    [InlineData("v2")]
    [InlineData("v2-after-new-analysis")]
    [InlineData("v1-migrated")]
    public async Task ThePrototypesIndexesAndSummaryView_ComeBackAfterARollbackTo1_SoTheSchemaIsTheSame(string shape)
    {
        await using var db = await PrototypeDatabases.ShapeAsync(shape);
        await db.MigrateAsync();
        var schema = await SchemaSnapshot.TakeAsync(db);

        await db.MigrateAsync(to: 1, settings: new Dictionary<string, string> { ["keep_portfolio"] = shape == "v1-migrated" ? "DEFAULT" : "My_HKEX_ALL" });
        var kept = await db.QueryAsync<string>("SELECT name FROM hks_archive_extras.definitions ORDER BY name");
        await db.MigrateAsync();

        Assert.Contains("idx_trading_signals_portfolio_id", kept);
        Assert.Equal(schema, await SchemaSnapshot.TakeAsync(db));
    }

    [Fact]
    public async Task ColumnsThePrototypeAddedToTradingSignals_KeepTheValuesOfAnArchivedPortfoliosRows_ThroughARollbackTo1()
    {
        await using var db = await PrototypeDatabases.ShapeAsync("v2-with-signals");
        await db.MigrateAsync();
        await db.ExecuteAsync("""
            INSERT INTO portfolio_positions (portfolio_id, symbol, company_name, quantity, avg_cost, current_price) VALUES ('HKEX_NonTech', '0005.HK', 'HSBC', 500, 60, 100.1);
            INSERT INTO trading_signals (portfolio_id, symbol, signal_type, price, strategy_key, action, strength, evidence)
            VALUES ('HKEX_NonTech', '0005.HK', 'SOVB3', 101.5, 'SOVB3', 'S', 3, '{"reasons": ["at target"]}');
            """);
        var migrated = await TableSnapshot.TakeAsync(db, byColumnName: true);

        await db.MigrateAsync(to: 1, settings: new Dictionary<string, string> { ["keep_portfolio"] = "My_HKEX_ALL" });
        var archived = await db.ScalarAsync<string>("SELECT evidence::text FROM hks_archive_extras.trading_signals");
        await db.MigrateAsync();

        Assert.Equal("""{"reasons": ["at target"]}""", archived);
        Assert.Equal(migrated, await TableSnapshot.TakeAsync(db, byColumnName: true));
        Assert.Equal(0, await db.ScalarAsync<int>("SELECT COUNT(*) FROM pg_namespace WHERE nspname LIKE 'hks\\_archive%'"));
    }

    [Theory]
    [InlineData("v2-after-remove-old")]
    [InlineData("v2-after-new-analysis")]
    [InlineData("v1-migrated")]
    [InlineData("v1-after-remove-old")]
    [InlineData("transitional-after-remove-old")]
    public async Task TheClassification_SaysWhatAdoptingWillCreate(string shape)
    {
        await using var db = await PrototypeDatabases.ShapeAsync(shape);
        await using var connection = await db.OpenAsync();

        var classification = await SchemaClassifier.ClassifyAsync(connection, CancellationToken.None);

        Assert.NotEqual(SchemaShape.Unknown, classification.Shape);
        Assert.Contains("adopting creates, empty:", classification.Explanation, StringComparison.Ordinal);
    }
}
