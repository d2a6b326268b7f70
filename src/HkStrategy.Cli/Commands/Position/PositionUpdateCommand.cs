using HkStrategy.Core.Input;
using System.CommandLine;
using System.Globalization;
using HkStrategy.Cli.Commands;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Operations.Positions;
using HkStrategy.Cli.Rendering;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Text;
using HkStrategy.Data.Positions;

namespace HkStrategy.Cli.Commands.Position;

/// <summary>
/// <c>hks position update PORTFOLIO SYMBOL [values] [rules] [--clear RULE] [--event DATE:TEXT] [--remove-event DATE]</c>:
/// changes only what is given; <c>--expect-version</c> refuses if someone changed the position since it was read.
/// </summary>
public static class PositionUpdateCommand
{
    public static Command Create(CliContext context)
    {
        var portfolio = PositionCommand.Portfolio();
        var symbol = PositionCommand.Symbol();
        var options = new PositionOptions();
        var clear = new Option<string[]>("--clear") { Description = "Remove a rule: target, trim-min, stop, tactical-stop, add-zone or buy-only (every gate); repeatable" };
        var removeEvent = new Option<string[]>("--remove-event") { Description = "Remove the symbol's events on DATE; repeatable" };
        var expectVersion = new Option<long?>("--expect-version") { Description = "Refuse if the position's version is no longer this ('hks portfolio show --json' prints it)" };
        var json = CommonOptions.Json();
        var command = new Command("update", "Change a position, its rules or its symbol's events") { portfolio, symbol, clear, removeEvent, expectVersion, json };
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }
        command.SetHandler(context, async (parseResult, cancellationToken) =>
        {
            var (portfolioId, code) = PositionCommand.Require(parseResult, portfolio, symbol);
            var cleared = (parseResult.GetValue(clear) ?? []).ToHashSet(StringComparer.Ordinal);
            if (cleared.FirstOrDefault(c => !RuleStore.Names.Contains(c)) is { } unknown)
            {
                throw HksException.Usage("UnknownRule", $"--clear takes {string.Join(", ", RuleStore.Names)}, not '{TextRules.Escape(unknown)}'");
            }
            var change = options.Change(parseResult) with { ExpectedVersion = parseResult.GetValue(expectVersion) };
            var rules = options.Rules(parseResult, cleared);
            var events = options.NewEvents(parseResult);
            var removed = (parseResult.GetValue(removeEvent) ?? []).Select(d => InputValues.Date("--remove-event", d)!.Value).ToList();
            await using var session = await DataSession.OpenAsync(context, parseResult, cancellationToken);
            var outcome = await PositionChanges.UpdateAsync(session.Connection, portfolioId, code, change, rules, events, removed, cancellationToken);
            await (parseResult.GetValue(json) ? JsonOutput.WriteAsync(context, outcome.Position, CommandJson.Types.Position) : context.Out.WriteLineAsync(outcome.Message));
            return 0;
        });
        return command;
    }
}
