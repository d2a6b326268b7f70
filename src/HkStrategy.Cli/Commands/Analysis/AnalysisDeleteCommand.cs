using System.CommandLine;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Data.Analyses;

namespace HkStrategy.Cli.Commands.Analysis;

/// <summary><c>hks analysis delete ID</c>: typed confirmation (the id), then the analysis and its daily values.</summary>
public static class AnalysisDeleteCommand
{
    public static Command Create(CliContext context)
    {
        var id = AnalysisCommand.Id();
        var yes = CommonOptions.Yes();
        var command = new Command("delete", "Delete a value analysis (typed confirmation)") { id, yes };
        command.SetHandler(context, async (parseResult, cancellationToken) =>
        {
            var analysisId = parseResult.GetValue(id);
            await using var session = await DataSession.OpenAsync(context, parseResult, cancellationToken);
            var (summary, _) = await AnalysisStore.GetAsync(session.Connection, analysisId, cancellationToken);
            var expected = analysisId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Confirmation.RequireAsync(context, parseResult.GetValue(yes),
                $"This deletes analysis {expected} \"{summary.Name}\" and its {summary.Days} daily value(s); 'hks analysis create' can compute it again from the bars.", expected, cancellationToken);
            await AnalysisStore.DeleteAsync(session.Connection, analysisId, cancellationToken);
            await context.Out.WriteLineAsync($"deleted analysis {expected}");
            return 0;
        });
        return command;
    }
}
