using System.CommandLine;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Operations.Ledger;

namespace HkStrategy.Cli.Commands.Activities;

/// <summary><c>hks activity edit ID [values]</c>: changes an activity (the journal keeps it as it was) and derives its chain again.</summary>
public sealed class ActivityEditCommand(CliContext context) : HksCommand(context)
{
    private readonly Argument<string> _id = ActivityCommand.Id();
    private readonly ActivityOptions _options = new();
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define()
    {
        var command = new Command("edit", "Change an activity; the journal keeps it as it was, the positions follow") { _id, _json };
        foreach (var option in _options.All)
        {
            command.Options.Add(option);
        }
        return command;
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var id = ActivityCommand.RequireId(parseResult.GetValue(_id));
        var edit = _options.Edit(parseResult);
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        var recorded = await LedgerChanges.EditAsync(session.Connection, id, edit, cancellationToken);
        await ActivityOutput.WriteAsync(Context, recorded, parseResult.GetValue(_json), "changed");
        return 0;
    }
}
