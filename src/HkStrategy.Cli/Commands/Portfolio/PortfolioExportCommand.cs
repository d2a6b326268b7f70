using System.CommandLine;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Core.Failures;
using HkStrategy.Data.Portfolios.Exchange;
using HkStrategy.Operations.Exchange;

namespace HkStrategy.Cli.Commands.Portfolio;

/// <summary>
/// <c>hks portfolio export ID [--format json|csv] [--out FILE]</c>: the whole portfolio as a versioned JSON document
/// (what import reads back), or its positions as CSV for a spreadsheet.
/// </summary>
public sealed class PortfolioExportCommand(CliContext context) : HksCommand(context)
{
    private readonly Argument<string> _id = PortfolioCommand.Id();
    private readonly Option<string?> _format = new Option<string?>("--format") { Description = "json (everything, importable) or csv (positions, for spreadsheets); default: from --out's extension, else json" };
    private readonly Option<string?> _output = new Option<string?>("--out") { Description = "The file to write (default: standard output)" };

    protected override Command Define()
    {
        return new Command("export", "Export a portfolio: metadata, positions, rules, events and analyses") { _id, _format, _output };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var portfolioId = PortfolioCommand.RequireId(parseResult, _id);
        var kind = Kind(parseResult.GetValue(_format), parseResult.GetValue(_output));
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        var document = await PortfolioExport.ReadAsync(session.Connection, portfolioId, Context.Clock.GetUtcNow(), cancellationToken);
        var text = kind == "json" ? PortfolioDocumentJson.Write(document) : PortfolioCsv.Write(document);
        if (parseResult.GetValue(_output) is { } path)
        {
            if (Directory.Exists(path))
            {
                throw HksException.Usage("OutIsAFolder", $"--out {path} is a folder: name the file to write, such as {Path.Combine(path, portfolioId + "." + kind)}");
            }
            await HkStrategy.Operations.Files.AtomicFile.WriteAllTextAsync(path, text, cancellationToken);
            await Context.Error.WriteLineAsync($"exported {portfolioId} ({document.Positions.Count} position(s), {document.Analyses.Count} analysis(es)) to {path}");
        }
        else
        {
            await Context.Out.WriteAsync(text);
        }
        return 0;
    }

    /// <summary>The format asked for, else the one --out's extension names, else json; a format and an extension that disagree are refused.</summary>
    private static string Kind(string? asked, string? path)
    {
        if (asked is not (null or "json" or "csv"))
        {
            throw HksException.Usage("InvalidFormat", $"--format is json or csv, not '{HkStrategy.Core.Text.TextRules.Escape(asked)}'");
        }
        var named = Path.GetExtension(path ?? "").ToLowerInvariant() switch
        {
            ".csv" => "csv",
            ".json" => "json",
            _ => null,
        };
        if (asked is not null && named is not null && asked != named)
        {
            throw HksException.Usage("InvalidFormat", $"--format {asked} and --out {path} disagree: give one, or make them match");
        }
        return asked ?? named ?? "json";
    }
}
