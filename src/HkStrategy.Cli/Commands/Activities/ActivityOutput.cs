using System.Globalization;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Operations.Ledger;
using HkStrategy.Operations.Steps;

namespace HkStrategy.Cli.Commands.Activities;

/// <summary>What <c>add</c> and <c>edit</c> print: the JSON object, or one line with its costs and the position it leaves; warnings on standard error.</summary>
internal static class ActivityOutput
{
    public static async Task WriteAsync(CliContext context, RecordedActivity recorded, bool json, string verb)
    {
        foreach (var warning in recorded.Warnings)
        {
            await context.Error.WriteLineAsync("warning: " + warning);
        }
        if (json)
        {
            await JsonOutput.WriteAsync(context, ActivityJson.Of(recorded), CommandJson.Types.ActivityJson);
            return;
        }
        var a = recorded.Activity;
        var line = $"{verb} activity {a.Id.ToString(CultureInfo.InvariantCulture)} in {a.PortfolioId}: {ActivityText.Line(a)}";
        if (a.Fees.Total > 0m)
        {
            line += $", costs HK${StepText.Amount(a.Fees.Total)}";
        }
        if (recorded.RealizedPnl is { } pnl)
        {
            line += $", realised HK${StepText.Amount(pnl)}";
        }
        if (a.Leaves is { } left)
        {
            line += $"; {a.Symbol} now {StepText.Shares(left.Quantity)} at {StepText.Price(left.AverageCost)}";
        }
        await context.Out.WriteLineAsync(line);
    }
}
