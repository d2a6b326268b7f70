using System.CommandLine;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Operations.Analysis;
using HkStrategy.Data.Analyses;

namespace HkStrategy.Cli.Commands.Analysis;

/// <summary><c>hks analysis delete ID</c>: typed confirmation (the id) and a verified backup, then the analysis and its daily values.</summary>
public static class AnalysisDeleteCommand
{
    public static Command Create(CliContext context)
    {
        var id = AnalysisCommand.Id();
        var yes = CommonOptions.Yes();
        var command = new Command("delete", "Delete a value analysis (typed confirmation; a verified backup first)") { id, yes };
        command.SetHandler(context, async (parseResult, cancellationToken) =>
        {
            var analysisId = parseResult.GetValue(id);
            await using var session = await DataSession.OpenAsync(context, parseResult, cancellationToken);
            await Confirmation.RequireAsync(context, parseResult.GetValue(yes), await AnalysisDeletion.AskAsync(session.Connection, analysisId, cancellationToken), cancellationToken);
            var outcome = await new AnalysisDeletion(session.Database, context.SafetyBackup).DeleteAsync(session.Connection, analysisId, cancellationToken);
            await StepOutput.WriteAsync(context, outcome);
            return 0;
        });
        return command;
    }
}
