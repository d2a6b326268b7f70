using System.CommandLine;
using System.Globalization;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Core.Failures;
using HkStrategy.Data.Portfolios.Exchange;
using nietras.SeparatedValues;

namespace HkStrategy.Cli.Commands.Portfolio;

/// <summary>
/// <c>hks portfolio export ID [--format json|csv] [--out FILE]</c>: the whole portfolio as a versioned JSON document
/// (what import reads back), or its positions as CSV for a spreadsheet.
/// </summary>
public static class PortfolioExportCommand
{
    public static Command Create(CliContext context)
    {
        var id = PortfolioCommand.Id();
        var format = new Option<string>("--format") { Description = "json (everything, importable) or csv (positions, for spreadsheets)", DefaultValueFactory = _ => "json" };
        var output = new Option<string?>("--out") { Description = "The file to write (default: standard output)" };
        var command = new Command("export", "Export a portfolio: metadata, positions, rules, events and analyses") { id, format, output };
        command.SetHandler(context, async (parseResult, cancellationToken) =>
        {
            var portfolioId = PortfolioCommand.RequireId(parseResult, id);
            var kind = parseResult.GetValue(format);
            if (kind is not ("json" or "csv"))
            {
                throw HksException.Usage("InvalidFormat", $"--format is json or csv, not '{kind}'");
            }
            await using var session = await DataSession.OpenAsync(parseResult, cancellationToken);
            var document = await PortfolioExport.ReadAsync(session.Connection, portfolioId, context.Clock.GetUtcNow(), cancellationToken);
            var text = kind == "json" ? PortfolioDocumentJson.Write(document) : Csv(document);
            if (parseResult.GetValue(output) is { } path)
            {
                await File.WriteAllTextAsync(path, text, cancellationToken);
                await context.Error.WriteLineAsync($"exported {portfolioId} ({document.Positions.Count} position(s), {document.Analyses.Count} analysis(es)) to {path}");
            }
            else
            {
                await context.Out.WriteAsync(text);
            }
            return 0;
        });
        return command;
    }

    private static string Csv(PortfolioDocument document)
    {
        using var writer = Sep.New(',').Writer().ToText();
        foreach (var p in document.Positions)
        {
            using var row = writer.NewRow();
            row["Symbol"].Set(p.Symbol);
            row["Company"].Set(p.CompanyName ?? "");
            row["Sector"].Set(p.Sector ?? "");
            row["Quantity"].Format(p.Quantity);
            row["AverageCost"].Set(p.AverageCost.ToString(CultureInfo.InvariantCulture));
            row["CurrentPrice"].Set(p.CurrentPrice.ToString(CultureInfo.InvariantCulture));
            row["MarketValue"].Set(Math.Round(p.Quantity * p.CurrentPrice, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture));
            row["UnrealizedPnl"].Set(Math.Round((p.CurrentPrice - p.AverageCost) * p.Quantity, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture));
            row["TargetSell"].Set(p.TargetSell?.ToString(CultureInfo.InvariantCulture) ?? "");
            row["StopLoss"].Set(p.StopLoss?.ToString(CultureInfo.InvariantCulture) ?? "");
        }
        return writer.ToString();
    }
}
