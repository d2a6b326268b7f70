using System.CommandLine;
using HkStrategy.Cli.Infrastructure;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Input;
using HkStrategy.Data.Brokers;
using HkStrategy.Operations.Brokers;

namespace HkStrategy.Cli.Commands.Portfolio;

/// <summary>
/// <c>hks portfolio broker ID [--broker NAME] [--commission-rate R%] [--commission-minimum A] [--platform-fee A] [--clear] [--json]</c>:
/// shows the portfolio's broker profile, or changes only what is given, or removes it.
/// </summary>
public sealed class PortfolioBrokerCommand(CliContext context) : HksCommand(context)
{
    private readonly Argument<string> _id = PortfolioCommand.Id();
    private readonly Option<string?> _broker = new("--broker") { Description = "The broker's name, for your eyes" };
    private readonly Option<string?> _rate = new("--commission-rate") { Description = "The rate of the consideration, with its percent sign (0.03%)" };
    private readonly Option<string?> _minimum = new("--commission-minimum") { Description = "The least commission per trade, HK$" };
    private readonly Option<string?> _platform = new("--platform-fee") { Description = "The flat platform fee per trade, HK$" };
    private readonly Option<bool> _clear = new("--clear") { Description = "Remove the profile: no commission on the trades recorded after" };
    private readonly Option<bool> _json = CommonOptions.Json();

    protected override Command Define() =>
        new("broker", "Show or set what the portfolio's broker charges per trade (commission rate, minimum, platform fee)")
        {
            _id, _broker, _rate, _minimum, _platform, _clear, _json,
        };

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var portfolioId = PortfolioCommand.RequireId(parseResult, _id);
        var change = new BrokerProfileChange(parseResult.GetValue(_broker), InputValues.Percent("--commission-rate", parseResult.GetValue(_rate)),
            InputValues.Amount("--commission-minimum", parseResult.GetValue(_minimum)), InputValues.Amount("--platform-fee", parseResult.GetValue(_platform)));
        var clear = parseResult.GetValue(_clear);
        if (clear && !change.ChangesNothing)
        {
            throw HksException.Usage("ClearWithValues", "--clear removes the profile: give it alone, or the values to set without it");
        }
        await using var session = await DataSession.OpenAsync(Context, parseResult, cancellationToken);
        if (clear)
        {
            await Context.Out.WriteLineAsync((await BrokerProfileChanges.ClearAsync(session.Connection, portfolioId, cancellationToken)).Message);
            return 0;
        }
        var (profile, line) = change.ChangesNothing
            ? await ShownAsync(session.Connection, portfolioId, cancellationToken)
            : await SetAsync(session.Connection, portfolioId, change, cancellationToken);
        if (!parseResult.GetValue(_json))
        {
            await Context.Out.WriteLineAsync(line);
            return 0;
        }
        await JsonOutput.WriteAsync(Context, new BrokerProfileJson(portfolioId, profile?.Broker, profile?.CommissionRate ?? 0m, profile?.CommissionMinimum ?? 0m,
            profile?.PlatformFee ?? 0m, profile is not null), CommandJson.Types.BrokerProfileJson);
        return 0;
    }

    private static async Task<(StoredBrokerProfile? Profile, string Line)> SetAsync(Npgsql.NpgsqlConnection connection, string portfolioId,
        BrokerProfileChange change, CancellationToken cancellationToken)
    {
        var (stored, step) = await BrokerProfileChanges.SetAsync(connection, portfolioId, change, cancellationToken);
        return (stored, step.Message);
    }

    private static async Task<(StoredBrokerProfile? Profile, string Line)> ShownAsync(Npgsql.NpgsqlConnection connection, string portfolioId,
        CancellationToken cancellationToken)
    {
        var profile = await BrokerProfileChanges.ShowAsync(connection, portfolioId, cancellationToken);
        return (profile, profile is null
            ? $"{portfolioId} has no broker profile: no commission ('hks portfolio broker {portfolioId} --commission-rate 0.03%' sets one)"
            : $"{portfolioId}: {BrokerProfileChanges.Describe(profile)}");
    }
}

/// <summary>A portfolio's broker profile; <c>configured</c> false: none (no commission).</summary>
internal sealed record BrokerProfileJson(string PortfolioId, string? Broker, decimal CommissionRate, decimal CommissionMinimum, decimal PlatformFee, bool Configured);
