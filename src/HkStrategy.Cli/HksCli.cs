using System.CommandLine;
using HkStrategy.Cli.Commands.Analysis;
using HkStrategy.Cli.Commands.Backup;
using HkStrategy.Cli.Commands.Check;
using HkStrategy.Cli.Commands.Db;
using HkStrategy.Cli.Commands.Diff;
using HkStrategy.Cli.Commands.Activities;
using HkStrategy.Cli.Commands.Fees;
using HkStrategy.Cli.Commands.Indicators;
using HkStrategy.Cli.Commands.Portfolio;
using HkStrategy.Cli.Commands.Position;
using HkStrategy.Cli.Commands.Prices;
using HkStrategy.Cli.Commands.Signals;
using HkStrategy.Cli.Commands.Restore;
using HkStrategy.Cli.Commands.Validate;
using HkStrategy.Cli.Commands.Serve;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Core.Failures;

namespace HkStrategy.Cli;

/// <summary>The <c>hks</c> command tree; parse errors are one line and exit code 2.</summary>
public static class HksCli
{
    public static RootCommand Create(CliContext context)
    {
        var root = new RootCommand("hks: HK Strategy — HKEX portfolios on your own PostgreSQL, with safe schema changes, backups and restores")
        {
            DbCommand.Create(context),
            PortfolioCommand.Create(context),
            PositionCommand.Create(context),
            PricesCommand.Create(context),
            new IndicatorsCommand(context).Create(),
            SignalsCommand.Create(context),
            AnalysisCommand.Create(context),
            BackupCommand.Create(context),
            new RestoreCommand(context).Create(),
            new CheckCommand(context).Create(),
            new ValidateCommand(context).Create(),
            new DiffCommand(context).Create(),
            FeesCommand.Create(context),
            ActivityCommand.Create(context),
            new HkStrategy.Cli.Commands.Performance.PerformanceCommand(context).Create(),
            new ServeCommand(context).Create(),
        };
        root.Options.Add(CommonOptions.Database);
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var parseResult = Create(context).Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            await context.Error.WriteLineAsync($"hks: {parseResult.Errors[0].Message} (see 'hks --help') [Usage]");
            return (int)ExitCode.Usage;
        }
        if (context.Settings.Problems is [var problem, ..])
        {
            await context.Error.WriteLineAsync($"hks: {problem.Message} [{problem.Name}]");
            return (int)ExitCode.Usage;
        }
        return await parseResult.InvokeAsync(new InvocationConfiguration
        {
            EnableDefaultExceptionHandler = false,
            Output = context.Out,
            Error = context.Error,
        }, cancellationToken);
    }
}
