using HkStrategy.Data.Schema;

namespace HkStrategy.Data.Tests.Schema;

public sealed class SchemaClassifierTests
{
    private static readonly string[] PositionColumns = ["id", "symbol", "quantity", "avg_cost", "current_price", "market_value", "unrealized_pnl"];

    [Fact]
    public void NoTables_IsEmpty() =>
        Assert.Equal(SchemaShape.Empty, SchemaClassifier.Classify(new Dictionary<string, HashSet<string>>()).Shape);

    [Fact]
    public void LegacyTablesOnly_IsVersion1() =>
        Assert.Equal((SchemaShape.SinglePortfolio, (int?)1), Shape(Legacy()));

    [Fact]
    public void LegacyTablesWithPortfolios_IsTransitional() =>
        Assert.Equal((SchemaShape.Transitional, (int?)1), Shape(Legacy().With("portfolios", "portfolio_id")));

    [Fact]
    public void PortfolioIdEverywhere_IsVersion2()
    {
        var tables = Legacy().With("portfolios", "portfolio_id");
        foreach (var table in new[] { "portfolio_positions", "trading_signals", "price_history" })
        {
            tables[table].Add("portfolio_id");
        }
        Assert.Equal((SchemaShape.MultiPortfolio, (int?)2), Shape(tables));
    }

    [Fact]
    public void EachVersionsTables_TellVersions3To7Apart_AndHalfOfOnesTablesIsUnknown()
    {
        var tables = Legacy().With("portfolios", "portfolio_id");
        foreach (var table in new[] { "portfolio_positions", "trading_signals", "price_history" })
        {
            tables[table].Add("portfolio_id");
        }
        foreach (var table in SchemaClassifier.MarketDataTables)
        {
            tables.With(table, "portfolio_id", "symbol");
        }

        var version3 = Shape(tables);
        tables["position_rules"].UnionWith(SchemaClassifier.OverlayColumns);

        Assert.Equal((SchemaShape.MultiPortfolio, (int?)3), version3);
        Assert.Equal((SchemaShape.MultiPortfolio, (int?)4), Shape(tables));

        tables.With("activities", "id", "portfolio_id");
        var halfTheLedger = Shape(tables);
        tables.With("activity_journal", "id", "activity_id");

        Assert.Equal((SchemaShape.Unknown, (int?)null), halfTheLedger);
        Assert.Equal((SchemaShape.MultiPortfolio, (int?)5), Shape(tables));
        tables.With("broker_profiles", "portfolio_id", "commission_rate");
        Assert.Equal((SchemaShape.MultiPortfolio, (int?)6), Shape(tables));
        tables.With("close_series", "symbol", "closes");
        Assert.Equal((SchemaShape.MultiPortfolio, (int?)7), Shape(tables));
        tables.Remove("broker_profiles");
        Assert.Equal((SchemaShape.Unknown, (int?)null), Shape(tables)); // close series without version 6's profiles
        tables.With("broker_profiles", "portfolio_id", "commission_rate");
        tables.Remove("close_series");
        tables.Remove("activity_journal");
        Assert.Equal((SchemaShape.Unknown, (int?)null), Shape(tables)); // broker profiles without the whole ledger
        tables.With("activity_journal", "id", "activity_id");
        tables["position_rules"].ExceptWith(SchemaClassifier.OverlayColumns);
        Assert.Equal((SchemaShape.Unknown, (int?)null), Shape(tables)); // the ledger without version 4's overlays
    }

    [Fact]
    public void HksVersion2Tables_WithoutPortfolioAnalyses_AreUnknown_NotAdoptedWithoutIt()
    {
        var tables = Legacy().With("portfolios", "portfolio_id");
        foreach (var table in new[] { "portfolio_positions", "trading_signals", "price_history" })
        {
            tables[table].Add("portfolio_id");
        }
        tables.Remove("portfolio_analyses");

        var classification = SchemaClassifier.Classify(tables); // hks's keys: not the prototype's own v2

        Assert.Equal(SchemaShape.Unknown, classification.Shape);
        Assert.Contains("portfolio_analyses", classification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Version1WithoutPortfolioAnalyses_IsAdoptedAsVersion1_ThatCreatesIt()
    {
        var tables = Legacy();
        tables.Remove("portfolio_analyses");

        var classification = SchemaClassifier.Classify(tables);

        Assert.Equal((SchemaShape.SinglePortfolio, (int?)1), (classification.Shape, classification.Version));
        Assert.StartsWith("portfolio_analyses", Assert.Single(classification.Recreates), StringComparison.Ordinal);
    }

    [Fact]
    public void UnrelatedTables_AreUnknownAndSayWhatIsMissing()
    {
        var classification = SchemaClassifier.Classify(new Dictionary<string, HashSet<string>> { ["customers"] = ["id"] });

        Assert.Equal(SchemaShape.Unknown, classification.Shape);
        Assert.Contains("portfolio_positions", classification.Reason, StringComparison.Ordinal);
    }

    private static (SchemaShape, int?) Shape(Dictionary<string, HashSet<string>> tables)
    {
        var classification = SchemaClassifier.Classify(tables);
        return (classification.Shape, classification.Version);
    }

    private static Dictionary<string, HashSet<string>> Legacy()
    {
        var tables = SchemaClassifier.LegacyTables.ToDictionary(t => t, _ => new HashSet<string> { "id", "symbol" });
        tables["portfolio_positions"] = [.. PositionColumns];
        tables["portfolio_analyses"].Add("name");
        return tables;
    }
}

internal static class TableShapeExtensions
{
    public static Dictionary<string, HashSet<string>> With(this Dictionary<string, HashSet<string>> tables, string table, params string[] columns)
    {
        tables[table] = [.. columns];
        return tables;
    }
}
