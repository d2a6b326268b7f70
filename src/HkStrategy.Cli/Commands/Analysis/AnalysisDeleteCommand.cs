using System.CommandLine;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Operations.Analysis;
using HkStrategy.Data.Analyses;

namespace HkStrategy.Cli.Commands.Analysis;

/// <summary><c>hks analysis delete ID</c>: typed confirmation (the id) and a verified backup, then the analysis and its daily values.</summary>
public sealed class AnalysisDeleteCommand(CliContext context) : HksCommand(context)
{
    private readonly Argument<int> _id = AnalysisCommand.Id();
    private readonly Option<bool> _yes = CommonOptions.Yes();

    protected override Command Define()
    {
        return new Command("delete", "Delete a value analysis (typed confirmation; a verified backup first)") { _id, _yes };
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var analysisId = parseResult.GetValue(_id);
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        await Confirmation.RequireAsync(Context, parseResult.GetValue(_yes), await AnalysisDeletion.AskAsync(session.Connection, analysisId, cancellationToken), cancellationToken);
        var outcome = await new AnalysisDeletion(session.Database, Context.SafetyBackup).DeleteAsync(session.Connection, analysisId, cancellationToken);
        await StepOutput.WriteAsync(Context, outcome);
        return 0;
    }
}
