using System.CommandLine;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Operations.Ledger;

namespace HkStrategy.Cli.Commands.Activities;

/// <summary><c>hks activity remove ID</c>: typed confirmation, a verified backup, then the activity goes and its chain is derived again.</summary>
public sealed class ActivityRemoveCommand(CliContext context) : HksCommand(context)
{
    private readonly Argument<string> _id = ActivityCommand.Id();
    private readonly Option<bool> _yes = CommonOptions.Yes();

    protected override Command Define() =>
        new("remove", "Remove an activity (typed confirmation; a verified backup first; the journal keeps it)") { _id, _yes };

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var id = ActivityCommand.RequireId(parseResult.GetValue(_id));
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        await Confirmation.RequireAsync(Context, parseResult.GetValue(_yes), await ActivityRemoval.AskAsync(session.Connection, id, cancellationToken), cancellationToken);
        var outcome = await new ActivityRemoval(session.Database, Context.SafetyBackup).RemoveAsync(session.Connection, id, cancellationToken);
        await StepOutput.WriteAsync(Context, outcome);
        return 0;
    }
}
