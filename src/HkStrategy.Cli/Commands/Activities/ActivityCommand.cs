using System.CommandLine;
using HkStrategy.Cli.Infrastructure;

namespace HkStrategy.Cli.Commands.Activities;

/// <summary><c>hks activity</c>: a portfolio's ledger of trades, dividends, corporate actions and cash, from which its positions are derived.</summary>
public static class ActivityCommand
{
    public static Command Create(CliContext context) => new("activity", "A portfolio's activities: trades, dividends, corporate actions, cash; positions follow from them")
    {
        new ActivityAddCommand(context).Create(),
        new ActivityListCommand(context).Create(),
        new ActivityEditCommand(context).Create(),
        new ActivityRemoveCommand(context).Create(),
        new ActivityImportCommand(context).Create(),
        new ActivityExportCommand(context).Create(),
    };

    public static Argument<string> Portfolio() => new("portfolio") { Description = "The portfolio's id" };

    public static Argument<string> Id() => new("id") { Description = "The activity's id, as 'hks activity list' shows it" };

    public static long RequireId(string? text) =>
        long.TryParse(text?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw HkStrategy.Core.Failures.HksException.Usage("InvalidActivityId",
                $"'{HkStrategy.Core.Text.TextRules.Escape(text ?? "")}' is not an activity id (a whole number, as 'hks activity list' shows it)");
}
