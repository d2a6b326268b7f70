using System.CommandLine;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Data.Prices;

namespace HkStrategy.Cli.Commands.Prices;

/// <summary>
/// <c>hks prices repack</c>: every symbol's close series packed again from its daily bars, the mend for what
/// <c>hks check</c> finds (a series changed by hand, bars loaded with the triggers off). The series is derived from
/// the bars, which stay as they are: nothing is lost, so nothing asks for a backup or a confirmation.
/// </summary>
public sealed class PricesRepackCommand(CliContext context) : HksCommand(context)
{
    protected override Command Define() => new("repack", "Pack every symbol's close series again from its daily bars (what 'hks check' asks for when they differ)");

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        var symbols = await CloseSeries.RepackAsync(session.Connection, cancellationToken);
        await Context.Out.WriteLineAsync($"packed the close series of {symbols} symbol(s) from their daily bars");
        return 0;
    }
}
