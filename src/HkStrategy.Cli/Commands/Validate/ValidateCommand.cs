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
public static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var portfolios = new Option<int?>("--expect-portfolios") { Description = "How many portfolios there should be" };
        var portfolio = new Option<string?>("--portfolio") { Description = "The portfolio whose positions --expect-positions counts" };
        var positions = new Option<int?>("--expect-positions") { Description = "How many positions --portfolio should hold" };
        var value = new Option<decimal?>("--expect-value") { Description = "The total market value expected (HK$)" };
        var tolerance = new Option<string>("--tolerance") { Description = "How far the total may be off, e.g. 5%", DefaultValueFactory = _ => "5%" };
        var against = new Option<string?>("--against") { Description = "Take the expectations from this backup's manifest" };
        var dashboard = new Option<string?>("--dashboard") { Description = "The dashboard's address; its /health/ready must answer" };
        var json = CommonOptions.Json();
        var command = new Command("validate", "Run the recovery validation checklist") { portfolios, portfolio, positions, value, tolerance, against, dashboard, json };
        command.SetHandler(context, async (parseResult, cancellationToken) =>
        {
            var expected = new ValidationExpectations
            {
                Portfolios = parseResult.GetValue(portfolios),
                Portfolio = parseResult.GetValue(portfolio),
                Positions = parseResult.GetValue(positions),
                TotalValue = parseResult.GetValue(value),
                TolerancePercent = ValidationExpectations.ParseTolerance(parseResult.GetValue(tolerance)!),
                Dashboard = parseResult.GetValue(dashboard) is { } address
                    ? Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                        ? uri
                        : throw HksException.Usage("InvalidDashboardUrl", $"'{address}' is not an http(s) address")
                    : null,
            };
            if (expected.Positions is not null && expected.Portfolio is null)
            {
                throw HksException.Usage("PortfolioRequired", "--expect-positions needs --portfolio ID");
            }
            if (parseResult.GetValue(against) is { } backup)
            {
                var manifest = await BackupManifest.ReadAsync(BackupCatalog.Resolve(backup, BackupCommand.FolderOrDefault(context, null)), cancellationToken);
                var largest = manifest.Portfolios.OrderByDescending(p => p.Positions).FirstOrDefault();
                expected = expected with
                {
                    Portfolios = manifest.Portfolios.Count,
                    Portfolio = largest?.PortfolioId,
                    Positions = largest?.Positions,
                    TotalValue = manifest.TotalMarketValue,
                };
            }
            await using var database = await DatabaseSession.OpenAsync(context, parseResult, cancellationToken);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var items = await new RecoveryValidation(new SchemaMigrator(MigrationCatalog.Embedded), http, context.Clock).RunAsync(database, expected, cancellationToken);
            if (parseResult.GetValue(json))
            {
                await JsonOutput.WriteAsync(context, new ValidationJson(items.All(i => i.Passed), items), CommandJson.Types.ValidationJson);
            }
            else
            {
                foreach (var item in items)
                {
                    await context.Out.WriteLineAsync($"[{item.Mark}] {item.Item} — {item.Detail}");
                }
                await context.Out.WriteLineAsync(items.All(i => i.Passed) ? "validation passed" : $"validation FAILED: {items.Count(i => !i.Passed)} item(s)");
            }
            return items.All(i => i.Passed) ? 0 : 1;
        });
        return command;
    }
}

/// <summary>The recovery checklist: whether every item passed, and each item.</summary>
internal sealed record ValidationJson(bool Passed, IReadOnlyList<ChecklistItem> Items);
