using Dapper;
using HkStrategy.Core.Failures;
using HkStrategy.Data.Portfolios.Exchange;
using HkStrategy.Testing;

namespace HkStrategy.Data.Tests.Portfolios;

public sealed class PortfolioImportTests
{
    [Fact]
    public async Task AnImportPreviewedAsAddingOnly_IsRefused_WhenItWouldNowChangeRowsThatAppearedSince()
    {
        await using var db = await DemoDatabases.SeededAsync();
        await using var connection = await db.OpenAsync();
        // As a version 2 document (positions without their ledger, which Operations imports): the positions' own path.
        var document = (await PortfolioExport.ReadAsync(connection, "My_HKEX_ALL", DateTimeOffset.UtcNow, CancellationToken.None)) with { Version = 2, Activities = [], Broker = null };
        var preview = await PortfolioImport.ApplyAsync(connection, document, "Imported", dryRun: true, CancellationToken.None);
        Assert.False(preview.ChangesExistingRows);
        // Meanwhile someone else creates the portfolio with one of the document's positions, at another quantity.
        await db.ExecuteAsync("""
            INSERT INTO portfolios (portfolio_id, name) VALUES ('Imported', 'Imported');
            INSERT INTO portfolio_positions (portfolio_id, symbol, company_name, quantity, avg_cost, current_price, sector)
            VALUES ('Imported', '0700.HK', 'Tencent', 1, 1, 1, 'Tech');
            """);

        var refused = await Assert.ThrowsAsync<HksException>(() =>
            PortfolioImport.ApplyAsync(connection, document, "Imported", dryRun: false, CancellationToken.None, onlyAdd: true));

        Assert.Equal("ImportChangedMeanwhile", refused.Name);
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM portfolio_positions WHERE portfolio_id = 'Imported'"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT quantity FROM portfolio_positions WHERE portfolio_id = 'Imported'"));
    }
}
