using System.CommandLine;
using System.Globalization;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Data.Analyses;

namespace HkStrategy.Cli.Commands.Analysis;

/// <summary><c>hks analysis equity delete</c>: one equity strategy analysis.</summary>
public sealed class EquityDeleteCommand(CliContext context) : HksCommand(context)
{
    private readonly Argument<int> _id = AnalysisCommand.Id();
    private readonly Option<bool> _yes = CommonOptions.Yes();

    protected override Command Define()
    {
        return new Command("delete", "Delete an equity strategy analysis (typed confirmation)") { _id, _yes };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var analysisId = parseResult.GetValue(_id);
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        var (summary, signals) = await EquityAnalysisStore.GetAsync(session.Connection, analysisId, cancellationToken);
        var expected = analysisId.ToString(CultureInfo.InvariantCulture);
        await Confirmation.RequireAsync(Context, parseResult.GetValue(_yes),
            $"This deletes equity analysis {expected} \"{summary.Name}\" and its {signals.Count} signal(s); running it again gives it back.", expected, cancellationToken);
        await EquityAnalysisStore.DeleteAsync(session.Connection, analysisId, cancellationToken);
        await Context.Out.WriteLineAsync($"deleted equity analysis {expected}");
        return 0;
    }
}
