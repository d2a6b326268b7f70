using System.CommandLine;
using HkStrategy.Cli.Commands.Backup;
using HkStrategy.Cli.Commands;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Core.Failures;
using HkStrategy.Data.Schema;
using HkStrategy.Operations.Backup;
using HkStrategy.Operations.Validation;

namespace HkStrategy.Cli.Commands.Validate;

/// <summary><c>hks validate</c>: the seed's recovery validation checklist, a mark per line; exit 1 if any fails.</summary>
public sealed class ValidateCommand(CliContext context) : HksCommand(context)
{
    private readonly Option<int?> _portfolios = new Option<int?>("--expect-portfolios") { Description = "How many portfolios there should be" };
    private readonly Option<string?> _portfolio = new Option<string?>("--portfolio") { Description = "The portfolio whose positions --expect-positions counts" };
    private readonly Option<int?> _positions = new Option<int?>("--expect-positions") { Description = "How many positions --portfolio should hold" };
    private readonly Option<decimal?> _value = new Option<decimal?>("--expect-value") { Description = "The total market value expected (HK$)" };
    private readonly Option<string> _tolerance = new Option<string>("--tolerance") { Description = "How far the total may be off, e.g. 5%", DefaultValueFactory = _ => "5%" };
    private readonly Option<string?> _against = new Option<string?>("--against") { Description = "Take the expectations from this backup's manifest" };
    private readonly Option<string?> _dashboard = new Option<string?>("--dashboard") { Description = "The dashboard's address; its /health/ready must answer" };
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define()
    {
        return new Command("validate", "Run the recovery validation checklist") { _portfolios, _portfolio, _positions, _value, _tolerance, _against, _dashboard, _json };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var expected = new ValidationExpectations
        {
            Portfolios = parseResult.GetValue(_portfolios),
            Portfolio = parseResult.GetValue(_portfolio),
            Positions = parseResult.GetValue(_positions),
            TotalValue = parseResult.GetValue(_value),
            TolerancePercent = ValidationExpectations.ParseTolerance(parseResult.GetValue(_tolerance)!),
            Dashboard = parseResult.GetValue(_dashboard) is { } address
                ? Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                    ? uri
                    : throw HksException.Usage("InvalidDashboardUrl", $"'{address}' is not an http(s) address")
                : null,
        };
        if (expected.Positions is not null && expected.Portfolio is null)
        {
            throw HksException.Usage("PortfolioRequired", "--expect-positions needs --portfolio ID");
        }
        if (parseResult.GetValue(_against) is { } backup)
        {
            var manifest = await BackupManifest.ReadAsync(BackupCatalog.Resolve(backup, BackupCommand.FolderOrDefault(Context, null)), cancellationToken);
            var largest = manifest.Portfolios.OrderByDescending(p => p.Positions).FirstOrDefault();
            expected = expected with
            {
                Portfolios = manifest.Portfolios.Count,
                Portfolio = largest?.PortfolioId,
                Positions = largest?.Positions,
                TotalValue = manifest.TotalMarketValue,
            };
        }
        await using var database = await DatabaseSession.OpenAsync(Context, parseResult, cancellationToken);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var items = await new RecoveryValidation(new SchemaMigrator(MigrationCatalog.Embedded), http, Context.Clock).RunAsync(database, expected, cancellationToken);
        if (parseResult.GetValue(_json))
        {
            await JsonOutput.WriteAsync(Context, new ValidationJson(items.All(i => i.Passed), items), CommandJson.Types.ValidationJson);
        }
        else
        {
            foreach (var item in items)
            {
                await Context.Out.WriteLineAsync($"[{item.Mark}] {item.Item} — {item.Detail}");
            }
            await Context.Out.WriteLineAsync(items.All(i => i.Passed) ? "validation passed" : $"validation FAILED: {items.Count(i => !i.Passed)} item(s)");
        }
        return items.All(i => i.Passed) ? 0 : 1;
    }
}

/// <summary>The recovery checklist: whether every item passed, and each item.</summary>
internal sealed record ValidationJson(bool Passed, IReadOnlyList<ChecklistItem> Items);
