using System.Globalization;
using HkStrategy.Data.Portfolios.Exchange;
using HkStrategy.Data.Positions;
using HkStrategy.Data.Schema;
using HkStrategy.Testing;

namespace HkStrategy.Data.Tests.Schema;

/// <summary>The column lists the copies are written from are the tables' own, and every rule travels everywhere.</summary>
public sealed class TableColumnsTests
{
    [Fact]
    public async Task PositionRules_AtTheLatestVersion_HasExactlyTheListedColumns_InOrder()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.MigrateAsync();

        var columns = await db.QueryAsync<string>(
            "SELECT column_name::text FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'position_rules' ORDER BY ordinal_position");

        Assert.Equal(TableColumns.PositionRules, columns);
    }

    [Theory]
    [InlineData(typeof(ExportedPosition))]
    [InlineData(typeof(Position))]
    [InlineData(typeof(RuleChange))]
    public void EveryRule_HasItsProperty_InTheDocumentThePositionAndTheChange(Type carrier)
    {
        var rules = TableColumns.PositionRuleValues.Where(c => c != "updated_at");

        Assert.All(rules, column => Assert.True(carrier.GetProperty(Pascal(column)) is not null, $"{carrier.Name} has no {Pascal(column)} for position_rules.{column}"));
    }

    private static string Pascal(string column) =>
        string.Concat(column.Split('_').Select(part => char.ToUpper(part[0], CultureInfo.InvariantCulture) + part[1..]));
}
