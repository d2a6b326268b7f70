using System.CommandLine;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Data.Prices;

namespace HkStrategy.Cli.Commands.Prices;

/// <summary>
/// <c>hks prices repack</c>: every symbol's close series packed again from its daily bars, the mend for what
/// <c>hks check</c> finds (a series changed by hand, bars loaded with the triggers off). The series is derived from
/// the bars, which stay as they are: nothing is lost, so nothing asks for a backup or a confirmation. It names the
/// series it mended; with <c>--json</c>, <c>{symbols, mended}</c>.
/// </summary>
public sealed class PricesRepackCommand(CliContext context) : HksCommand(context)
{
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define() =>
        new("repack", "Pack every symbol's close series again from its daily bars (what 'hks check' asks for when they differ)") { _json };

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        var repacked = await CloseSeries.RepackAsync(session.Connection, cancellationToken);
        if (parseResult.GetValue(_json))
        {
            await JsonOutput.WriteAsync(Context, new PricesRepackJson(repacked.Symbols, repacked.Mended), CommandJson.Types.PricesRepackJson);
            return 0;
        }
        var mended = repacked.Mended.Count == 0 ? "each was already what its bars pack to"
            : $"{repacked.Mended.Count} mended ({string.Join(", ", repacked.Mended.Take(10))}{(repacked.Mended.Count > 10 ? ", …" : "")})";
        await Context.Out.WriteLineAsync($"packed the close series of {repacked.Symbols} symbol(s) from their daily bars: {mended}");
        return 0;
    }
}

internal sealed record PricesRepackJson(int Symbols, IReadOnlyList<string> Mended);
