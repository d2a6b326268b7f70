using System.CommandLine;
using HkStrategy.Cli.Commands;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Portfolios;
using HkStrategy.Data.Demo;
using HkStrategy.Data.Schema;
using HkStrategy.Operations.Demo;

namespace HkStrategy.Cli.Commands.Db.Seed;

/// <summary><c>hks db seed --demo</c>: the seed's verified state (5 portfolios, 12 positions, HK$4,052,660.20) in an empty database.</summary>
public sealed class SeedCommand(CliContext context) : HksCommand(context)
{
    private readonly Option<bool> _demo = new Option<bool>("--demo") { Description = "The seed document's verified state, with a year of synthetic daily bars" };
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define()
    {
        return new Command("seed", "Fill an empty database with the demo state") { _demo, _json };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        if (!parseResult.GetValue(_demo))
        {
            throw HksException.Usage("SeedKindRequired", "say what to seed: --demo");
        }
        await using var database = await DatabaseSession.OpenAsync(Context, parseResult, cancellationToken);
        var migrator = new SchemaMigrator(MigrationCatalog.Embedded);
        var prepared = await new FirstRun(migrator, Context.Clock).PrepareIfEmptyAsync(database, withDemo: false, cancellationToken);
        var bars = await new DemoSeeder(Context.Clock).SeedAsync(database, migrator, cancellationToken);
        var signals = await new HkStrategy.Operations.Demo.DemoSignals(Context.Clock).GenerateAsync(database, cancellationToken);
        var summary = new SeedJson(prepared, DemoState.Portfolios.Count, DemoState.MainPositions.Count, DemoState.TotalMarketValue, bars, signals);
        if (parseResult.GetValue(_json))
        {
            await JsonOutput.WriteAsync(Context, summary, CommandJson.Types.SeedJson);
        }
        else
        {
            await Context.Out.WriteLineAsync($"demo state seeded: {summary.Portfolios} portfolios, {summary.Positions} positions, HK${summary.MarketValue:N2}, {bars} synthetic price rows and {signals} signals of the last {HkStrategy.Operations.Demo.DemoSignals.Days} trading days (demo data)");
        }
        return 0;
    }
}

/// <summary>What seeding the demo wrote.</summary>
internal sealed record SeedJson(bool Migrated, int Portfolios, int Positions, decimal MarketValue, int DemoPriceRows, int DemoSignals);
