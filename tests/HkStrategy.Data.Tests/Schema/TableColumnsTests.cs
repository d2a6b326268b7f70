using System.Globalization;
using HkStrategy.Data.Portfolios.Exchange;
using HkStrategy.Data.Positions;
using HkStrategy.Data.Schema;
using HkStrategy.Testing;

namespace HkStrategy.Data.Tests.Schema;

/// <summary>The column lists the copies are written from are the tables' own, and every rule travels everywhere.</summary>
public sealed class TableColumnsTests
{
    [Theory]
    [InlineData("position_rules")]
    [InlineData("portfolio_positions")]
    public async Task EachListedTable_AtTheLatestVersion_HasExactlyTheListedColumns_InOrder(string table)
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.MigrateAsync();

        var columns = await db.QueryAsync<string>(
            "SELECT column_name::text FROM information_schema.columns WHERE table_schema = 'public' AND table_name = @table ORDER BY ordinal_position", new { table });

        Assert.Equal(table == "position_rules" ? TableColumns.PositionRules : TableColumns.PortfolioPositions, columns);
    }

    [Fact]
    public async Task ThePositionsDerivedColumns_AreTheOnesTheServerMakes()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.MigrateAsync();

        var derived = await db.QueryAsync<string>("""
            SELECT column_name::text FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = 'portfolio_positions' AND (is_generated = 'ALWAYS' OR column_default LIKE 'nextval(%')
            ORDER BY ordinal_position
            """);

        Assert.Equal(TableColumns.PositionDerived, derived);
    }

    [Theory]
    [InlineData(typeof(ExportedPosition))]
    [InlineData(typeof(Position))]
    public void EveryPositionValue_HasItsProperty_InTheDocumentAndThePosition(Type carrier) =>
        Assert.All(TableColumns.PositionValues, column => Assert.True(carrier.GetProperty(PositionProperty(column)) is not null,
            $"{carrier.Name} has no {PositionProperty(column)} for portfolio_positions.{column}"));

    [Fact]
    public void EveryPositionContentColumn_CanBeChangedByTheUser() =>
        Assert.All(TableColumns.PositionContent, column => Assert.True(typeof(PositionChange).GetProperty(PositionProperty(column)) is not null,
            $"PositionChange has no {PositionProperty(column)} for portfolio_positions.{column}"));

    [Theory]
    [InlineData(typeof(ExportedPosition))]
    [InlineData(typeof(Position))]
    [InlineData(typeof(RuleChange))]
    public void EveryRule_HasItsProperty_InTheDocumentThePositionAndTheChange(Type carrier)
    {
        var rules = TableColumns.PositionRuleValues.Where(c => c != "updated_at");

        Assert.All(rules, column => Assert.True(carrier.GetProperty(Pascal(column)) is not null, $"{carrier.Name} has no {Pascal(column)} for position_rules.{column}"));
    }

    /// <summary>The property a position column is read into: its name in Pascal case, but avg_cost is AverageCost.</summary>
    private static string PositionProperty(string column) => column == "avg_cost" ? "AverageCost" : Pascal(column);

    private static string Pascal(string column) =>
        string.Concat(column.Split('_').Select(part => char.ToUpper(part[0], CultureInfo.InvariantCulture) + part[1..]));
}
