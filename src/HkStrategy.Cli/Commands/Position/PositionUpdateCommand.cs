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
public sealed class PositionUpdateCommand(CliContext context) : HksCommand(context)
{
    private readonly Argument<string> _portfolio = PositionCommand.Portfolio();
    private readonly Argument<string> _symbol = PositionCommand.Symbol();
    private readonly PositionOptions _options = new PositionOptions();
    private readonly Option<string[]> _clear = new Option<string[]>("--clear") { Description = "Remove a rule: target, trim-min, stop, tactical-stop, add-zone or buy-only (every gate); repeatable" };
    private readonly Option<string[]> _removeEvent = new Option<string[]>("--remove-event") { Description = "Remove the symbol's events on DATE; repeatable" };
    private readonly Option<long?> _expectVersion = new Option<long?>("--expect-version") { Description = "Refuse if the position's version is no longer this ('hks portfolio show --json' prints it)" };
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define()
    {
        var command = new Command("update", "Change a position, its rules or its symbol's events") { _portfolio, _symbol, _clear, _removeEvent, _expectVersion, _json };
        foreach (var option in _options.All)
        {
            command.Options.Add(option);
        }
        return command;
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var (portfolioId, code) = PositionCommand.Require(parseResult, _portfolio, _symbol);
        var cleared = (parseResult.GetValue(_clear) ?? []).ToHashSet(StringComparer.Ordinal);
        if (cleared.FirstOrDefault(c => !RuleStore.Names.Contains(c)) is { } unknown)
        {
            throw HksException.Usage("UnknownRule", $"--clear takes {string.Join(", ", RuleStore.Names)}, not '{TextRules.Escape(unknown)}'");
        }
        var change = _options.Change(parseResult) with { ExpectedVersion = parseResult.GetValue(_expectVersion) };
        var rules = _options.Rules(parseResult, cleared);
        var events = _options.NewEvents(parseResult);
        var removed = (parseResult.GetValue(_removeEvent) ?? []).Select(d => InputValues.Date("--remove-event", d)!.Value).ToList();
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        var outcome = await PositionChanges.UpdateAsync(session.Connection, portfolioId, code, change, rules, events, removed, cancellationToken);
        await (parseResult.GetValue(_json) ? JsonOutput.WriteAsync(Context, outcome.Position, CommandJson.Types.Position) : Context.Out.WriteLineAsync(outcome.Message));
        return 0;
    }
}
