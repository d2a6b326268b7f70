using System.Text;
using HkStrategy.Core.Portfolios;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Portfolios.Exchange;
using HkStrategy.Operations.Exchange;
using HkStrategy.Web.Shared;

namespace HkStrategy.Web.Portfolios;

/// <summary><c>/portfolios/{id}/export.json</c> (the document import reads back) and <c>.csv</c> (positions for a spreadsheet).</summary>
public static class PortfolioExportEndpoints
{
    public static void MapPortfolioExport(this WebApplication app)
    {
        app.MapGet("/portfolios/{id}/export.json", (string id, Database database, TimeProvider clock, CancellationToken ct) =>
            ExportAsync(id, database, clock, PortfolioDocumentJson.Write, "json", "application/json", ct)).WithTags("Portfolios").RequireCurrentSchema();
        app.MapGet("/portfolios/{id}/export.csv", (string id, Database database, TimeProvider clock, CancellationToken ct) =>
            ExportAsync(id, database, clock, PortfolioCsv.Write, "csv", "text/csv", ct)).WithTags("Portfolios").RequireCurrentSchema();
    }

    private static async Task<IResult> ExportAsync(string id, Database database, TimeProvider clock, Func<PortfolioDocument, string> write,
        string extension, string contentType, CancellationToken cancellationToken)
    {
        PortfolioId.Require(id);
        await using var connection = await database.OpenAsync(cancellationToken);
        var document = await PortfolioExport.ReadAsync(connection, id, clock.GetUtcNow(), cancellationToken);
        return Results.File(Encoding.UTF8.GetBytes(write(document)), contentType, $"{id}.{extension}");
    }
}
